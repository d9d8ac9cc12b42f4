package io.ctlmux.cli;

import io.ctlmux.mux.codec.Forward;
import io.ctlmux.mux.codec.ForwardType;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the resolved LocalForward/DynamicForward and RemoteForward values into the forwards {@code ssh -O forward}
 * would request, in ssh's order (local, then dynamic, then remote), with the same host and type rules as
 * OpenSSH's mux client: no bind address is sent as "", an explicitly empty one as "*".
 */
final class ForwardSpecs {
    private ForwardSpecs() {
    }

    static List<Forward> fromResolved(List<io.ctlmux.config.keyword.Forward> local,
            List<io.ctlmux.config.keyword.Forward> remote) {
        List<Forward> out = new ArrayList<>();
        for (io.ctlmux.config.keyword.Forward f : local) {
            if (!isSocks(f)) {
                out.add(new Forward(f.connectPort() == 0 ? ForwardType.DYNAMIC : ForwardType.LOCAL, listenHost(f),
                        listenPort(f), connectHost(f), connectPort(f)));
            }
        }
        for (io.ctlmux.config.keyword.Forward f : local) {
            // a forward without a connect host that is not to a socket path is a dynamic one as well
            if (isSocks(f) || (f.connectHost() == null
                    && f.connectPort() != io.ctlmux.config.keyword.Forward.PORT_STREAMLOCAL)) {
                out.add(new Forward(ForwardType.DYNAMIC, listenHost(f), listenPort(f), "socks", 0));
            }
        }
        for (io.ctlmux.config.keyword.Forward f : remote) {
            out.add(new Forward(ForwardType.REMOTE, listenHost(f), listenPort(f), connectHost(f), connectPort(f)));
        }
        return out;
    }

    private static boolean isSocks(io.ctlmux.config.keyword.Forward f) {
        return "socks".equals(f.connectHost());
    }

    private static boolean listenIsPath(io.ctlmux.config.keyword.Forward f) {
        return f.listenPort() == io.ctlmux.config.keyword.Forward.PORT_STREAMLOCAL;
    }

    /** The listen host as ssh sends it: the path, "" for no bind address, "*" for an explicitly empty one. */
    private static String listenHost(io.ctlmux.config.keyword.Forward f) {
        if (listenIsPath(f)) {
            return f.listenPath();
        }
        if (f.listenHost() == null) {
            return "";
        }
        return f.listenHost().isEmpty() ? "*" : f.listenHost();
    }

    private static int listenPort(io.ctlmux.config.keyword.Forward f) {
        return listenIsPath(f) ? Forward.PORT_STREAMLOCAL : f.listenPort();
    }

    private static String connectHost(io.ctlmux.config.keyword.Forward f) {
        if (f.connectPort() == io.ctlmux.config.keyword.Forward.PORT_STREAMLOCAL) {
            return f.connectPath();
        }
        return f.connectHost() == null ? "" : f.connectHost();
    }

    private static int connectPort(io.ctlmux.config.keyword.Forward f) {
        return f.connectPort() == io.ctlmux.config.keyword.Forward.PORT_STREAMLOCAL ? Forward.PORT_STREAMLOCAL
                : f.connectPort();
    }
}
