package io.ctlmux.cli;

import io.ctlmux.mux.codec.Forward;
import io.ctlmux.mux.codec.ForwardType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the {@code localforward}, {@code remoteforward} and {@code dynamicforward} lines of {@code ssh -G} output
 * into the forwards {@code ssh -O forward} would request, in ssh's order (local and dynamic first, then remote), with
 * the same host and type rules as OpenSSH's mux client.
 */
final class ForwardSpecs {
    private static final Pattern HOST_PORT = Pattern.compile("\\[(.*)\\]:(\\d+)");
    private static final Pattern PORT = Pattern.compile("\\d+");

    private ForwardSpecs() {
    }

    /** One end as -G prints it: a bare port (no bind address), {@code [host]:port}, or a socket path. */
    private record End(String host, int port, boolean bareHost) {
        static End parse(String s) {
            Matcher m = HOST_PORT.matcher(s);
            if (m.matches()) {
                return new End(m.group(1), Integer.parseInt(m.group(2)), false);
            }
            if (PORT.matcher(s).matches()) {
                return new End("", Integer.parseInt(s), true);
            }
            return new End(s, Forward.PORT_STREAMLOCAL, false);
        }

        /** The listen host as ssh sends it: "" for no bind address, "*" for an explicitly empty one. */
        String listenHost() {
            if (port == Forward.PORT_STREAMLOCAL || bareHost) {
                return host;
            }
            return host.isEmpty() ? "*" : host;
        }
    }

    static List<Forward> fromResolved(List<String> local, List<String> remote, List<String> dynamic) {
        List<Forward> out = new ArrayList<>();
        List<String> pathConnectListens = new ArrayList<>();
        for (String line : local) {
            String[] p = split(line, "localforward");
            End l = End.parse(p[0]);
            End c = End.parse(p[1]);
            if (c.port() == Forward.PORT_STREAMLOCAL) {
                pathConnectListens.add(p[0]);
            }
            ForwardType t = c.port() == 0 ? ForwardType.DYNAMIC : ForwardType.LOCAL;
            out.add(new Forward(t, l.listenHost(), l.port(), c.host(), c.port()));
        }
        for (String line : dynamic) {
            // ssh -G also lists local forwards to a socket path here; those were taken above
            if (pathConnectListens.remove(line.trim())) {
                continue;
            }
            End l = End.parse(line.trim());
            out.add(new Forward(ForwardType.DYNAMIC, l.listenHost(), l.port(), "socks", 0));
        }
        for (String line : remote) {
            String[] p = split(line, "remoteforward");
            End l = End.parse(p[0]);
            End c = End.parse(p[1]);
            out.add(new Forward(ForwardType.REMOTE, l.listenHost(), l.port(), c.host(), c.port()));
        }
        return out;
    }

    private static String[] split(String value, String keyword) {
        String[] p = value.trim().split(" ", 2);
        if (p.length != 2) {
            throw new IllegalArgumentException("unexpected " + keyword + " value: " + value);
        }
        return p;
    }
}
