package io.ctlmux.config.keyword;

import java.util.List;

/**
 * {@code RekeyLimit}: bytes and the optional interval. Each part is first-wins on its own in OpenSSH: an
 * {@code interval} of null means the line did not set it ({@code none} or absent).
 */
public record RekeyLimit(long bytes, Integer interval) {

    /**
     * Parses the arguments: a size ({@code default} = 0; {@code scan_scaled} with B/K/M/G/T/P/E, otherwise at
     * least 16) then an optional time or {@code none}. Errors: {@code Missing argument.},
     * {@code Bad number 'x': Invalid argument}, {@code Bad number 'x': Numerical result out of range},
     * {@code RekeyLimit too small}, {@code missing time value.}, {@code invalid time value.}.
     */
    public static ValueResult<RekeyLimit> parse(List<String> args, Dialect d) {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            return ValueResult.err("Missing argument.");
        }
        String arg = args.get(0);
        long bytes;
        if (arg.equals("default")) {
            bytes = 0;
        } else {
            ValueResult<Long> v = scanScaled(arg);
            if (!v.isOk()) {
                return ValueResult.err("Bad number '" + arg + "': " + v.error());
            }
            bytes = v.value();
            if (bytes != 0 && bytes < 16) {
                return ValueResult.err("RekeyLimit too small");
            }
        }
        if (args.size() < 2 || args.get(1).equals("none")) {
            return ValueResult.ok(new RekeyLimit(bytes, null));
        }
        return TimeSpec.parseTimeOrNone(args.get(1), d).map(t -> new RekeyLimit(bytes, t));
    }

    /** The {@code -G} line for the effective values (unset parts are 0). */
    public static String render(long bytes, int interval) {
        return "rekeylimit " + Long.toUnsignedString(bytes) + " " + interval;
    }

    private static final String EINVAL = "Invalid argument";
    private static final String ERANGE = "Numerical result out of range";
    private static final String SCALE = "BKMGTPE";
    private static final int MAX_DIGITS = 21;

    /** OpenBSD {@code scan_scaled}; the error is the {@code strerror} text. */
    static ValueResult<Long> scanScaled(String s) {
        int p = 0;
        int n = s.length();
        while (p < n && CNum.isSpace(s.charAt(p))) {
            p++;
        }
        int sign = 0;
        while (p < n && (s.charAt(p) == '-' || s.charAt(p) == '+')) {
            if (sign != 0) {
                return ValueResult.err(EINVAL);
            }
            sign = s.charAt(p) == '-' ? -1 : 1;
            p++;
        }
        int ndigits = 0;
        int fractDigits = 0;
        long whole = 0;
        long fpart = 0;
        for (; p < n && ((s.charAt(p) >= '0' && s.charAt(p) <= '9') || s.charAt(p) == '.'); p++) {
            char c = s.charAt(p);
            if (c == '.') {
                if (fractDigits > 0) {
                    return ValueResult.err(EINVAL);
                }
                fractDigits = 1;
                continue;
            }
            int i = c - '0';
            if (fractDigits > 0) {
                if (fractDigits >= MAX_DIGITS - 1) {
                    continue;
                }
                fractDigits++;
                if (fpart > Long.MAX_VALUE / 10) {
                    return ValueResult.err(ERANGE);
                }
                fpart *= 10;
                if (i > Long.MAX_VALUE - fpart) {
                    return ValueResult.err(ERANGE);
                }
                fpart += i;
            } else {
                if (++ndigits >= MAX_DIGITS) {
                    return ValueResult.err(ERANGE);
                }
                if (whole > Long.MAX_VALUE / 10) {
                    return ValueResult.err(ERANGE);
                }
                whole *= 10;
                if (i > Long.MAX_VALUE - whole) {
                    return ValueResult.err(ERANGE);
                }
                whole += i;
            }
        }
        if (sign != 0) {
            whole *= sign;
        }
        if (p >= n) {
            return ValueResult.ok(whole);
        }
        char unit = s.charAt(p);
        int idx = SCALE.indexOf(Character.toUpperCase(unit));
        if (idx < 0 || !(unit == SCALE.charAt(idx) || unit == Character.toLowerCase(SCALE.charAt(idx)))) {
            return ValueResult.err(EINVAL);
        }
        if (p + 1 < n && Character.isLetterOrDigit(s.charAt(p + 1)) && s.charAt(p + 1) < 128) {
            return ValueResult.err(EINVAL);
        }
        long scale = 1L << (10 * idx);
        if (whole > Long.MAX_VALUE / scale || whole < Long.MIN_VALUE / scale) {
            return ValueResult.err(ERANGE);
        }
        whole *= scale;
        while (fpart >= Long.MAX_VALUE / scale || fpart <= Long.MIN_VALUE / scale) {
            fpart /= 10;
            fractDigits--;
        }
        fpart *= scale;
        if (fractDigits > 0) {
            for (int i = 0; i < fractDigits - 1; i++) {
                fpart /= 10;
            }
        }
        whole = sign == -1 ? whole - fpart : whole + fpart;
        return ValueResult.ok(whole);
    }
}
