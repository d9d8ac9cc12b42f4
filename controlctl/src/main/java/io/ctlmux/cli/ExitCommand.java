package io.ctlmux.cli;

import io.ctlmux.mux.codec.MuxRequestDeniedException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctlmux exit}: like {@code ssh -O exit}, the master terminates. */
@Command(name = "exit", mixinStandardHelpOptions = true,
        description = "Ask the master to exit, dropping its sessions (ssh -O exit).")
public final class ExitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    MuxOptions mux;
    @Option(names = "--all", description = "Ask every alive master `ctlmux ls` finds to exit (SSH_ARGS: ssh "
            + "options only).")
    boolean all;
    @Option(names = "--older-than", paramLabel = "TIME", description = "With --all: only masters at least this old "
            + "(e.g. 1h).")
    String olderThan;
    @Option(names = "--json", description = "Print {path, request, result, error} on stdout; with --all an array "
            + "of {path, pid, aliases, result, why}, result exited, kept or failed.")
    boolean json;
    @Parameters(paramLabel = "SSH_ARGS", description = "ssh options and the destination, as for ssh -O exit.")
    List<String> args;

    @Override
    public Integer call() {
        if (all) {
            return LifecycleActions.exitAll(ControlRunner.split(args), mux.values(), olderThan, json,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (olderThan != null) {
            return Failures.usage("--older-than needs --all", spec.commandLine().getErr());
        }
        return new ControlRunner("mux_client_request_terminate", false, false)
                .run(args, mux.values(), spec.commandLine().getErr(), (t, c) -> {
                    try {
                        c.exit();
                    } catch (MuxRequestDeniedException e) {
                        t.stderr.log(e.kind() == MuxRequestDeniedException.Kind.PERMISSION_DENIED
                                ? "Master refused termination request: " + e.reason()
                                : "mux_client_request_terminate: termination request failed: " + e.reason());
                        if (json) {
                            Json.print(spec.commandLine().getOut(), Json.request(t.controlPath, "exit", e.reason()));
                        }
                        return ExitCodes.FAILED;
                    }
                    t.stderr.log("Exit request sent.");
                    if (json) {
                        Json.print(spec.commandLine().getOut(), Json.request(t.controlPath, "exit", null));
                    }
                    return ExitCodes.OK;
                });
    }
}
