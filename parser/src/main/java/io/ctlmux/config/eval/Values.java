package io.ctlmux.config.eval;

import io.ctlmux.config.expand.ExpansionException;
import io.ctlmux.config.expand.Expander;
import io.ctlmux.config.keyword.Algorithms;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.keyword.Forward;
import io.ctlmux.config.keyword.IpQos;
import io.ctlmux.config.keyword.ProxyJump;
import io.ctlmux.config.keyword.ValueResult;
import io.ctlmux.config.keyword.Ports;
import io.ctlmux.config.keyword.ListValues;
import java.util.List;
import io.ctlmux.config.keyword.TimeSpec;
import io.ctlmux.config.match.Patterns;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** The evaluator's access to the value parsers, pattern matching and expansion, bound to one dialect. */
final class Values {
    private final Dialect dialect;

    Values(Dialect dialect) {
        this.dialect = dialect;
    }

    OptionalInt convtime(String s) {
        return TimeSpec.convtime(s, dialect);
    }

    int a2port(String s) {
        OptionalInt p = Ports.a2port(s);
        return p.isPresent() ? p.getAsInt() : -1;
    }

    boolean matchPattern(String s, String pattern) {
        return Patterns.matchPattern(s, pattern);
    }

    int matchPatternList(String s, String list, boolean dolower) {
        return Patterns.matchPatternList(s, list, dolower);
    }

    static boolean validEnvName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            boolean ok = ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** valid_domain(name, 1): an error message, or null. */
    static String validDomain(String name) {
        String l = name.toLowerCase(java.util.Locale.ROOT);
        if (l.isEmpty()) {
            return "empty domain name";
        }
        if (!Character.isLetterOrDigit(l.charAt(0)) || l.charAt(0) > 127) {
            return "domain name \"" + name + "\" starts with invalid character";
        }
        for (int i = 0; i < l.length(); i++) {
            char ch = l.charAt(i);
            boolean ok = ch < 128 && (Character.isLetterOrDigit(ch) || ch == '-' || ch == '.');
            if (!ok) {
                return "domain name \"" + name + "\" contains invalid characters";
            }
            if (ch == '.' && i > 0 && l.charAt(i - 1) == '.') {
                return "domain name \"" + name + "\" contains consecutive separators";
            }
        }
        if (l.charAt(l.length() - 1) == '.') {
            return "domain name \"" + name + "\" ends with separator";
        }
        return null;
    }

    ValueResult<IpQos> parseIpqos(String first, String second) {
        return IpQos.parse(first, second, dialect);
    }

    Object parseForward(String spec, boolean dynamic, boolean remote, Evaluator ev) {
        try {
            Expander.dollar(spec, ev.env()::getenv);
        } catch (ExpansionException e) {
            ev.messages(e); // parse_forward's dollar_expand logs before the line's own error
        }
        return Forward.parse(spec, dynamic, remote, ev.env()::getenv).orElse(null);
    }

    /**
     * parse_jump: validates, and when active (and no ProxyCommand/ProxyJump yet) stores the jump host. From 10.3
     * (Debian deb12u10) {@code none} is stored whenever no ProxyJump is set yet, a ProxyCommand notwithstanding.
     */
    boolean parseJump(String spec, boolean active, Evaluator.LineContext c) {
        var o = c.ev.o;
        ValueResult<ProxyJump> j = ProxyJump.parse(spec, dialect, c.cmdline, c.ev::message);
        if (!j.isOk()) {
            return false;
        }
        boolean act = active && !o.isSet("jumphost")
                && (!o.isSet("proxycommand") || (j.value().disabled() && dialect.checksJumpHops()));
        if (act) {
            o.offer("jumphost", j.value(), c.origin, c.span, c.block);
            if (!j.value().disabled()) {
                o.offer("proxycommand", "none", c.origin, c.span, c.block);
            }
        }
        return true;
    }

    /** Validation message for an algorithm list ("FILE line N: Bad ..."), or null when valid. */
    String algorithmSpecProblem(String keyword, String arg, Evaluator ev) {
        Algorithms.Kind kind = algorithmKind(keyword);
        ValueResult<String> r = Algorithms.validate(kind, arg, dialect);
        if (r.isOk()) {
            return null;
        }
        if (kind == Algorithms.Kind.KEX_ALGORITHMS) {
            List<String> supported = Algorithms.supported(kind, dialect);
            String list = arg.startsWith("+") || arg.startsWith("^") ? arg.substring(1) : arg;
            for (String n : list.split(",", -1)) {
                if (n.isEmpty()) {
                    break;
                }
                if (!supported.contains(n)) {
                    ev.message("Unsupported KEX algorithm \"" + n + "\"");
                    break;
                }
            }
        }
        return "FILE line N: " + r.error();
    }

    static Algorithms.Kind algorithmKind(String keyword) {
        return switch (keyword) {
            case "ciphers" -> Algorithms.Kind.CIPHERS;
            case "macs" -> Algorithms.Kind.MACS;
            case "kexalgorithms" -> Algorithms.Kind.KEX_ALGORITHMS;
            case "hostkeyalgorithms" -> Algorithms.Kind.HOST_KEY_ALGORITHMS;
            case "hostbasedacceptedalgorithms" -> Algorithms.Kind.HOSTBASED_ACCEPTED_ALGORITHMS;
            case "pubkeyacceptedalgorithms" -> Algorithms.Kind.PUBKEY_ACCEPTED_ALGORITHMS;
            default -> Algorithms.Kind.CA_SIGNATURE_ALGORITHMS;
        };
    }

