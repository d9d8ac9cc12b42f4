package io.ctlmux.config.text;

/** The two vis(3) encodings OpenSSH's client output uses. */
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

    /** vis(buf, c, VIS_WHITE, 0) as used for {@code escapechar} in {@code ssh -G}. */
    public static String escapeChar(int c) {
        c &= 0xff;
        if (graph(c)) {
            return c == '\\' ? "\\\\" : String.valueOf((char) c);
        }
        StringBuilder sb = new StringBuilder("\\");
        if ((c & 0177) == ' ') {
            return "\\" + (char) ('0' + ((c >> 6) & 7)) + (char) ('0' + ((c >> 3) & 7)) + (char) ('0' + (c & 7));
        }
        if ((c & 0200) != 0) {
            c &= 0177;
            sb.append('M');
        }
        if (c < 32 || c == 127) {
            sb.append('^').append(c == 127 ? '?' : (char) (c + '@'));
        } else {
            sb.append('-').append((char) c);
        }
        return sb.toString();
    }
}
