package io.ctlmux.config.keyword;

import java.util.OptionalInt;

/** Time intervals ({@code misc.c:convtime}) and the time-valued keyword parse. */
public final class TimeSpec {
    private static final long INT_MAX = Integer.MAX_VALUE;

    private TimeSpec() {
    }

    /**
     * OpenSSH {@code convtime}: seconds, or empty when invalid. Before 10.3 it is {@code strtol} based (leading
     * whitespace and {@code +} accepted, repeated units such as {@code 5s5s}); from 10.3 it is
     * {@code convtime_double} (decimal seconds truncated, one seconds part only). Maximum INT_MAX.
     */
    public static OptionalInt convtime(String s, Dialect dialect) {
        if (s == null || s.isEmpty()) {
            return OptionalInt.empty();
        }
        return dialect.atLeast(10, 3) ? convtimeDouble(s) : convtimeStrtol(s);
    }

    /**
     * Parses a time keyword argument ({@code ConnectTimeout}, {@code ServerAliveInterval}, ...): {@code none}
     * gives -1, otherwise seconds. Errors: {@code missing time value.}, {@code invalid time value.}.
     */
    public static ValueResult<Integer> parseTimeOrNone(String arg, Dialect dialect) {
        if (arg == null || arg.isEmpty()) {
            return ValueResult.err("missing time value.");
        }
        if (arg.equals("none")) {
            return ValueResult.ok(-1);
        }
        OptionalInt v = convtime(arg, dialect);
        return v.isPresent() ? ValueResult.ok(v.getAsInt()) : ValueResult.err("invalid time value.");
    }

    private static long multiplier(char c) {
        switch (c) {
            case 's': case 'S': return 1;
            case 'm': case 'M': return 60;
            case 'h': case 'H': return 3600;
            case 'd': case 'D': return 86400;
            case 'w': case 'W': return 604800;
            default: return -1;
        }
    }

    private static OptionalInt convtimeStrtol(String s) {
        long total = 0;
        int p = 0;
        int n = s.length();
        while (p < n) {
            CNum.Scan sc = CNum.strtol(s, p, 10);
            if (!sc.digits() || sc.value() < 0) {
                return OptionalInt.empty();
            }
            long secs = sc.value();
            int end = sc.end();
            long mult;
            if (end == n) {
                mult = 1;
            } else {
                mult = multiplier(s.charAt(end));
                if (mult < 0) {
                    return OptionalInt.empty();
                }
                end++;
            }
            if (secs > INT_MAX / mult) {
                return OptionalInt.empty();
            }
            secs *= mult;
            if (total > INT_MAX - secs) {
                return OptionalInt.empty();
            }
            total += secs;
            p = end;
        }
        return OptionalInt.of((int) total);
    }

    private static OptionalInt convtimeDouble(String s) {
        double total = 0.0;
        boolean seenSeconds = false;
        int p = 0;
        int n = s.length();
        while (p < n) {
            int q = p;
            int dots = 0;
            int digits = 0;
            while (q < n && (Character.isDigit(s.charAt(q)) && s.charAt(q) < 128 || s.charAt(q) == '.')) {
                if (s.charAt(q) == '.') {
                    dots++;
                } else {
                    digits++;
                }
                q++;
            }
            if (q == p || digits == 0 || dots > 1) {
                return OptionalInt.empty();
            }
            String num = s.substring(p, q);
            double val = Double.parseDouble(num);
            if (Double.isInfinite(val) || (val != 0.0 && val < Double.MIN_NORMAL)
                    || (val == 0.0 && num.chars().anyMatch(c -> c >= '1' && c <= '9'))) {
                return OptionalInt.empty(); // strtod ERANGE
            }
            double mult;
            if (q == n || s.charAt(q) == 's' || s.charAt(q) == 'S') {
                if (seenSeconds) {
                    return OptionalInt.empty();
                }
                seenSeconds = true;
                mult = 1;
            } else {
                long m = multiplier(s.charAt(q));
                if (m < 0) {
                    return OptionalInt.empty();
                }
                mult = m;
            }
            if (dots > 0 && (mult > 1.0 || !Character.isDigit(s.charAt(q - 1)))) {
                return OptionalInt.empty();
            }
            total += val * mult;
            p = q < n ? q + 1 : q;
        }
        if (total > INT_MAX) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) total);
    }
}
