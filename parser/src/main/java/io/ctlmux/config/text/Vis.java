package io.ctlmux.config.text;

/** The vis(3) encoding ssh's logger applies to every stderr message. */
public final class Vis {
    private Vis() {
    }

    private static boolean graph(int c) {
        return c > 32 && c < 127;
    }

    /**
     * What ssh's logger does to every stderr message (strnvis with VIS_SAFE|VIS_OCTAL): printable ASCII, space,
     * tab, newline, BEL, BS and CR pass; a backslash is doubled; other bytes become {@code \ooo}.
     */
    public static String log(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            int c = s.charAt(i) & 0xff;
            if (c == '\\') {
                sb.append("\\\\");
            } else if (graph(c) || c == ' ' || c == '\t' || c == '\n' || c == '\b' || c == 7 || c == '\r') {
                sb.append((char) c);
            } else {
                sb.append('\\').append((char) ('0' + ((c >> 6) & 7))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            }
        }
        return sb.toString();
    }
}
