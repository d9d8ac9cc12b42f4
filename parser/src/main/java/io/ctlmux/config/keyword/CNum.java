package io.ctlmux.config.keyword;

/** C library number scanning as OpenSSH uses it (strtol, strtonum), on Java strings. */
final class CNum {
    private CNum() {
    }

    /** Result of a {@code strtol}-style scan: value (saturated on overflow), end index, flags. */
    record Scan(long value, int end, boolean digits, boolean overflow) {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /**
     * Scans like {@code strtol(s + from, &end, base)} with base 10, 8, or 0 (auto: 0x hex, leading 0 octal).
     * On no conversion, {@code end == from} and {@code digits == false}.
     */
    static Scan strtol(String s, int from, int base) {
        int i = from;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int b = base;
        if ((b == 0 || b == 16) && i + 2 < n && s.charAt(i) == '0'
                && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X') && Character.digit(s.charAt(i + 2), 16) >= 0) {
            b = 16;
            i += 2;
        } else if (b == 0) {
            b = i < n && s.charAt(i) == '0' ? 8 : 10;
        }
        int start = i;
        long v = 0;
        boolean overflow = false;
        while (i < n) {
            char c = s.charAt(i);
            int d = c < 128 ? Character.digit(c, b) : -1;
            if (d < 0) {
                break;
            }
            if (!overflow) {
                if (v > (Long.MAX_VALUE - d) / b) {
                    overflow = true;
                } else {
                    v = v * b + d;
                }
            }
            i++;
        }
        if (i == start) {
            return new Scan(0, from, false, false);
        }
        long value = overflow ? (neg ? Long.MIN_VALUE : Long.MAX_VALUE) : (neg ? -v : v);
        return new Scan(value, i, true, overflow);
    }

    /**
     * OpenBSD {@code strtonum}: the value, or one of the error strings {@code invalid}, {@code too small},
     * {@code too large} (returned through {@link ValueResult.Err}).
     */
    static ValueResult<Long> strtonum(String s, long min, long max) {
        if (s == null) {
            return ValueResult.err("invalid");
        }
        Scan sc = strtol(s, 0, 10);
        if (!sc.digits() || sc.end() != s.length()) {
            return ValueResult.err("invalid");
        }
        if (sc.value() < min) {
            return ValueResult.err("too small");
        }
        if (sc.value() > max) {
            return ValueResult.err("too large");
        }
        return ValueResult.ok(sc.value());
    }
}
