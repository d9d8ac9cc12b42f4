package io.ctlmux.cli;

import java.io.PrintWriter;

/** Prints messages the way ssh's log functions do: on stderr, each line ending in CR LF, silent under QUIET. */
final class SshStderr {
    private final PrintWriter err;
    private final boolean quiet;

    SshStderr(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /**
     * An error/fatal/notice line; suppressed by {@code -q} (LogLevel QUIET), as ssh does. ssh's logger vis-encodes
     * a message (a path's non-ASCII bytes become octal escapes), so this does too.
     */
    void log(String line) {
        if (!quiet) {
            always(io.ctlmux.config.text.Vis.log(line));
        }
    }

    /** A line ssh prints with fprintf, as it is, regardless of the log level (e.g. "Master running"). */
    void always(String line) {
        err.print(line);
        err.print("\r\n");
        err.flush();
    }

    boolean quiet() {
        return quiet;
    }
}
