package io.ctlmux.config.keyword;

import io.ctlmux.config.text.ByteText;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Host and user names as ssh takes them from its command line: the {@code ssh://} URI form ({@code parse_ssh_uri})
 * and the character checks made on command-line names ({@code valid_hostname}, {@code valid_ruser}), per dialect.
 */
public final class SshNames {
    /** A parsed {@code ssh://[user@]host[:port][/]}; {@code user} null and {@code port} -1 when absent. */
    public record Uri(String user, String host, int port) {
    }

    private SshNames() {
    }

    /**
     * {@code parse_ssh_uri}: empty when {@code s} does not start with {@code ssh://} (case-sensitive); otherwise the
     * parts, or an error when the URI is malformed (empty user, bad host or port, a path, a bad {@code %} escape;
     * ssh then prints its usage). The user is URL-decoded ({@code +} is a space; a decoded NUL ends it before 10.1 and
     * Debian deb12u8, and is an error after); {@code ;params} after the user are dropped.
     */
    public static Optional<ValueResult<Uri>> parseSshUri(String s, Dialect dialect) {
        if (!s.startsWith("ssh://")) {
            return Optional.empty();
        }
        Uri u = parseUri(s.substring(6), dialect);
        return Optional.of(u != null ? ValueResult.ok(u) : ValueResult.err("malformed ssh:// URI"));
    }

    /** parse_uri after the scheme; null when malformed. */
    private static Uri parseUri(String uri, Dialect dialect) {
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
        String[] hp = ProxyJump.hpdelim2(tmp);
        if (hp == null || hp[0].isEmpty()) {
            return null;
        }
        String host = validDomain(ProxyJump.cleanHost(hp[0]), dialect);
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
        return new Uri(user, host, port);
    }

    /**
     * {@code valid_hostname} (9.6, Debian from deb12u2): no leading {@code -}, no shell metacharacter, whitespace
     * or control character; {@code ,} too where {@link Dialect#hostnameRejectsComma()}. The empty name passes.
     */
    public static boolean validHostname(String s, Dialect dialect) {
        if (s.startsWith("-")) {
            return false;
        }
        String bad = dialect.hostnameRejectsComma() ? "'`\"$\\;&<>|(){}," : "'`\"$\\;&<>|(){}";
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (bad.indexOf(c) >= 0 || CNum.isSpace(c) || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code valid_ruser}: no leading {@code -}, no {@code '`";&<>|(){}}, no whitespace followed by {@code -}, no
     * {@code \} at the end; no control character where {@link Dialect#refusesControlCharacters()}.
     */
    public static boolean validRuser(String s, Dialect dialect) {
        if (s.startsWith("-")) {
            return false;
        }
        boolean ctl = dialect.refusesControlCharacters();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (ctl && (c < 0x20 || c == 0x7f)) {
                return false;
            }
            if ("'`\";&<>|(){}".indexOf(c) >= 0) {
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

    /** {@code valid_domain} as parse_uri uses it: the name without one trailing dot, or null. */
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
            char c = name.charAt(i);
            c = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
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

    /** {@code urldecode}; a decoded NUL ends the C string, or (10.1, Debian deb12u8) is refused. */
    private static String urldecode(String s, Dialect dialect) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = ByteText.bytes(s);
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
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        String decoded = ByteText.of(out.toByteArray());
        int nul = decoded.indexOf('\0');
        if (nul >= 0) {
            return dialect.refusesControlCharacters() ? null : decoded.substring(0, nul);
        }
        return decoded;
    }
}
