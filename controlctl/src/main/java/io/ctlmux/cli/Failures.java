package io.ctlmux.cli;

import io.ctlmux.config.text.ByteText;
import io.ctlmux.masters.LifecycleException;
import io.ctlmux.mux.transport.ControlSocketException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;

/**
 * The one place that turns a failure into the message a user sees and the exit status (see {@link ExitCodes}).
 * Usage errors, lifecycle failures, mux failures in ssh's wording and unexpected errors all go through here; no
 * stack trace reaches the user. Refers to no picocli type: the {@code check} fast path uses it.
 */
final class Failures {
    private Failures() {
    }

    /** A bad ctlmux option or argument: one line, exit {@link ExitCodes#USAGE}. */
    static int usage(String message, PrintWriter err) {
        err.println("ctlmux: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }

    /** A lifecycle step refused or failed: its lines (they say why and what to do), with its own status. */
    static int lifecycle(LifecycleException e, PrintWriter err) {
        for (String l : e.lines()) {
            err.println(l);
        }
        err.flush();
        return e.exitCode();
    }

    /** Lines already worded (ssh's config errors, a target that cannot be determined), ending in CR LF as ssh's. */
    static int sshLines(Iterable<String> lines, int exitCode, PrintWriter err) {
        for (String l : lines) {
            err.print(l + "\r\n");
        }
        err.flush();
        return exitCode;
    }

    /**
     * What ssh's mux client prints for a failure talking to the master at {@code controlPath} during {@code stage}
     * (ssh's function name, e.g. {@code mux_client_hello_exchange}). The exit status is {@link ExitCodes#FAILED}.
     */
    static String mux(IOException e, String stage, java.nio.file.Path controlPath) {
        if (e instanceof ControlSocketException) {
            return e.getMessage();
        }
        if (e instanceof SocketTimeoutException) {
            return "Control socket " + ByteText.ofPath(controlPath) + ": " + e.getMessage() + " (unresponsive)";
        }
        return stage + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** Anything else: one line naming what happened, never a stack trace; exit {@link ExitCodes#FAILED}. */
    static int unexpected(String command, Throwable e, PrintWriter err) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("ctlmux" + (command == null || command.isEmpty() ? "" : " " + command) + ": " + what);
        err.flush();
        return ExitCodes.FAILED;
    }
}
