package io.ctlmux.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit statuses of every ctlmux command: one table, shown at the end of each command's {@code --help} (see
 * {@link CommandLines}) and in the README. Refers to no picocli type: the {@code check} fast path uses it.
 */
public final class ExitCodes {
    /** Done: the master answered, nothing found at or above the threshold, the request was sent. */
    public static final int OK = 0;
    /** The command ran and found problems: lint findings, a ControlPath too long, sessions left after a drain. */
    public static final int PROBLEMS = 1;
    /** A ctlmux option or argument is wrong (unknown option, bad value, missing file for lint). */
    public static final int USAGE = 2;
    /**
     * What {@code ssh -O} exits with when it fails: a bad ssh argument or configuration, no master or a dead one, a
     * refused request, a lifecycle step that failed. Also any unexpected error.
     */
    public static final int FAILED = 255;

    private ExitCodes() {
    }

    /** The table: status, then what it means (the help and the README print these rows). */
    public static Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(Integer.toString(OK), "success: the master answered, the request was sent, nothing to report");
        t.put(Integer.toString(PROBLEMS), "ran and found problems: lint findings at or above --fail-on, path too long "
                + "or no ControlPath, stop --drain left sessions");
        t.put(Integer.toString(USAGE), "usage: a bad ctlmux option or value, bad arguments to ls, prune, start, "
                + "check --all or exit --all, lint input that cannot be read");
        t.put(Integer.toString(FAILED), "failed, as ssh -O fails: bad ssh arguments or config, no master or not "
                + "alive (check --all: any), request refused, start failed, unexpected error");
        return t;
    }
}
