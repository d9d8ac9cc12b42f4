package io.ctlmux.cli;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.mux.client.MuxClient;
import io.ctlmux.mux.client.MuxClientOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * The shared frame of every mux subcommand: parse ssh's arguments, resolve the target, connect, run one action, and
 * turn every failure into ssh's wording on stderr and exit status 255. No stack traces reach the user.
 */
final class ControlRunner {
    /** What a subcommand does once connected; returns the exit status. */
    interface Action {
        int run(ControlTarget target, MuxClient client) throws IOException;
    }

    /** The name ssh prefixes to protocol errors of this request (its function name). */
    private final String requestFunction;
    private final boolean allowCommand;
    private final boolean passDescriptors;
    private final boolean allOptions;

    ControlRunner(String requestFunction, boolean allowCommand, boolean passDescriptors) {
        this(requestFunction, allowCommand, passDescriptors, true);
    }

    private ControlRunner(String requestFunction, boolean allowCommand, boolean passDescriptors, boolean allOptions) {
        this.requestFunction = requestFunction;
        this.allowCommand = allowCommand;
        this.passDescriptors = passDescriptors;
        this.allOptions = allOptions;
    }

    /** The same runner for an action that needs only the ControlPath, the time limit and the log level. */
    ControlRunner controlPathOnly() {
        return new ControlRunner(requestFunction, allowCommand, passDescriptors, false);
    }

    /** ssh's words (options, destination, more options, command), split once with the installed ssh's letters. */
    static SshCommandLine split(List<String> words) {
        return SshCommandLine.parse(words == null ? List.of() : words, SshConfig.defaultDialect());
    }

    /**
     * What a mux subcommand accepts of an ssh command line: no option error, a destination, no {@code -O} or
     * {@code -G} (the subcommand says what to do), a command only where one is run.
     *
     * @throws IllegalArgumentException with a one-line message otherwise
     */
    static SshCommandLine accepted(SshCommandLine args, boolean allowCommand) {
        if (args.error() != null) {
            throw new IllegalArgumentException(args.error().message() + (args.error().letter() == '-'
                    ? " (ctlmux options are words of their own, such as --json)" : ""));
        }
        for (char c : new char[] {'O', 'G'}) {
            if (args.has(c)) {
                throw new IllegalArgumentException("option -" + c + " is not allowed here; the subcommand says what "
                        + "to do");
            }
        }
        if (args.destination() == null) {
            throw new IllegalArgumentException("missing destination ([user@]host)");
        }
        if (!allowCommand && args.hasCommand()) { // like ssh, a lone empty word is no command
            throw new IllegalArgumentException("unexpected argument: " + args.commandText());
        }
        return args;
    }

    /** Splits, checks and resolves. */
    ControlTarget target(List<String> rawArgs, MuxOptions.Values mux, PrintWriter err) throws ControlTarget.Failure {
        return target(split(rawArgs), mux, err);
    }

    /** Checks and resolves {@code parsed}; the failure holds the lines to print and the exit code. */
    ControlTarget target(SshCommandLine parsed, MuxOptions.Values mux, PrintWriter err) throws ControlTarget.Failure {
        SshCommandLine args;
        try {
            args = accepted(parsed, allowCommand);
        } catch (IllegalArgumentException e) {
            throw new ControlTarget.Failure(List.of("ctlmux: " + e.getMessage()), ExitCodes.FAILED);
        }
        return ControlTarget.resolve(args, mux, err, allOptions);
    }

    int run(List<String> rawArgs, MuxOptions.Values mux, PrintWriter err, Action action) {
        ControlTarget t;
        try {
            t = target(rawArgs, mux, err);
        } catch (ControlTarget.Failure f) {
            return f.report(err);
        }
        return run(t, action);
    }

    int run(ControlTarget t, Action action) {
        String stage = "mux_client_hello_exchange";
        MuxClientOptions co = t.clientOptions.withPassDescriptors(passDescriptors);
        try (MuxClient client = MuxClient.connect(t.controlPath, co)) {
            stage = requestFunction;
            return action.run(t, client);
        } catch (IOException e) {
            t.stderr.log(Failures.mux(e, stage, t.controlPath));
        }
        return ExitCodes.FAILED;
    }
}
