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

    static int run(String name, List<String> args, MuxOptions.Values mux, PrintWriter out, PrintWriter err) {
        return new ControlRunner("mux_client_request_info", false, false).run(args, mux, err, (t, c) -> {
            MuxReply.ExtInfo info;
            try {
                info = c.info(name);
            } catch (MuxUnsupportedException e) {
                t.stderr.log(e.getMessage());
                return 255;
            } catch (MuxRequestDeniedException e) {
                t.stderr.log("mux_client_request_info: master returned error: " + e.reason());
                return 255;
            }
            out.print(info.text());
            out.flush();
            return 0;
        });
    }
}
