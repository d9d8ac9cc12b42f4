package io.ctlmux.cli;

import picocli.CommandLine.Option;

/** Options every mux subcommand takes besides ssh's own (picocli mixin). */
public final class MuxOptions {
    @Option(names = "--timeout", paramLabel = "TIME",
            description = "Limit for connecting and for each reply: seconds, or with a unit (500ms, 2s, 1m). "
                    + "Default: ConnectTimeout when set, else 5s.")
    String timeout;

    @Option(names = "--allow-foreign", description = "Talk to a control socket owned by another user.")
    boolean allowForeign;

    @Option(names = "--trace", description = "Print every mux frame sent and received on stderr.")
    boolean trace;

    /** The values, for code that does not go through picocli. */
    record Values(String timeout, boolean allowForeign, boolean trace) {
    }

    Values values() {
        return new Values(timeout, allowForeign, trace);
    }
}
