package io.ctlmux.cli;

import io.ctlmux.mux.client.MuxClient;
import io.ctlmux.mux.codec.Forward;
import io.ctlmux.mux.codec.MuxRequestDeniedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ctlmux forward}: like {@code ssh -O forward}, asks the master for the -L/-R/-D forwards given on the command
 * line and in the config. A remote forward with port 0 prints the allocated port on stdout.
 */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Add port or socket forwardings to a running master (ssh -O forward -L/-R/-D ...).")
public final class ForwardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    MuxOptions mux;
    @Parameters(paramLabel = "SSH_ARGS",
            description = "ssh options (-L, -R, -D with ssh's syntax) and the destination.")
    List<String> args;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return new ControlRunner("mux_client_forward", false, false)
                .run(args, mux.values(), spec.commandLine().getErr(), (t, c) -> {
                    if (!requestAll(t, c, false, out)) {
                        t.stderr.log("muxclient: master forward request failed");
                        return 255;
                    }
                    return 0;
                });
    }

    /** Requests (or cancels) every forward, continuing after refusals as ssh does; false if any failed. */
    static boolean requestAll(ControlTarget t, MuxClient c, boolean cancel, PrintWriter out) throws IOException {
        List<Forward> forwards;
        try {
            forwards = t.forwards();
        } catch (IllegalArgumentException e) {
            t.stderr.log("ctlmux: " + e.getMessage());
            return false;
        }
        boolean ok = true;
        for (Forward f : forwards) {
            try {
                if (cancel) {
                    c.cancel(f);
                } else {
                    OptionalInt port = c.forward(f);
                    if (port.isPresent()) {
                        out.print(Integer.toUnsignedString(port.getAsInt()) + "\n");
                        out.flush();
                    }
                }
            } catch (MuxRequestDeniedException e) {
                t.stderr.log(e.kind() == MuxRequestDeniedException.Kind.PERMISSION_DENIED
                        ? "Master refused forwarding request: " + e.reason()
                        : "mux_client_forward: forwarding request failed: " + e.reason());
                ok = false;
            }
        }
        return ok;
    }
}
