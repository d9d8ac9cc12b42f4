package io.ctlmux.cli;

/** A subcommand cannot go on: why has been printed already, and it ends with {@link #code}. */
final class ExitStatus extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    ExitStatus(int code) {
        super("exit " + code, null, false, false);
        this.code = code;
    }
}
