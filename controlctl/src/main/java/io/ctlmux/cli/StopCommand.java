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

/** {@code ctlmux stop}: like {@code ssh -O stop}, the master stops accepting new mux clients. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Ask the master to stop listening for new multiplexed connections (ssh -O stop).")
public final class StopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    MuxOptions mux;
    @Option(names = "--drain", description = "Then wait until the master's sessions end and make sure it exits "
            + "(SIGTERM once none are left); --timeout bounds the wait (default 60s).")
    boolean drain;
    @Option(names = "--json", description = "Print {path, request, result, error} on stdout; with --drain "
            + "{path, pid, exited, terminated, sessions, tookMs}.")
    boolean json;
    @Parameters(paramLabel = "SSH_ARGS", description = "ssh options and the destination, as for ssh -O stop.")
    List<String> args;

    @Override
    public Integer call() {
        if (drain) {
            return LifecycleActions.drain(args, mux.values(), json, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        return new ControlRunner("mux_client_request_stop_listening", false, false)
                .run(args, mux.values(), spec.commandLine().getErr(), (t, c) -> {
                    try {
                        c.stop();
                    } catch (MuxRequestDeniedException e) {
                        t.stderr.log(e.kind() == MuxRequestDeniedException.Kind.PERMISSION_DENIED
                                ? "Master refused stop listening request: " + e.reason()
                                : "mux_client_request_stop_listening: stop listening request failed: " + e.reason());
                        if (json) {
                            Json.print(spec.commandLine().getOut(), Json.request(t.controlPath, "stop", e.reason()));
                        }
                        return ExitCodes.FAILED;
                    }
                    t.stderr.log("Stop listening request sent.");
                    if (json) {
                        Json.print(spec.commandLine().getOut(), Json.request(t.controlPath, "stop", null));
                    }
                    return ExitCodes.OK;
                });
    }
}
