package io.ctlmux.config.keyword;

import java.util.List;

/** LogLevel, SyslogFacility, FingerprintHash, StreamLocalBindMask and ObscureKeystrokeTiming. */
public final class NamedValues {
    private static final List<String> LOG_LEVELS = List.of("QUIET", "FATAL", "ERROR", "INFO", "VERBOSE", "DEBUG",
            "DEBUG1", "DEBUG2", "DEBUG3");
    private static final List<String> FACILITIES = List.of("DAEMON", "USER", "AUTH", "AUTHPRIV", "LOCAL0", "LOCAL1",
            "LOCAL2", "LOCAL3", "LOCAL4", "LOCAL5", "LOCAL6", "LOCAL7");
    private static final List<String> DIGESTS = List.of("MD5", "SHA1", "SHA256", "SHA384", "SHA512");

    /** {@code ObscureKeystrokeTiming yes}: 20 ms. */
    public static final int KEYSTROKE_DEFAULT_MS = 20;

    private NamedValues() {
    }

    /**
     * LogLevel, case-insensitive, returned as {@code -G} prints it ({@code DEBUG1} prints {@code DEBUG}; Debian
     * also accepts {@code SILENT}, and prints {@code QUIET} as {@code SILENT}). Error: {@code unsupported log level 'x'} ({@code <NONE>} when absent).
     */
    public static ValueResult<String> logLevel(String arg, Dialect d) {
        if (arg != null) {
            if (d.debian && arg.equalsIgnoreCase("SILENT")) {
                return ValueResult.ok("SILENT");
            }
            for (String l : LOG_LEVELS) {
                if (l.equalsIgnoreCase(arg)) {
                    if (d.debian && l.equals("QUIET")) {
                        return ValueResult.ok("SILENT");
                    }
                    return ValueResult.ok(l.equals("DEBUG1") ? "DEBUG" : l);
                }
            }
        }
        return ValueResult.err("unsupported log level '" + (arg == null ? "<NONE>" : arg) + "'");
    }

    /** SyslogFacility, upper case. Error: {@code unsupported log facility 'x'}. */
    public static ValueResult<String> syslogFacility(String arg) {
        if (arg != null) {
            for (String f : FACILITIES) {
                if (f.equalsIgnoreCase(arg)) {
                    return ValueResult.ok(f);
                }
            }
        }
        return ValueResult.err("unsupported log facility '" + (arg == null ? "<NONE>" : arg) + "'");
    }

    /** FingerprintHash: MD5, SHA1, SHA256, SHA384, SHA512 (case-insensitive; printed upper case). */
    public static ValueResult<String> fingerprintHash(String arg) {
        if (arg == null || arg.isEmpty()) {
            return ValueResult.err("Missing argument.");
        }
        for (String h : DIGESTS) {
            if (h.equalsIgnoreCase(arg)) {
                return ValueResult.ok(h);
            }
        }
        return ValueResult.err("Invalid hash algorithm \"" + arg + "\".");
    }

    /**
     * StreamLocalBindMask: {@code strtol} base 8, 0..0777, trailing text ignored. Errors:
     * {@code Missing StreamLocalBindMask argument.}, {@code Bad mask.}.
     */
    public static ValueResult<Integer> streamLocalBindMask(String arg) {
        if (arg == null || arg.isEmpty()) {
            return ValueResult.err("Missing StreamLocalBindMask argument.");
        }
        CNum.Scan sc = CNum.strtol(arg, 0, 8);
        if (!sc.digits() || sc.value() < 0 || sc.value() > 0777) {
            return ValueResult.err("Bad mask.");
        }
        return ValueResult.ok((int) sc.value());
    }

    /** The {@code -G} line: {@code streamlocalbindmask 0%o} (0177 default; 077 for 0077). */
    public static String renderStreamLocalBindMask(int mask) {
        return "streamlocalbindmask 0" + Integer.toOctalString(mask);
    }

    /**
     * ObscureKeystrokeTiming (9.5+), one argument: case-sensitive {@code yes|true} (20), {@code no|false} (0) or
     * {@code interval:N} with N 1..1000. Errors: {@code invalid arguments}, {@code integer value x.},
     * {@code value out of range.}, {@code unsupported argument "x"}, {@code missing argument}.
     */
    public static ValueResult<Integer> obscureKeystrokeTiming(List<String> args) {
        int value = -1;
        for (String arg : args) {
            if (value != -1) {
                return ValueResult.err("invalid arguments");
            }
            if (arg.equals("yes") || arg.equals("true")) {
                value = KEYSTROKE_DEFAULT_MS;
            } else if (arg.equals("no") || arg.equals("false")) {
                value = 0;
            } else if (arg.startsWith("interval:")) {
                ValueResult<Integer> v = Ports.atoiErr(arg.substring(9));
                if (!v.isOk()) {
                    return ValueResult.err("integer value " + v.error() + ".");
                }
                if (v.value() <= 0 || v.value() > 1000) {
                    return ValueResult.err("value out of range.");
                }
                value = v.value();
            } else {
                return ValueResult.err("unsupported argument \"" + arg + "\"");
            }
        }
        if (value == -1) {
            return ValueResult.err("missing argument");
        }
        return ValueResult.ok(value);
    }

    /** The {@code -G} line: {@code obscurekeystroketiming no|yes|N}. */
    public static String renderObscureKeystrokeTiming(int ms) {
        String v = ms == 0 ? "no" : ms == KEYSTROKE_DEFAULT_MS ? "yes" : Integer.toString(ms);
        return "obscurekeystroketiming " + v;
    }
}
