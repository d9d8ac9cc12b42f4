package io.ctlmux.config.keyword;

import java.util.OptionalInt;

/**
 * {@code AddKeysToAgent}: mode 0 no, 1 yes, 2 ask, 3 confirm, with a lifetime in seconds (0 = unlimited).
 */
public record AddKeysToAgent(int mode, int lifetime) {
    private static final String[] NAMES = {"true", "false", "yes", "no", "ask", "confirm"};
    private static final int[] VALUES = {1, 0, 1, 0, 2, 3};

    /**
     * Parses the first two arguments ({@code arg2} null when absent): a yes/no/ask/confirm word, {@code confirm
     * <time>}, or a bare time (yes plus lifetime). Errors: {@code invalid time value.}, {@code unsupported option}
     * (OpenSSH logs {@code missing argument.} first when there is no argument at all).
     */
    public static ValueResult<AddKeysToAgent> parse(String arg, String arg2, Dialect d) {
        int value = -1;
        if (arg != null && !arg.isEmpty()) {
            for (int i = 0; i < NAMES.length; i++) {
                if (NAMES[i].equalsIgnoreCase(arg)) {
                    value = VALUES[i];
                    break;
                }
            }
        }
        int lifetime = 0;
        if (value == 3 && arg2 != null) {
            OptionalInt t = TimeSpec.convtime(arg2, d);
            if (t.isEmpty()) {
                return ValueResult.err("invalid time value.");
            }
            lifetime = t.getAsInt();
        } else if (value == -1 && arg2 == null) {
            OptionalInt t = TimeSpec.convtime(arg, d);
            if (t.isEmpty()) {
                return ValueResult.err("unsupported option");
            }
            lifetime = t.getAsInt();
            value = 1;
        } else if (value == -1 || arg2 != null) {
            return ValueResult.err("unsupported option");
        }
        return ValueResult.ok(new AddKeysToAgent(value, lifetime));
    }

    /** The {@code -G} line: {@code addkeystoagent false|true|ask|confirm}, or with a lifetime {@code [confirm ]N}. */
    public String render() {
        if (lifetime <= 0) {
            for (int i = 0; i < NAMES.length; i++) {
                if (VALUES[i] == mode) {
                    return "addkeystoagent " + NAMES[i];
                }
            }
            return "addkeystoagent UNKNOWN";
        }
        return "addkeystoagent" + (mode == 3 ? " confirm" : "") + " " + lifetime;
    }
}