    boolean matchCriterionKnown(String criterion) {
        return switch (criterion) {
            case "tagged", "localnetwork" -> dialect.atLeast(9, 4);
            case "version", "sessiontype", "command" -> dialect.atLeast(10, 0);
            default -> false;
        };
    }

    boolean matchNewCriterion(Evaluator ev, String criterion, String arg) {
        String tag = ev.o.get("tag");
        String cmd = ev.remoteCommand;
        if (cmd.isEmpty() && ev.o.get("remotecommand") != null) {
            cmd = ev.o.get("remotecommand");
        }
        return switch (criterion) {
            case "tagged" -> tag == null || tag.isEmpty() ? arg.isEmpty() : matchPatternList(tag, arg, false) == 1;
            case "command" -> cmd.isEmpty() ? arg.isEmpty() : matchPatternList(cmd, arg, false) == 1;
            case "version" -> matchPatternList(release(), arg, false) == 1;
            case "sessiontype" -> matchPatternList(sessionType(ev, cmd), arg, false) == 1;
            default -> false;
        };
    }

    /** SSH_RELEASE as Match version sees it. */
    String release() {
        return switch (dialect) {
            case DEBIAN_9_2 -> "OpenSSH_9.2p1 Debian-2+deb12u10";
            case DEBIAN_9_2_U8 -> "OpenSSH_9.2p1 Debian-2+deb12u8";
            case DEBIAN_9_2_U6 -> "OpenSSH_9.2p1 Debian-2+deb12u6";
            case OPENSSH_9_2 -> "OpenSSH_9.2p1";
            case OPENSSH_10_5 -> "OpenSSH_10.5p1";
        };
    }

    private static String sessionType(Evaluator ev, String cmd) {
        int st = ev.o.getInt("sessiontype", -1);
        if (st == 1) {
            return "subsystem";
        }
        if (st == 0) {
            return "none";
        }
        return cmd.isEmpty() ? "shell" : "exec";
    }

    /** Hostname's {@code %h} expansion; any other {@code %} token is fatal, as in ssh.c and readconf.c. */
    String expandHostname(String hostname, String hostArg) throws ConfigFault {
        try {
            return Expander.percent(hostname, Map.of('h', hostArg));
        } catch (ExpansionException e) {
            throw Evaluator.fatal(e);
        }
    }

    /** What Match and Include see of the destination while the files are read (readconf.c, both passes). */
    record PassView(String host, String ruser, int port) {
    }

    PassView passView(Evaluator ev, boolean finalPass) throws ConfigFault {
        int port = ev.o.getInt("port", -1);
        String ruser = ev.o.get("user");
        String hostname = ev.o.get("hostname");
        String host;
        if (finalPass) {
            host = hostname;
        } else if (hostname != null) {
            host = expandHostname(hostname, ev.hostArg);
        } else {
            host = ev.hostArg;
        }
        return new PassView(host, ruser == null ? ev.env().userName() : ruser, port <= 0 ? 22 : port);
    }

    /** The tokens of Match exec and (9.9+) Include: %C %L %d %h %k %l %n %p %r %u %i, and %j from 9.6. */
    Map<Character, String> execOrIncludeTokens(Evaluator ev, PassView view) {
        String thishost = ev.env().hostName();
        String portstr = Integer.toString(view.port());
        String jhost = "";
        if (dialect.atLeast(9, 6)) {
            ProxyJump j = ev.o.get("jumphost");
            jhost = j == null ? "" : j.lastHopHost();
        }
        String keyalias = ev.o.get("hostkeyalias");
        Map<Character, String> t = new HashMap<>();
        t.put('C', io.ctlmux.config.expand.ConnectionHash.percentC(thishost, view.host(), portstr, view.ruser(),
                jhost));
        t.put('L', thishost.contains(".") ? thishost.substring(0, thishost.indexOf('.')) : thishost);
        t.put('d', ev.env().home());
        t.put('h', view.host());
        t.put('k', keyalias != null ? keyalias : view.host());
        t.put('l', thishost);
        t.put('n', ev.hostArg);
        t.put('p', portstr);
        t.put('r', view.ruser());
        t.put('u', ev.env().userName());
        t.put('i', Long.toString(ev.env().uid()));
        if (dialect.atLeast(9, 6)) {
            t.put('j', jhost);
        }
        return t;
    }

    String percentExpand(String s, Map<Character, String> tokens) throws ExpansionException {
        return Expander.percent(s, tokens);
    }

    boolean dollarExpandValid(String arg, Evaluator ev) {
        try {
            Expander.dollar(arg, ev.env()::getenv);
            return true;
        } catch (ExpansionException e) {
            ev.messages(e);
            return false;
        }
    }

    /** 9.9+: an Include argument after %-token and ${} expansion, as expand_match_exec_or_include_path does. */
    String expandInclude(Evaluator ev, String arg, boolean finalPass) throws ExpansionException, ConfigFault {
        return Expander.percentDollar(arg, execOrIncludeTokens(ev, passView(ev, finalPass)), ev.env()::getenv);
    }
}
