package io.ctlmux.config.keyword;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A parsed {@code ProxyJump}/{@code -J} value as {@code readconf.c:parse_jump} stores it: the last hop split into
 * user, host (brackets removed) and port (-1 when absent), plus the earlier hops as raw text ({@code extra}).
 * {@link #disabled()} is {@code ProxyJump none}; before {@link Dialect#checksJumpHops()} it also makes later
 * ProxyCommand lines be ignored.
 */
public record ProxyJump(boolean disabled, String user, String host, int port, String extra) {

    private static final ProxyJump NONE = new ProxyJump(true, null, "none", 0, null);

    /**
     * Parses the rest-of-line text (leading whitespace and {@code =} already removed; a {@code #} comment and
     * trailing whitespace are dropped here as OpenSSH does; 9.2 also drops everything after inner whitespace).
     * {@code cmdline}: the value comes from {@code -o}; where {@link Dialect#checksJumpHops()} each hop's host and
     * user are then checked like the destination's, and a failure is logged to {@code log} first
     * ({@code parse_jump: invalid hostname "h"}). Error: {@code Invalid ProxyJump "text"}.
     */
    public static ValueResult<ProxyJump> parse(String text, Dialect dialect, boolean cmdline, Consumer<String> log) {
        ProxyJump pj = parseOrNull(text, dialect, cmdline, log);
        return pj != null ? ValueResult.ok(pj) : ValueResult.err("Invalid ProxyJump \"" + text + "\"");
    }

    /** {@link #parse(String, Dialect, boolean, Consumer)} without the log line. */
    public static ValueResult<ProxyJump> parse(String text, Dialect dialect, boolean cmdline) {
        return parse(text, dialect, cmdline, line -> { });
    }

    /** The {@code -J} flag (a command-line value). Error: {@code Invalid -J argument}, after any logged line. */
    public static ValueResult<ProxyJump> parseFlag(String optarg, Dialect dialect, Consumer<String> log) {
        ProxyJump pj = parseOrNull(optarg, dialect, true, log);
        return pj != null ? ValueResult.ok(pj) : ValueResult.err("Invalid -J argument");
    }

    /** {@link #parseFlag(String, Dialect, Consumer)} without the log line. */
    public static ValueResult<ProxyJump> parseFlag(String optarg, Dialect dialect) {
        return parseFlag(optarg, dialect, line -> { });
    }

    private static ProxyJump parseOrNull(String s, Dialect dialect, boolean cmdline, Consumer<String> log) {
        boolean modern = dialect.atLeast(10, 0);
        boolean strict = cmdline && dialect.checksJumpHops();
        if (s.equalsIgnoreCase("none")) {
            return NONE;
        }
        String orig = s;
        int hash = orig.indexOf('#');
        if (hash >= 0) {
            orig = orig.substring(0, hash);
        }
        orig = rtrim(orig, modern);
        String sdup = orig;
        boolean first = true;
        String user = null;
        String host = null;
        int port = -1;
        while (true) {
            int comma = sdup.lastIndexOf(',');
            String hop = comma < 0 ? sdup : sdup.substring(comma + 1);
            sdup = comma < 0 ? sdup : sdup.substring(0, comma);
            Hop h = parseHop(hop, dialect);
            if (h == null) {
                return null;
            }
            if (strict && !SshNames.validHostname(h.host, dialect)) {
                log.accept("parse_jump: invalid hostname \"" + h.host + "\"");
                return null;
            }
            if (strict && h.user != null && !SshNames.validRuser(h.user, dialect)) {
                log.accept("parse_jump: invalid username \"" + h.user + "\"");
                return null;
            }
            if (first) {
                user = h.user;
                host = h.host;
                port = h.port;
            }
            first = false;
            if (comma < 0) {
                break;
            }
        }
        String extra = null;
        if (dialect.checksJumpHops()) {
            int c = orig.lastIndexOf(',');
            if (c >= 0) {
                extra = orig.substring(0, c);
            }
        } else {
            int c = s.lastIndexOf(',');
            if (c > 0) {
                extra = s.substring(0, c);
            }
        }
        return new ProxyJump(false, user, host, port, extra);
    }

    /**
     * The {@code -G} line ({@code proxyjump [extra,][user@]host[:port]}, host in {@code []} when it contains a
     * colon or is all digits and dots), or null for {@code none}. A 9.2 value whose last hop is literally
     * {@code none} after a comment (port -1) is not disabled and prints as a host.
     */
    public String render() {
        if (disabled) {
            return null;
        }
        boolean numeric = host.indexOf(':') >= 0 || host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
        StringBuilder b = new StringBuilder("proxyjump ");
        if (extra != null) {
            b.append(extra).append(',');
        }
        if (user != null) {
            b.append(user).append('@');
        }
        b.append(numeric ? "[" : "").append(host).append(numeric ? "]" : "");
        if (port > 0) {
            b.append(':').append(port);
        }
        return b.toString();
    }

    /** The host of the last hop ({@code %j}, and part of {@code %C} from 9.6); empty for none. */
    public String lastHopHost() {
        return disabled ? "" : host;
    }

    private record Hop(String user, String host, int port) {
    }

    private static Hop parseHop(String cp, Dialect dialect) {
        Optional<ValueResult<SshNames.Uri>> uri = SshNames.parseSshUri(cp, dialect);
        if (uri.isPresent()) {
            if (!uri.get().isOk()) {
                return null;
            }
            SshNames.Uri u = uri.get().value();
            return new Hop(u.user(), u.host(), u.port());
        }
        // parse_user_host_port
        String user = null;
        String rest = cp;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            if (at == 0) {
                return null;
            }
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String[] hp = hpdelim2(rest);
        if (hp == null || hp[0].isEmpty() || "/".equals(hp[2])) {
            return null;
        }
        String host = cleanHost(hp[0]);
        int port = -1;
        if (hp[1] != null && !hp[1].isEmpty()) {
            port = Ports.a2port(hp[1]).orElse(-1);
            if (port <= 0) {
                return null;
            }
        }
        return new Hop(user, host, port);
    }

    /** {@code hpdelim2}: {host, rest or null, delimiter or null}; null on error. */
    static String[] hpdelim2(String s) {
        int i;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return null;
            }
            i = close + 1;
        } else {
            i = 0;
            while (i < s.length() && s.charAt(i) != ':' && s.charAt(i) != '/') {
                i++;
            }
        }
        if (i >= s.length()) {
            return new String[] {s, null, null};
        }
        char c = s.charAt(i);
        if (c == ':' || c == '/') {
            return new String[] {s.substring(0, i), s.substring(i + 1), String.valueOf(c)};
        }
        return null;
    }

    static String cleanHost(String h) {
        if (h.startsWith("[") && h.endsWith("]") && h.length() >= 2) {
            return h.substring(1, h.length() - 1);
        }
        return h;
    }

    /**
     * {@code rtrim}. Before 10.0 it blanks every whitespace character after the first position, which cuts the
     * text at its first inner whitespace ({@code u x@h} becomes {@code u}).
     */
    private static String rtrim(String s, boolean modern) {
        if (!modern) {
            for (int i = 1; i < s.length(); i++) {
                if (CNum.isSpace(s.charAt(i))) {
                    return s.substring(0, i);
                }
            }
            return s;
        }
        int e = s.length();
        while (e > 0 && CNum.isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(0, e);
    }

    @Override
    public String toString() {
        return disabled ? "none" : String.format(Locale.ROOT, "ProxyJump[%s]", render());
    }
}
