package io.ctlmux.config.keyword;

import io.ctlmux.config.text.ByteText;

/** {@code EscapeChar}: a byte value, or {@link #NONE}. */
public final class EscapeChar {
    /** {@code none}: no escape character. */
    public static final int NONE = -2;
    /** The default, {@code ~}. */
    public static final int DEFAULT = '~';

    private EscapeChar() {
    }

    /**
     * {@code none}, a single byte, or {@code ^X} with X in {@code @..DEL-1} (control character X & 31).
     * Errors: {@code Missing argument.}, {@code Bad escape character.}.
     */
    public static ValueResult<Integer> parse(String arg) {
        if (arg == null || arg.isEmpty()) {
            return ValueResult.err("Missing argument.");
        }
        byte[] b = ByteText.bytes(arg);
        if (arg.equals("none")) {
            return ValueResult.ok(NONE);
        }
        if (b.length == 1) {
            return ValueResult.ok(b[0] & 0xff);
        }
        if (b.length == 2 && b[0] == '^' && (b[1] & 0xff) >= 64 && (b[1] & 0xff) < 128) {
            return ValueResult.ok(b[1] & 31);
        }
        return ValueResult.err("Bad escape character.");
    }

    /** The {@code -G} line: {@code escapechar none} or the byte {@code vis}-encoded with VIS_WHITE. */
    public static String render(int c) {
        return c == NONE ? "escapechar none" : "escapechar " + vis(c);
    }

    /** OpenBSD {@code vis(c, VIS_WHITE)} of one byte. */
    static String vis(int c) {
        if (c == '\\') {
            return "\\\\";
        }
        if (c > 32 && c < 127) {
            return String.valueOf((char) c);
        }
        if ((c & 0177) == ' ') {
            return "\\" + ((c >> 6) & 7) + ((c >> 3) & 7) + (c & 7);
        }
        StringBuilder b = new StringBuilder("\\");
        int v = c;
        if ((v & 0200) != 0) {
            v &= 0177;
            b.append('M');
        }
        if (v < 32 || v == 127) {
            b.append('^').append(v == 127 ? '?' : (char) (v + '@'));
        } else {
            b.append('-').append((char) v);
        }
        return b.toString();
    }
}
