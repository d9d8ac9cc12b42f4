package io.ctlmux.config.keyword;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-argument keywords with per-argument rules: CanonicalizePermittedCNAMEs, PermitRemoteOpen, ChannelTimeout
 * and SetEnv. {@code keyword} is the keyword as written, lower-cased (OpenSSH quotes it in some messages).
 * Messages documented as fatal end ssh at once (exit 255) instead of counting a bad option.
 */
public final class ListValues {
    private static final int MAX_CANON_DOMAINS = 32;

    private ListValues() {
    }

    /** One {@code source:target} rule of CanonicalizePermittedCNAMEs. */
    public record PermittedCname(String source, String target) {
    }

    /**
     * CanonicalizePermittedCNAMEs: {@code none} (alone; gives an empty list), {@code *} ({@code *:*}) or
     * {@code src:tgt} (the whole argument lower-cased). Errors: {@code keyword K "none" argument must appear
     * alone.}, {@code Invalid permitted CNAME "x"}, 9.2 {@code too many permitted CNAMEs.} (more than 32), 10.x
     * (fatal) {@code no K specified}.
     */
    public static ValueResult<List<PermittedCname>> permittedCnames(String keyword, List<String> args, Dialect d) {
        List<PermittedCname> out = new ArrayList<>();
        boolean none = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equalsIgnoreCase("none")) {
                if (i > 0 || i + 1 < args.size()) {
                    return ValueResult.err("keyword " + keyword + " \"none\" argument must appear alone.");
                }
                none = true;
                continue;
            } else if (arg.equals("*")) {
                out.add(new PermittedCname("*", "*"));
            } else {
                String lower = io.ctlmux.config.text.Ascii.lower(arg);
                int c = lower.indexOf(':');
                if (c < 0 || c == lower.length() - 1) {
                    return ValueResult.err("Invalid permitted CNAME \"" + lower + "\"");
                }
                out.add(new PermittedCname(lower.substring(0, c), lower.substring(c + 1)));
            }
            if (!d.atLeast(10, 0) && out.size() > MAX_CANON_DOMAINS) {
                return ValueResult.err("too many permitted CNAMEs.");
            }
        }
        if (d.atLeast(10, 0) && out.isEmpty() && !none) {
            return ValueResult.err("no " + keyword + " specified");
        }
        return ValueResult.ok(List.copyOf(out));
    }

    /** The {@code -G} line: {@code canonicalizePermittedcnames none} or {@code ... src:tgt ...} (capital P). */
    public static String renderPermittedCnames(List<PermittedCname> rules) {
        StringBuilder b = new StringBuilder("canonicalizePermittedcnames");
        if (rules.isEmpty()) {
            b.append(" none");
        }
        for (PermittedCname r : rules) {
            b.append(' ').append(r.source()).append(':').append(r.target());
        }
        return b.toString();
    }

    /**
     * PermitRemoteOpen: {@code any} or {@code none} alone, else {@code host:port} with port {@code *} or
     * 1..65535 ({@code [ipv6]:port} allowed). Returns the arguments as given. Errors: {@code keyword K "x" argument
     * must appear alone.}; fatal: {@code missing host in permitremoteopen}, {@code bad port number in
     * permitremoteopen}, {@code missing permitremoteopen specification}.
     */
    public static ValueResult<List<String>> permitRemoteOpen(String keyword, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equalsIgnoreCase("none") || arg.equalsIgnoreCase("any")) {
                if (i > 0 || i + 1 < args.size()) {
                    return ValueResult.err("keyword " + keyword + " \"" + arg + "\" argument must appear alone.");
                }
                continue;
            }
            String[] hp = ProxyJump.hpdelim2(arg);
            if (hp == null || "/".equals(hp[2])) {
                return ValueResult.err("missing host in permitremoteopen");
            }
            String port = hp[1];
            if (port == null || (!port.equals("*") && Ports.a2port(port).orElse(-1) <= 0)) {
                return ValueResult.err("bad port number in permitremoteopen");
            }
        }
        if (args.isEmpty()) {
            return ValueResult.err("missing permitremoteopen specification");
        }
        return ValueResult.ok(List.copyOf(args));
    }

    /** The {@code -G} line: {@code permitremoteopen any} when unset, else the stored arguments. */
    public static String renderPermitRemoteOpen(List<String> args) {
        return args.isEmpty() ? "permitremoteopen any" : "permitremoteopen " + String.join(" ", args);
    }

    /**
     * ChannelTimeout (9.6+): {@code none} alone, or {@code type=interval} entries (type non-empty, interval a
     * {@code convtime} time). Errors: {@code keyword K "none" argument must appear alone.}; fatal:
     * {@code invalid channel timeout x}, {@code no K specified}.
     */
    public static ValueResult<List<String>> channelTimeout(String keyword, List<String> args, Dialect d) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equalsIgnoreCase("none")) {
                if (i > 0 || i + 1 < args.size()) {
                    return ValueResult.err("keyword " + keyword + " \"none\" argument must appear alone.");
                }
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq <= 0 || TimeSpec.convtime(arg.substring(eq + 1), d).isEmpty()) {
                return ValueResult.err("invalid channel timeout " + arg);
            }
        }
        if (args.isEmpty()) {
            return ValueResult.err("no " + keyword + " specified");
        }
        return ValueResult.ok(List.copyOf(args));
    }

    /** The {@code -G} line: {@code channeltimeout none} when unset or none, else the entries. */
    public static String renderChannelTimeout(List<String> entries) {
        boolean none = entries.isEmpty() || (entries.size() == 1 && entries.get(0).equalsIgnoreCase("none"));
        return none ? "channeltimeout none" : "channeltimeout " + String.join(" ", entries);
    }

    /**
     * SetEnv: every argument must contain {@code =}; a later argument with an already listed name is dropped.
     * Errors: {@code Invalid SetEnv.}; 10.x (fatal) {@code no K specified}.
     */
    public static ValueResult<List<String>> setEnv(String keyword, List<String> args, Dialect d) {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            if (arg.indexOf('=') < 0) {
                return ValueResult.err("Invalid SetEnv.");
            }
            String name = arg.substring(0, arg.indexOf('='));
            if (out.stream().noneMatch(e -> e.substring(0, e.indexOf('=')).equals(name))) {
                out.add(arg);
            }
        }
        if (d.atLeast(10, 0) && out.isEmpty()) {
            return ValueResult.err("no " + keyword + " specified");
        }
        return ValueResult.ok(List.copyOf(out));
    }
}
