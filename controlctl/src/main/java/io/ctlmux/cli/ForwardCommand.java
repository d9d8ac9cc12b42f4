package io.ctlmux.cli;

import io.ctlmux.mux.client.MuxClient;
import io.ctlmux.mux.codec.Forward;
import io.ctlmux.mux.codec.ForwardType;
import io.ctlmux.mux.codec.MuxRequestDeniedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
    @Option(names = "--json", description = "Print {path, request, forwards: [{type, listen, connect, result, "
            + "allocatedPort, error}]} on stdout instead of the allocated ports; result sent or refused.")
    boolean json;
    @Parameters(paramLabel = "SSH_ARGS",
            description = "ssh options (-L, -R, -D with ssh's syntax) and the destination.")
    List<String> args;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return new ControlRunner("mux_client_forward", false, false)
                .run(args, mux.values(), spec.commandLine().getErr(), (t, c) -> {
                    if (!requestAll(t, c, false, json, out)) {
                        t.stderr.log("muxclient: master forward request failed");
                        return ExitCodes.FAILED;
                    }
                    return ExitCodes.OK;
                });
    }

    /** Requests (or cancels) every forward, continuing after refusals as ssh does; false if any failed. */
    static boolean requestAll(ControlTarget t, MuxClient c, boolean cancel, PrintWriter out) throws IOException {
        return requestAll(t, c, cancel, false, out);
    }

    /**
     * As {@link #requestAll(ControlTarget, MuxClient, boolean, PrintWriter)}; with {@code json}, prints one object
     * for all the forwards instead of the allocated ports.
     */
    static boolean requestAll(ControlTarget t, MuxClient c, boolean cancel, boolean json, PrintWriter out)
            throws IOException {
        List<Forward> forwards;
        try {
            forwards = t.forwards();
        } catch (IllegalArgumentException e) {
            t.stderr.log("ctlmux: " + e.getMessage());
            return false;
        }
        boolean ok = true;
        StringBuilder array = new StringBuilder();
        for (Forward f : forwards) {
            String refusal = null;
            OptionalInt port = OptionalInt.empty();
            try {
                if (cancel) {
                    c.cancel(f);
                } else {
                    port = c.forward(f);
                    if (port.isPresent() && !json) {
                        out.print(Integer.toUnsignedString(port.getAsInt()) + "\n");
                        out.flush();
                    }
                }
            } catch (MuxRequestDeniedException e) {
                t.stderr.log(e.kind() == MuxRequestDeniedException.Kind.PERMISSION_DENIED
                        ? "Master refused forwarding request: " + e.reason()
                        : "mux_client_forward: forwarding request failed: " + e.reason());
                ok = false;
                refusal = e.reason();
            }
            array.append(array.length() == 0 ? "" : ",").append("\n  {\"type\":")
                    .append(Json.str(f.type().name().toLowerCase(Locale.ROOT)))
                    .append(",\"listen\":").append(Json.str(end(f.listenHost(), f.listenPort())))
                    .append(",\"connect\":").append(Json.str(f.type() == ForwardType.DYNAMIC ? null
                            : end(f.connectHost(), f.connectPort())))
                    .append(",\"result\":").append(Json.str(refusal == null ? "sent" : "refused"))
                    .append(",\"allocatedPort\":").append(port.isPresent()
                            ? Integer.toUnsignedString(port.getAsInt()) : "null")
                    .append(",\"error\":").append(Json.str(refusal)).append('}');
        }
        if (json) {
            Json.print(out, "{\"path\":" + Json.path(t.controlPath) + ",\"request\":"
                    + Json.str(cancel ? "cancel" : "forward") + ",\"forwards\":[" + array
                    + (array.length() == 0 ? "]}" : "\n]}"));
        }
        return ok;
    }

    /** host:port ([v6]:port), the port alone for the default bind address, or the socket path. */
    private static String end(String host, int port) {
        if (port == Forward.PORT_STREAMLOCAL) {
            return host;
        }
        String p = Integer.toUnsignedString(port);
        return host.isEmpty() ? p : (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + p;
    }
}
