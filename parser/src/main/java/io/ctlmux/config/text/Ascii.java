package io.ctlmux.config.text;

/** ASCII-only case mapping, as OpenSSH's {@code tolower} on bytes in the C or a UTF-8 locale. */
public final class Ascii {
    private Ascii() {
    }

    /** Lower-cases A-Z only; returns {@code s} itself when there is nothing to change. */
    public static String lower(String s) {
        char[] c = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                if (c == null) {
                    c = s.toCharArray();
                }
                c[i] = (char) (ch + ('a' - 'A'));
            }
        }
        return c == null ? s : new String(c);
    }
}
