package io.ctlmux.config.keyword;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One port forwarding as {@code readconf.c:parse_forward} stores it (struct Forward). A port of
 * {@link #PORT_STREAMLOCAL} means the matching path field is used. {@code connectHost} is {@code "socks"} for
 * dynamic forwards; both connect fields are null/0 for a dynamic local forward's unset side.
 */
public record Forward(String listenHost, int listenPort, String listenPath,
                      String connectHost, int connectPort, String connectPath) {

    /** Port value meaning "unix socket path". */
    public static final int PORT_STREAMLOCAL = -2;
    private static final int NI_MAXHOST = 1025;
    private static final int PATH_MAX_SUN = 108;
    private static final int FWDARG_MAX = 255;

    /** Which keyword or flag a forward came from. */
    public enum Kind { LOCAL, REMOTE, DYNAMIC }

    /**
     * {@code parse_forward(fwd, spec, dynamic, remote)}: the spec after {@code ${VAR}} expansion with {@code env}
     * (a missing variable or malformed {@code ${} fails). Empty when OpenSSH returns 0.
     */
    public static Optional<Forward> parse(String spec, boolean dynamic, boolean remote,
                                          Function<String, String> env) {
        String expanded = dollarExpand(spec, env);
        if (expanded == null) {
            return Optional.empty();
        }
        int p = 0;
        while (p < expanded.length() && CNum.isSpace(expanded.charAt(p))) {
            p++;
        }
        Fields f = splitFields(expanded.substring(p));
        int i = f.count;
        String[] a = f.args;
        boolean[] path = f.isPath;
        String lh = null;
        int lp = 0;
        String lpath = null;
        String ch = null;
        int cp = 0;
        String cpath = null;
        switch (i) {
            case 1:
                if (path[0]) {
                    lpath = a[0];
                    lp = PORT_STREAMLOCAL;
                } else {
                    lp = port(a[0]);
                }
                ch = "socks";
                break;
            case 2:
                if (path[0] && path[1]) {
                    lpath = a[0];
                    lp = PORT_STREAMLOCAL;
                    cpath = a[1];
                    cp = PORT_STREAMLOCAL;
                } else if (path[1]) {
                    lp = port(a[0]);
                    cpath = a[1];
                    cp = PORT_STREAMLOCAL;
                } else {
                    lh = a[0];
                    lp = port(a[1]);
                    ch = "socks";
                }
                break;
            case 3:
                if (path[0]) {
                    lpath = a[0];
                    lp = PORT_STREAMLOCAL;
                    ch = a[1];
                    cp = port(a[2]);
                } else if (path[2]) {
                    lh = a[0];
                    lp = port(a[1]);
                    cpath = a[2];
                    cp = PORT_STREAMLOCAL;
                } else {
                    lp = port(a[0]);
                    ch = a[1];
                    cp = port(a[2]);
                }
                break;
            case 4:
                lh = a[0];
                lp = port(a[1]);
                ch = a[2];
                cp = port(a[3]);
                break;
            default:
                i = 0;
        }
        if (dynamic) {
            if (!(i == 1 || i == 2)) {
                return Optional.empty();
            }
        } else {
            if (!(i == 3 || i == 4) && cpath == null && lpath == null) {
                return Optional.empty();
            }
            if (cp <= 0 && cpath == null) {
                return Optional.empty();
            }
        }
        if ((lp < 0 && lpath == null) || (!remote && lp == 0)) {
            return Optional.empty();
        }
        if (tooLong(ch, NI_MAXHOST) || tooLong(cpath, PATH_MAX_SUN) || tooLong(lh, NI_MAXHOST)
                || tooLong(lpath, PATH_MAX_SUN)) {
            return Optional.empty();
        }
        return Optional.of(new Forward(lh, lp, lpath, ch, cp, cpath));
    }

    /**
     * The {@code LocalForward}/{@code RemoteForward}/{@code DynamicForward} keyword with its first two arguments
     * ({@code arg2} null when absent). A RemoteForward with one argument is a dynamic (SOCKS) remote forward.
     * Errors: {@code Missing argument.}, {@code Missing target argument.}, {@code Bad forwarding specification.}.
     */
    public static ValueResult<Forward> parseKeyword(Kind kind, String arg, String arg2, Function<String, String> env) {
        if (arg == null || arg.isEmpty()) {
            return ValueResult.err("Missing argument.");
        }
        boolean remote = kind == Kind.REMOTE;
        boolean dynamic = kind == Kind.DYNAMIC;
        String spec = null;
        if (!dynamic) {
            if (arg2 == null || arg2.isEmpty()) {
                if (remote) {
                    dynamic = true;
                } else {
                    return ValueResult.err("Missing target argument.");
                }
            } else {
                spec = truncate(arg + ":" + arg2);
            }
        }
        if (dynamic) {
            spec = truncate(arg);
        }
        return parse(spec, dynamic, remote, env).<ValueResult<Forward>>map(ValueResult::ok)
                .orElseGet(() -> ValueResult.err("Bad forwarding specification."));
    }

    /**
     * The {@code -L}, {@code -R}, {@code -D} command-line flags ({@code -R} tries a normal then a dynamic remote
     * forward). Errors: {@code Bad local forwarding specification 'x'} (also remote, dynamic).
     */
    public static ValueResult<Forward> parseFlag(Kind kind, String optarg, Function<String, String> env) {
        Optional<Forward> f;
        String what;
        switch (kind) {
            case LOCAL:
                f = parse(optarg, false, false, env);
                what = "local";
                break;
            case REMOTE:
                f = parse(optarg, false, true, env);
                if (f.isEmpty()) {
                    f = parse(optarg, true, true, env);
                }
                what = "remote";
                break;
            default:
                f = parse(optarg, true, false, env);
                what = "dynamic";
        }
        return f.<ValueResult<Forward>>map(ValueResult::ok)
                .orElseGet(() -> ValueResult.err("Bad " + what + " forwarding specification '" + optarg + "'"));
    }

    /**
     * The forward lines of {@code ssh -G} ({@code dump_cfg_forwards}): {@code dynamicforward} for local forwards
     * whose connect host is unset or {@code socks} (so a LocalForward to a unix socket appears here too), then
     * {@code localforward} for the rest of the local list, then every {@code remoteforward}.
     */
    public static List<String> renderDump(List<Forward> local, List<Forward> remote) {
        List<String> out = new ArrayList<>();
        for (Forward f : local) {
            if (f.connectHost == null || f.connectHost.equals("socks")) {
                out.add("dynamicforward " + f.renderListen());
            }
        }
        for (Forward f : local) {
            if (f.connectHost == null || !f.connectHost.equals("socks")) {
                out.add("localforward " + f.renderListen() + " " + f.renderConnect());
            }
        }
        for (Forward f : remote) {
            out.add("remoteforward " + f.renderListen() + " " + f.renderConnect());
        }
        return out;
    }

    /** The listen side as -G prints it: a path, a port, or {@code [host]:port}. */
    public String renderListen() {
        if (listenPort == PORT_STREAMLOCAL) {
            return listenPath;
        }
        return listenHost == null ? Integer.toString(listenPort) : "[" + listenHost + "]:" + listenPort;
    }

    /** The connect side as -G prints it: a path, a port, or {@code [host]:port}. */
    public String renderConnect() {
        if (connectPort == PORT_STREAMLOCAL) {
            return connectPath;
        }
        return connectHost == null ? Integer.toString(connectPort) : "[" + connectHost + "]:" + connectPort;
    }

    private static final class Fields {
        final String[] args = new String[4];
        final boolean[] isPath = new boolean[4];
        int count;
    }

    /** Up to four {@code parse_fwd_field} fields; count 0 when trailing text remains or a field is malformed. */
    private static Fields splitFields(String s) {
        Fields f = new Fields();
        int pos = 0;
        int n = s.length();
        boolean done = false;
        int i;
        for (i = 0; i < 4; i++) {
            if (pos >= n) {
                done = true;
                break;
            }
            boolean ispath = false;
            if (s.charAt(pos) == '[') {
                int ep = pos + 1;
                while (ep < n && s.charAt(ep) != ']') {
                    if (s.charAt(ep) == '/') {
                        ispath = true;
                    }
                    ep++;
                }
                if (ep >= n || (ep + 1 < n && s.charAt(ep + 1) != ':')) {
                    break;
                }
                f.args[i] = s.substring(pos + 1, ep);
                f.isPath[i] = ispath;
                pos = ep + 1 < n ? ep + 2 : ep + 1;
                continue;
            }
            StringBuilder b = new StringBuilder();
            int c = pos;
            boolean bad = false;
            while (c < n) {
                char ch = s.charAt(c);
                if (ch == '\\') {
                    if (c + 1 >= n) {
                        bad = true;
                        break;
                    }
                    b.append(s.charAt(c + 1));
                    c += 2;
                    continue;
                }
                if (ch == ':') {
                    break;
                }
                if (ch == '/') {
                    ispath = true;
                }
                b.append(ch);
                c++;
            }
            if (bad) {
                break;
            }
            f.args[i] = b.toString();
            f.isPath[i] = ispath;
            pos = c < n ? c + 1 : c;
        }
        if (!done && pos < n) {
            f.count = 0;
        } else {
            f.count = i;
        }
        return f;
    }

    private static int port(String s) {
        return Ports.a2port(s).orElse(-1);
    }

    private static boolean tooLong(String s, int limit) {
        return s != null && s.length() >= limit; // a byte string: one char per byte
    }

    private static String truncate(String s) {
        return s.length() <= FWDARG_MAX ? s : s.substring(0, FWDARG_MAX);
    }

    /** {@code dollar_expand}: replaces each {@code ${VAR}}; null when unterminated, empty, or unset. */
    static String dollarExpand(String s, Function<String, String> env) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int end = s.indexOf('}', i + 2);
                if (end < 0 || end == i + 2) {
                    return null;
                }
                String val = env == null ? null : env.apply(s.substring(i + 2, end));
                if (val == null) {
                    return null;
                }
                b.append(val);
                i = end + 1;
                continue;
            }
            b.append(s.charAt(i++));
        }
        return b.toString();
    }
}
