package io.ctlmux.config.keyword;

import java.util.OptionalInt;

/** {@code ControlPersist}: enabled, and a timeout in seconds (0 = forever). */
public record ControlPersist(boolean enabled, int timeout) {
    /** The default, {@code no}. */
    public static final ControlPersist DEFAULT = new ControlPersist(false, 0);

    /**
     * Case-sensitive {@code yes|true|no|false}, or a time ({@code 0} means yes). Errors:
     * {@code Missing ControlPersist argument.}, {@code Bad ControlPersist argument.}.
     */
    public static ValueResult<ControlPersist> parse(String arg, Dialect d) {
        if (arg == null || arg.isEmpty()) {
            return ValueResult.err("Missing ControlPersist argument.");
        }
        if (arg.equals("no") || arg.equals("false")) {
            return ValueResult.ok(new ControlPersist(false, 0));
        }
        if (arg.equals("yes") || arg.equals("true")) {
            return ValueResult.ok(new ControlPersist(true, 0));
        }
        OptionalInt t = TimeSpec.convtime(arg, d);
        if (t.isPresent()) {
            return ValueResult.ok(new ControlPersist(true, t.getAsInt()));
        }
        return ValueResult.err("Bad ControlPersist argument.");
    }

    /** The {@code -G} line: {@code controlpersist no|yes|<secs>}. */
    public String render() {
        if (!enabled || timeout == 0) {
            return "controlpersist " + (enabled ? "yes" : "no");
        }
        return "controlpersist " + timeout;
    }
}
