package io.ctlmux.cli;

import picocli.CommandLine;

/** Entry point of the {@code ctlmux} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and for the launcher). */
    public static int run(String... args) {
        return new CommandLine(new CtlMux()).execute(args);
    }
}
