package io.ctlmux.config.keyword;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A parsed {@code ProxyJump}/{@code -J} value as {@code readconf.c:parse_jump} stores it: the last hop split into
 * user, host (brackets removed) and port (-1 when absent), plus the earlier hops as raw text ({@code extra}).
 * {@link #disabled()} is {@code ProxyJump none}, which also disables ProxyCommand.
 */
public record ProxyJump(boolean disabled, String user, String host, int port, String extra) {

    private static final ProxyJump NONE = new ProxyJump(true, null, "none", 0, null);

    /**
     * Parses the rest-of-line text (leading whitespace and {@code =} already removed; a {@code #} comment and
     * trailing whitespace are dropped here as OpenSSH does; 9.2 also drops everything after inner whitespace).
     * In 9.2 {@code none} is only taken when no ProxyCommand was set before; 10.x only checks ProxyJump. {@code strict} is the 10.3+ check applied to
     * {@code -J} and {@code -o} (hostname and user character validation). Error: {@code Invalid ProxyJump "text"},
     * after a line {@code parse_jump: invalid hostname "h"} (or {@code username}) when the strict check failed.
     */
    public static ValueResult<ProxyJump> parse(String text, Dialect dialect, boolean strict) {
        String[] why = new String[1];
        ProxyJump pj = parseOrNull(text, dialect, strict, why);
        return pj != null ? ValueResult.ok(pj) : ValueResult.err(prefixed(why[0], "Invalid ProxyJump \"" + text + "\""));
    }

    /** The {@code -J} flag. Error: {@code Invalid -J argument}, after the strict check's line as for {@link #parse}. */
    public static ValueResult<ProxyJump> parseFlag(String optarg, Dialect dialect) {
        String[] why = new String[1];
        ProxyJump pj = parseOrNull(optarg, dialect, dialect.hardened103(), why);
        return pj != null ? ValueResult.ok(pj) : ValueResult.err(prefixed(why[0], "Invalid -J argument"));
    }

    private static String prefixed(String line, String error) {
        return line == null ? error : line + "\n" + error;
    }

    /** Null when invalid; {@code why[0]} then holds the strict check's error line, if that was the cause. */
    private static ProxyJump parseOrNull(String s, Dialect dialect, boolean strict, String[] why) {
        boolean modern = dialect.atLeast(10, 0);
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
            if (strict && !validHostname(h.host)) {
                why[0] = "parse_jump: invalid hostname \"" + h.host + "\"";
                return null;
            }
            if (strict && h.user != null && !validRuser(h.user)) {
                why[0] = "parse_jump: invalid username \"" + h.user + "\"";
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
        if (modern || dialect.hardened103()) { // Debian's deb12u10 has 10.3's parse_jump (but 9.2's rtrim)
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
        if (cp.startsWith("ssh://")) {
            return parseUri(cp.substring(6), dialect);
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

    private static Hop parseUri(String uri, Dialect dialect) {
        String tmp = uri;
        String user = null;
        int at = tmp.indexOf('@');
        if (at >= 0) {
            String u = tmp.substring(0, at);
            int semi = u.indexOf(';');
            if (semi >= 0) {
                u = u.substring(0, semi);
            }
            if (u.isEmpty()) {
                return null;
            }
            user = urldecode(u, dialect);
            if (user == null) {
                return null;
            }
            tmp = tmp.substring(at + 1);
        }
        String[] hp = hpdelim2(tmp);
        if (hp == null || hp[0].isEmpty()) {
            return null;
        }
        String host = cleanHost(hp[0]);
        host = validDomain(host, dialect);
        if (host == null) {
            return null;
        }
        int port = -1;
        String rest = hp[1];
        if (rest != null && !rest.isEmpty()) {
            if (":".equals(hp[2])) {
                int slash = rest.indexOf('/');
                String ps = slash >= 0 ? rest.substring(0, slash) : rest;
                port = Ports.a2port(ps).orElse(-1);
                if (port <= 0) {
                    return null;
                }
                rest = slash >= 0 ? rest.substring(slash + 1) : null;
            }
            if (rest != null && !rest.isEmpty()) {
                return null; // a path is not allowed (or fails to decode)
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

    private static String validDomain(String name, Dialect dialect) {
        if (name.isEmpty()) {
            return null;
        }
        char f = name.charAt(0);
        if (!isAlnum(f) && !(dialect.atLeast(10, 0) && f == '_')) {
            return null;
        }
        char last = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (last == '.' && c == '.') {
                return null;
            }
            if (c != '.' && c != '-' && !isAlnum(c) && c != '_') {
                return null;
            }
            last = c;
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String urldecode(String s, Dialect dialect) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            byte c = in[i];
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= in.length) {
                    return null;
                }
                int hi = Character.digit((char) in[i + 1], 16);
                int lo = Character.digit((char) in[i + 2], 16);
                if (hi < 0 || lo < 0 || (dialect.atLeast(10, 0) && hi == 0 && lo == 0)) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
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

    /** 10.x {@code ssh_valid_hostname}. */
    static boolean validHostname(String s) {
        if (s.startsWith("-")) {
            return false;
        }
        for (char c : s.toCharArray()) {
            if ("'`\"$\\;&<>|(){},".indexOf(c) >= 0 || CNum.isSpace(c) || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** 10.x {@code ssh_valid_ruser}. */
    static boolean validRuser(String s) {
        if (s.startsWith("-")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || "'`\";&<>|(){}".indexOf(c) >= 0) {
                return false;
            }
            if (CNum.isSpace(c) && i + 1 < s.length() && s.charAt(i + 1) == '-') {
                return false;
            }
            if (c == '\\' && i + 1 == s.length()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return disabled ? "none" : String.format(Locale.ROOT, "ProxyJump[%s]", render());
    }
}
