package io.ctlmux.cli;

import io.ctlmux.mux.client.MuxUnsupportedException;
import io.ctlmux.mux.codec.MuxReply;
import io.ctlmux.mux.codec.MuxRequestDeniedException;
import java.io.PrintWriter;
import java.util.List;

/** The shared body of {@code conninfo} and {@code channels} (EXT_INFO, OpenSSH 10.3+ masters). */
final class InfoCommands {
    private InfoCommands() {
    }

    /** With {@code json}: {@code {path, request, lines}}, the master's text split into lines. */
    static int run(String name, List<String> args, MuxOptions.Values mux, boolean json, PrintWriter out,
                   PrintWriter err) {
        return new ControlRunner("mux_client_request_info", false, false).run(args, mux, err, (t, c) -> {
            MuxReply.ExtInfo info;
            try {
                info = c.info(name);
            } catch (MuxUnsupportedException e) {
                t.stderr.log(e.getMessage());
                return ExitCodes.FAILED;
            } catch (MuxRequestDeniedException e) {
                t.stderr.log("mux_client_request_info: master returned error: " + e.reason());
                return ExitCodes.FAILED;
            }
            if (json) {
                String text = info.text();
                List<String> lines = List.of(text.endsWith("\n") ? text.substring(0, text.length() - 1).split("\n", -1)
                        : text.split("\n", -1));
                Json.print(out, "{\"path\":" + Json.path(t.controlPath) + ",\"request\":" + Json.str(name)
                        + ",\"lines\":" + Json.strings(text.isEmpty() ? List.of() : lines) + "}");
            } else {
                out.print(info.text());
                out.flush();
            }
            return ExitCodes.OK;
        });
    }
}
