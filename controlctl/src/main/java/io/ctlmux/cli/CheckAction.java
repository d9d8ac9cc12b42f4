package io.ctlmux.cli;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.mux.client.MuxClient;
import io.ctlmux.mux.codec.MuxHello;
import io.ctlmux.mux.codec.MuxRequestDeniedException;
import io.ctlmux.mux.transport.ControlSocketException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * The body of {@code ctlmux check}, shared by the picocli command and the start-up fast path in {@link Main}. It
 * touches neither picocli nor junixsocket.
 */
final class CheckAction {
    private CheckAction() {
    }

    static int run(List<String> rawArgs, MuxOptions.Values mux, boolean json, PrintWriter out, PrintWriter err) {
        return run(ControlRunner.split(rawArgs), mux, json, out, err);
    }

    static int run(SshCommandLine args, MuxOptions.Values mux, boolean json, PrintWriter out, PrintWriter err) {
        ControlRunner runner = new ControlRunner("mux_client_request_alive", false, false).controlPathOnly();
        ControlTarget t;
        try {
            t = runner.target(args, mux, err);
        } catch (ControlTarget.Failure f) {
            return f.report(err);
        }
        long start = System.nanoTime();
        String state;
        String message;
        Long pid = null;
        MuxHello hello = null;
        String stage = "mux_client_hello_exchange";
        try (MuxClient c = MuxClient.connect(t.controlPath, t.clientOptions)) {
            hello = c.masterHello();
            stage = "mux_client_request_alive";
            pid = c.check();
            state = "alive";
            message = "Master running (pid=" + pid + ")";
        } catch (IOException e) {
            state = e instanceof ControlSocketException cse ? switch (cse.kind()) {
                case MISSING -> "missing";
                case REFUSED -> "stale";
                case NOT_A_SOCKET -> "not-a-socket";
                case FOREIGN -> "foreign";
                case TIMEOUT -> "unresponsive";
                case OTHER -> "error";
            } : e instanceof SocketTimeoutException ? "unresponsive" : "error";
            message = e instanceof MuxRequestDeniedException d
                    ? "mux_client_request_alive: master returned error: " + d.reason()
                    : Failures.mux(e, stage, t.controlPath);
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        boolean alive = state.equals("alive");
        if (json) {
            out.print(json(io.ctlmux.config.text.ByteText.ofPath(t.controlPath), state, pid, hello, elapsedMs, alive ? null : message));
            out.print('\n');
            out.flush();
        } else if (alive) {
            t.stderr.always(message);
        } else {
            t.stderr.log(message);
        }
        return alive ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static String json(String path, String state, Long pid, MuxHello hello, long elapsedMs, String error) {
        StringBuilder sb = new StringBuilder(160).append('{');
        sb.append("\"path\":").append(str(path));
        sb.append(",\"state\":").append(str(state));
        sb.append(",\"pid\":").append(pid == null ? "null" : pid.toString());
        sb.append(",\"protocolVersion\":").append(hello == null ? "null" : Integer.toUnsignedString(hello.version()));
        sb.append(",\"extensions\":");
        if (hello == null) {
            sb.append("null");
        } else {
            sb.append('{');
            boolean first = true;
            for (MuxHello.Extension e : hello.extensions()) {
                sb.append(first ? "" : ",").append(str(e.name())).append(':').append(str(e.value()));
                first = false;
            }
            sb.append('}');
        }
        sb.append(",\"elapsedMs\":").append(elapsedMs);
        if (error != null) {
            sb.append(",\"error\":").append(str(error));
        }
        return sb.append('}').toString();
    }

    static String str(String s) {
        return io.ctlmux.config.text.ByteText.json(s);
    }
}
