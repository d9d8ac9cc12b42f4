package io.ctlmux.config.eval;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.expand.ConnectionHash;
import io.ctlmux.config.expand.ExpansionException;
import io.ctlmux.config.expand.Expander;
import io.ctlmux.config.keyword.ControlMaster;
import io.ctlmux.config.keyword.ControlPersist;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.keyword.EscapeChar;
import io.ctlmux.config.keyword.TunnelDevice;
import io.ctlmux.config.keyword.Forward;
import io.ctlmux.config.keyword.ProxyJump;
import io.ctlmux.config.keyword.SshNames;
import io.ctlmux.config.keyword.ValueResult;
import io.ctlmux.config.match.NumericHost;
import io.ctlmux.config.resolved.Diagnostic;
import io.ctlmux.config.resolved.MessageRoute;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.resolved.Provenance.Origin;
import io.ctlmux.config.syntax.ConfigFile;
import io.ctlmux.config.text.Span;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ssh.c's main flow up to {@code ssh -G}: command-line options, the destination, the config files (pass 1),
 * Hostname and canonicalisation, the final pass, defaults, and the expansion of path options.
 */
public final class Resolver {
    /**
     * Resolution failed: ssh would exit with {@code exitCode}. {@link #diagnostics} holds every message, the last
     * one the fatal one, each marked whether ssh prints it at its log levels.
     */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Diagnostic> diagnostics;
        private final int exitCode;
        private final transient MessageRoute route;

        Failure(List<Diagnostic> diagnostics, int exitCode, MessageRoute route) {
            super(diagnostics.isEmpty() ? "" : diagnostics.get(diagnostics.size() - 1).text(), null, false, false);
            this.diagnostics = List.copyOf(diagnostics);
            this.exitCode = exitCode;
            this.route = route;
        }

        /** Where ssh writes the printed messages (-E, -y). */
        public MessageRoute route() {
            return route;
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }

        /** The text of every message, in order. */
        public List<String> stderr() {
            return texts(diagnostics, false);
        }

        /** The text of the messages ssh prints. */
        public List<String> printed() {
            return texts(diagnostics, true);
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** The first line of ssh's usage text (ssh prints seven lines; ctlmux keeps its errors to one line). */
    private static final String USAGE =
            "usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] destination [command [argument ...]]";

    private Resolver() {
    }

    public static ResolvedConfig resolve(List<String> argv, Dialect dialect, Environment env,
            Evaluator.ExecPolicy exec) throws Failure {
        return resolve(argv, new Evaluator(dialect, env, exec));
    }

    /** Resolves with a prepared evaluator (to choose its parser). */
    public static ResolvedConfig resolve(List<String> argv, Evaluator ev) throws Failure {
        return resolve(SshCommandLine.parse(argv, ev.dialect()), ev);
    }

    /** Resolves a command line already split (with the evaluator's dialect). */
    public static ResolvedConfig resolve(SshCommandLine args, Evaluator ev) throws Failure {
        Dialect dialect = ev.dialect();
        Environment env = ev.env();
        try {
            return run(ev, args, dialect, env);
        } catch (ConfigFault f) {
            List<Diagnostic> all = new ArrayList<>(ev.messages);
            all.add(f.diagnostic());
            throw new Failure(ev.log.mark(all, true), 255, route(args, ev.log.commandLineSetUpAt(), ev.log));
        }
    }

    private static List<String> texts(List<Diagnostic> diagnostics, boolean printedOnly) {
        List<String> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            if (!printedOnly || d.printed()) {
                out.add(d.text());
            }
        }
        return out;
    }

    private static ResolvedConfig run(Evaluator ev, SshCommandLine args, Dialect dialect, Environment env)
            throws ConfigFault {
        OptionState o = ev.o;
        // The destination is parsed when getopt reaches it; options before it are processed first, with "" as host.
        applyCommandLine(ev, args, 0, args.optionsBeforeDestination());
        String dest = args.destination();
        if (dest == null) {
            throw usage(ev, args);
        }
        String user = null;
        String host;
        int uriPort = -1;
        Optional<ValueResult<SshNames.Uri>> uri = SshNames.parseSshUri(dest, dialect);
        if (uri.isPresent()) {
            if (!uri.get().isOk()) {
                throw new ConfigFault(USAGE); // parse_ssh_uri failed: ssh prints its usage text
            }
            user = uri.get().value().user();
            host = uri.get().value().host();
            uriPort = uri.get().value().port();
        } else {
            int at = dest.lastIndexOf('@');
            if (at == 0) {
                throw new ConfigFault(USAGE);
            }
            if (at > 0) {
                user = dest.substring(0, at);
                host = dest.substring(at + 1);
            } else {
                host = dest;
            }
        }
        Span cli = Span.commandLine(0);
        if (user != null && o.offer("user", user, Origin.COMMAND_LINE, cli, null)) {
            ev.userOnCommandLine = true;
        }
        if (uriPort != -1) {
            o.offer("port", uriPort, Origin.COMMAND_LINE, cli, null);
        }
        applyCommandLine(ev, args, args.optionsBeforeDestination(), args.options().size());
        if (args.error() != null) {
            throw usage(ev, args);
        }
        if (dialect.debian || dialect.atLeast(9, 6)) {
            // the user given on the command line, if any; checked first from 10.3 (Debian deb12u10)
            String u = o.get("user");
            boolean badUser = u != null && !SshNames.validRuser(u, dialect);
            if (badUser && dialect.checksJumpHops()) {
                throw new ConfigFault("remote username contains invalid characters");
            }
            if (!SshNames.validHostname(host, dialect)) {
                throw new ConfigFault("hostname contains invalid characters");
            }
            if (badUser) {
                throw new ConfigFault("remote username contains invalid characters");
            }
        }
        ev.hostArg = host;
        ev.host = host;
        ev.configFile = args.configFile();
        ev.remoteCommand = args.commandText();
        if (args.command().isEmpty() && o.getInt("sessiontype", -1) == 1) {
            // -s (or -o SessionType=subsystem) without a command word ("" counts as one): fprintf and usage()
            ev.message("You must specify a subsystem to invoke.");
            throw new ConfigFault(USAGE);
        }
        if (args.has('y') && logFile(args) != null) {
            throw new ConfigFault("Can't specify both -y and -E");
        }

        ev.log.commandLineSetUp(ev.messages.size(), o.get("loglevel"));
        processConfigFiles(ev, false);
        // fill_default_options_for_canonicalization
        o.defaultTo("canonicalizemaxdots", 1);
        o.defaultTo("canonicalizefallbacklocal", 1);
        o.defaultTo("canonicalizehostname", 0);

        String hostname = o.get("hostname");
        if (hostname != null) {
            host = ev.values().expandHostname(hostname, host);
            o.replaceValue("hostname", host);
        }
        boolean wasAddr = isAddr(host, addressFamily(o));
        if (!wasAddr) {
            host = io.ctlmux.config.text.Ascii.lower(host); // tolower(3) on bytes: ASCII only
        }
        int canon = o.getInt("canonicalizehostname", 0);
        if (canon != 0 || wasAddr) {
            host = canonicalize(ev, host, canon);
        }
        if (canon != 0 && !ev.wantFinalPass) {
            ev.wantFinalPass = true;
        }
        if (ev.wantFinalPass) {
            o.put("hostname", host, Origin.COMPUTED, null, null);
            ev.host = host;
            processConfigFiles(ev, true);
        }
        Defaults.fill(ev);
        boolean userWasDefault = !o.isSet("user");
        if (userWasDefault) {
            o.put("user", env.userName(), Origin.DEFAULT, null, null);
        }
        ProxyJump jump = o.get("jumphost");
        if (jump != null) {
            if (o.isSet("proxycommand") && !"none".equals(o.get("proxycommand"))) {
                throw new ConfigFault(Diagnostic.Kind.OTHER, null, 0, 0, "inconsistent options: ProxyCommand+ProxyJump",
                        "proxyjump");
            }
            o.put("proxyusefdpass", 0, Origin.COMPUTED, null, null);
        }
        if (o.getInt("port", 0) == 0) {
            o.replaceValue("port", 22);
        }
        String hka = o.get("hostkeyalias");
        if (hka != null) {
            o.replaceValue("hostkeyalias", io.ctlmux.config.text.Ascii.lower(hka));
        }
        if ("-".equals(o.get("proxycommand")) && o.getInt("proxyusefdpass", 0) == 1) {
            throw new ConfigFault("ProxyCommand=- and ProxyUseFDPass are incompatible");
        }
        int uhk = o.getInt("updatehostkeys", -1);
        if (uhk == 2) {
            ControlPersist cp = o.get("controlpersist");
            boolean persist = cp != null && cp.enabled();
            if (persist && o.isSet("controlpath")) {
                o.replaceValue("updatehostkeys", 0);
            } else if (args.hasCommand() || o.isSet("remotecommand") || o.getInt("requesttty", 0) == 1) {
                o.replaceValue("updatehostkeys", 0);
            } else if (logLevelBelowInfo(o.get("loglevel"))) {
                o.replaceValue("updatehostkeys", 0);
            }
        }
        if (o.getInt("connectionattempts", 1) <= 0) {
            throw new ConfigFault(Diagnostic.Kind.OTHER, null, 0, 0, "Invalid number of ConnectionAttempts",
                    "connectionattempts");
        }
        if (args.hasCommand() && o.isSet("remotecommand")) {
            throw new ConfigFault("Cannot execute command-line and remote command.");
        }
        if (o.getInt("forkafterauthentication", 0) == 1 && !args.hasCommand() && !o.isSet("remotecommand")
                && o.getInt("sessiontype", 2) != 0) {
            throw new ConfigFault("Cannot fork into background without a command to execute.");
        }

        ev.log.finalSetUp(ev.messages.size(), o.get("loglevel"));
        if (wantsTty(o, args) && o.getInt("requesttty", 0) != 3 && ev.log.finalLevel() >= LogGate.INFO) {
            long printed = ev.log.mark(ev.messages, false).stream().filter(Diagnostic::printed).count();
            ev.log.ttyNotice((int) printed, o.getInt("stdinnull", 0) == 1);
        }
        // cinfo and the expansions done before the -G dump.
        Map<Character, String> t;
        try {
            expandUser(ev, host, userWasDefault);
            t = tokens(ev, host);
            String rc = o.get("remotecommand");
            if (rc != null) {
                o.replaceValue("remotecommand", Expander.percent(rc, t));
            }
            expandPath(ev, "controlpath", t);
            expandPath(ev, "identityagent", t);
            if (dialect.atLeast(10, 3)) {
                List<String> rhk = o.get("revokedhostkeys");
                if (rhk != null) {
                    List<String> out = new ArrayList<>();
                    for (String f : rhk) {
                        out.add(Expander.percentDollar(tilde(ev, f), t, env::getenv));
                    }
                    o.replaceValue("revokedhostkeys", out);
                }
            } else if (dialect.atLeast(9, 4)) {
                expandPath(ev, "revokedhostkeys", t);
            }
            expandPath(ev, "forwardagentpath", t);
            String agentPath = o.get("forwardagentpath");
            if (agentPath != null && env.fileFacts(agentPath) == null) {
                String msg = "Cannot forward agent socket path \"" + agentPath + "\": No such file or directory";
                if (o.getInt("exitonforwardfailure", 0) == 1) {
                    throw new ConfigFault(msg);
                }
                ev.report(Diagnostic.Kind.WARNING, null, 0, 0, msg, "");
            }
            if (dialect.atLeast(10, 0)) {
                String va = o.get("versionaddendum");
                if (va != null) {
                    o.replaceValue("versionaddendum", Expander.percentDollar(va, t, env::getenv));
                }
            }
            List<String> gkh = o.get("globalknownhostsfile");
            if (gkh != null && gkh.size() > 1 && gkh.get(0).equalsIgnoreCase("none")) {
                throw new ConfigFault("Invalid GlobalKnownHostsFiles: \"none\" appears with other entries");
            }
            List<String> ukh = o.get("userknownhostsfile");
            if (ukh != null) {
                if (ukh.size() > 0 && ukh.get(0).equalsIgnoreCase("none")) {
                    if (ukh.size() > 1) {
                        throw new ConfigFault("Invalid UserKnownHostsFiles: \"none\" appears with other entries");
                    }
                } else {
                    List<String> out = new ArrayList<>();
                    for (String f : ukh) {
                        out.add(Expander.percentDollar(tilde(ev, f), t, env::getenv));
                    }
                    o.replaceValue("userknownhostsfile", out);
                }
            }
            List<String> setenv = o.get("setenv");
            if (setenv != null && dialect.atLeast(10, 0)) {
                List<String> out = new ArrayList<>();
                for (String e : setenv) {
                    int eq = e.indexOf('=');
                    out.add(e.substring(0, eq + 1) + Expander.percentDollar(e.substring(eq + 1), t, env::getenv));
                }
                o.replaceValue("setenv", out);
            }
            for (String key : List.of("localforward", "remoteforward")) {
                List<Forward> fw = o.get(key);
                if (fw != null) {
                    List<Forward> out = new ArrayList<>();
                    for (Forward f : fw) {
                        out.add(new Forward(f.listenHost(), f.listenPort(),
                                f.listenPath() == null ? null : Expander.percent(f.listenPath(), t),
                                f.connectHost(), f.connectPort(),
                                f.connectPath() == null ? null : Expander.percent(f.connectPath(), t)));
                    }
                    o.replaceValue(key, out);
                }
            }
        } catch (ExpansionException e) {
            List<String> lines = e.lines();
            if (e.kind() == ExpansionException.Kind.SYNTAX) {
                // every line but the last is logged; the last one is the fatal message
                int last = lines.size() - 1;
                for (int i = 0; i < last; i++) {
                    if (i == e.tokenLine() && e.token().startsWith("%")) {
                        ev.report(Diagnostic.Kind.UNKNOWN_TOKEN, null, 0, 0, lines.get(i), e.token());
                    } else {
                        ev.message(lines.get(i));
                    }
                }
                boolean names = last == e.tokenLine();
                throw new ConfigFault(names && e.token().startsWith("%") ? Diagnostic.Kind.UNKNOWN_TOKEN
                        : Diagnostic.Kind.OTHER, null, 0, 0, lines.get(last), names ? e.token() : "");
            }
            ev.messages(e);
            throw new ConfigFault("invalid environment variable expansion");
        }
        return new ResolvedConfig(dialect, ev.hostArg, host, o.freeze(), ev.filesRead, ev.skippedExecs, t,
                ev.log.mark(ev.messages, false), ev.log.finalLevel() >= LogGate.ERROR,
                route(args, ev.log.commandLineSetUpAt(), ev.log));
    }

    /**
     * ssh.c's tty_flag before it looks at stdin: RequestTTY yes/force, or no command (and no RemoteCommand) unless
     * RequestTTY no; never with RequestTTY no, a -O command other than proxy, or SessionType none.
     */
    private static boolean wantsTty(OptionState o, SshCommandLine args) {
        int requestTty = o.getInt("requesttty", 0);
        boolean tty = requestTty == 2 || requestTty == 3;
        if (!args.hasCommand() && !o.isSet("remotecommand")) {
            tty = requestTty != 1;
        }
        String mux = lastArg(args, 'O');
        if (requestTty == 1 || (mux != null && !mux.equals("proxy")) || o.getInt("sessiontype", 2) == 0) {
            tty = false;
        }
        return tty;
    }

    private static MessageRoute route(SshCommandLine args, int beforeLogSetUp, LogGate log) {
        return new MessageRoute(beforeLogSetUp, logFile(args), args.has('y'), log.ttyNoticeAt(),
                log.ttyNoticeAlways());
    }

    /** {@code -E}: the last one given. */
    private static String logFile(SshCommandLine args) {
        return lastArg(args, 'E');
    }

    private static String lastArg(SshCommandLine args, char letter) {
        List<String> all = args.arguments(letter);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /**
     * 10.0+: User is %-expanded (without %r and %C) and ${ENV}-expanded; from 10.1 only a User that came from the
     * configuration (or -o), and only an expanded one is checked for invalid characters.
     */
    private static void expandUser(Evaluator ev, String host, boolean userWasDefault)
            throws ExpansionException, ConfigFault {
        Dialect d = ev.dialect();
        if (!d.atLeast(10, 0) || (d.atLeast(10, 1) && (ev.userOnCommandLine || userWasDefault))) {
            return;
        }
        String user = ev.o.get("user");
        Map<Character, String> t = tokens(ev, host);
        t.remove('C');
        t.remove('r');
        String expanded = Expander.percentDollar(user, t, ev.env()::getenv);
        if ((!d.atLeast(10, 1) || !expanded.equals(user)) && !SshNames.validRuser(expanded, d)) {
            throw new ConfigFault("remote username contains invalid characters");
        }
        ev.o.replaceValue("user", expanded);
    }

    private static boolean logLevelBelowInfo(String level) {
        return level != null && (level.equals("QUIET") || level.equals("FATAL") || level.equals("ERROR")
                || level.equals("SILENT"));
    }

    static Map<Character, String> tokens(Evaluator ev, String host) {
        OptionState o = ev.o;
        Environment env = ev.env();
        String thishost = env.hostName();
        String shorthost = thishost.contains(".") ? thishost.substring(0, thishost.indexOf('.')) : thishost;
        String portstr = Integer.toString(o.getInt("port", 22));
        String user = o.get("user");
        String hka = o.get("hostkeyalias");
        ProxyJump jump = o.get("jumphost");
        String jhost = jump == null ? "" : jump.lastHopHost();
        Map<Character, String> t = new HashMap<>();
        t.put('C', ConnectionHash.percentC(thishost, host, portstr, user,
                ev.dialect().atLeast(9, 6) ? jhost : ""));
        t.put('L', shorthost);
        t.put('i', Long.toString(env.uid()));
        t.put('k', hka != null ? hka : ev.hostArg);
        t.put('l', thishost);
        t.put('n', ev.hostArg);
        t.put('p', portstr);
        t.put('d', env.home());
        t.put('h', host);
        t.put('r', user);
        t.put('u', env.userName());
        if (ev.dialect().atLeast(9, 6)) {
            t.put('j', jhost);
        }
        return t;
    }

    private static void expandPath(Evaluator ev, String key, Map<Character, String> t)
            throws ExpansionException, ConfigFault {
        String v = ev.o.get(key);
        if (v == null) {
            return;
        }
        ev.o.replaceValue(key, Expander.percentDollar(tilde(ev, v), t, ev.env()::getenv));
    }

    /** tilde_expand_filename: fatal for an unknown user. */
    static String tilde(Evaluator ev, String path) throws ConfigFault {
        if (!path.startsWith("~")) {
            return path;
        }
        int slash = path.indexOf('/');
        String userPart = slash < 0 ? path.substring(1) : path.substring(1, slash);
        String rest = slash < 0 ? "" : path.substring(slash + 1);
        String home;
        if (userPart.isEmpty()) {
            home = ev.env().home();
        } else {
            home = ev.env().homeOf(userPart).orElseThrow(() -> new ConfigFault(Diagnostic.Kind.OTHER, null, 0, 0,
                    "tilde_expand: No such user " + userPart, "~" + userPart));
        }
        if (home.endsWith("/")) {
            return home + rest;
        }
        return home + "/" + rest;
    }

    /**
     * ssh's usage exit, reached with every option before it applied: getopt's message for a bad option (printed
     * before logging is set up, so always), then the usage text; only the usage text when there is no destination.
     */
    private static ConfigFault usage(Evaluator ev, SshCommandLine args) {
        if (args.error() != null) {
            ev.message(args.error().message());
        }
        return new ConfigFault(USAGE);
    }

    /** Applies {@code args.options()} from index {@code from} (inclusive) to {@code to} (exclusive). */
    private static void applyCommandLine(Evaluator ev, SshCommandLine args, int from, int to) throws ConfigFault {
        OptionState o = ev.o;
        Dialect dialect = ev.dialect();
        int idx = from;
        for (SshCommandLine.Option opt : args.options().subList(from, to)) {
            Span span = Span.commandLine(++idx);
            String a = opt.argument();
            switch (opt.letter()) {
                case '4' -> o.put("addressfamily", 2, Origin.COMMAND_LINE, span, null);
                case '6' -> o.put("addressfamily", 10, Origin.COMMAND_LINE, span, null);
                case 'n' -> o.put("stdinnull", 1, Origin.COMMAND_LINE, span, null);
                case 'f' -> {
                    o.put("forkafterauthentication", 1, Origin.COMMAND_LINE, span, null);
                    o.put("stdinnull", 1, Origin.COMMAND_LINE, span, null);
                }
                case 'x' -> o.put("forwardx11", 0, Origin.COMMAND_LINE, span, null);
                case 'X' -> o.put("forwardx11", 1, Origin.COMMAND_LINE, span, null);
                case 'Y' -> {
                    o.put("forwardx11", 1, Origin.COMMAND_LINE, span, null);
                    o.put("forwardx11trusted", 1, Origin.COMMAND_LINE, span, null);
                }
                case 'g' -> o.put("gatewayports", 1, Origin.COMMAND_LINE, span, null);
                case 'a' -> o.put("forwardagent", 0, Origin.COMMAND_LINE, span, null);
                case 'A' -> o.put("forwardagent", 1, Origin.COMMAND_LINE, span, null);
                case 'k' -> o.put("gssapidelegatecredentials", 0, Origin.COMMAND_LINE, span, null);
                case 'K' -> {
                    o.put("gssapiauthentication", 1, Origin.COMMAND_LINE, span, null);
                    o.put("gssapidelegatecredentials", 1, Origin.COMMAND_LINE, span, null);
                }
                case 'i' -> {
                    String p = tilde(ev, a);
                    if (ev.env().fileFacts(p) == null) {
                        ev.report(Diagnostic.Kind.WARNING, null, 0, 0,
                                "Warning: Identity file " + p + " not accessible: No such file or directory.", "");
                    } else {
                        o.append("identityfile", p, Origin.COMMAND_LINE, span, null);
                    }
                }
                case 'J' -> {
                    if (o.isSet("jumphost")) {
                        throw new ConfigFault("Only a single -J option is permitted (use commas to separate "
                                + "multiple jump hops)");
                    }
                    if (o.isSet("proxycommand")) {
                        throw new ConfigFault("Cannot specify -J with ProxyCommand");
                    }
                    ValueResult<ProxyJump> j = ProxyJump.parseFlag(a, dialect, ev::message);
                    if (!j.isOk()) {
                        throw new ConfigFault(j.error());
                    }
                    o.put("jumphost", j.value(), Origin.COMMAND_LINE, span, null);
                    if (!j.value().disabled() || !dialect.checksJumpHops()) {
                        o.put("proxycommand", "none", Origin.COMMAND_LINE, span, null);
                    }
                }
                case 't' -> o.put("requesttty", o.getInt("requesttty", -1) == 2 ? 3 : 2, Origin.COMMAND_LINE,
                        span, null);
                case 'v' -> {
                    String cur = o.get("loglevel");
                    String next = cur == null || !cur.startsWith("DEBUG") ? "DEBUG"
                            : cur.equals("DEBUG") ? "DEBUG2" : "DEBUG3";
                    o.put("loglevel", next, Origin.COMMAND_LINE, span, null);
                }
                case 'q' -> o.put("loglevel", dialect.debian ? "SILENT" : "QUIET", Origin.COMMAND_LINE, span, null);
                case 'w' -> {
                    if (!o.isSet("tunnel")) {
                        o.put("tunnel", 1, Origin.COMMAND_LINE, span, null);
                    }
                    ValueResult<TunnelDevice> tun = TunnelDevice.parse(a);
                    if (!tun.isOk()) {
                        throw new ConfigFault("Bad tun device '" + a + "'");
                    }
                    o.put("tunneldevice", tun.value(), Origin.COMMAND_LINE, span, null);
                }
                case 'W' -> {
                    if (o.isSet("stdioforward")) {
                        throw new ConfigFault("stdio forward already specified");
                    }
                    if (givenBefore(args, idx, 'O')) {
                        throw new ConfigFault("Cannot specify stdio forward with -O");
                    }
                    Optional<Forward> f = Forward.parse(a, true, false, ev.env()::getenv);
                    if (f.isEmpty()) {
                        throw new ConfigFault("Bad stdio forwarding specification '" + a + "'");
                    }
                    o.put("stdioforward", a, Origin.COMMAND_LINE, span, null);
                    o.put("requesttty", 1, Origin.COMMAND_LINE, span, null);
                    o.put("sessiontype", 0, Origin.COMMAND_LINE, span, null);
                }
                case 'e' -> {
                    ValueResult<Integer> v = EscapeChar.parse(a);
                    if (!v.isOk() || a.isEmpty()) {
                        throw new ConfigFault("Bad escape character '" + a + "'.");
                    }
                    o.put("escapechar", v.value(), Origin.COMMAND_LINE, span, null);
                }
                case 'c' -> {
                    if (ev.values().algorithmSpecProblem("ciphers", a, ev) != null || a.startsWith("-")) {
                        throw new ConfigFault("Unknown cipher type '" + a + "'");
                    }
                    o.put("ciphers", a, Origin.COMMAND_LINE, span, null);
                }
                case 'm' -> {
                    if (ev.values().algorithmSpecProblem("macs", a, ev) != null || a.startsWith("-")
                            || a.startsWith("+") || a.startsWith("^")) {
                        throw new ConfigFault("Unknown mac type '" + a + "'");
                    }
                    o.put("macs", a, Origin.COMMAND_LINE, span, null);
                }
                case 'M' -> o.put("controlmaster", ControlMaster.codeAfterFlagM(o.getInt("controlmaster", -1)),
                        Origin.COMMAND_LINE, span, null);
                case 'p' -> {
                    if (!o.isSet("port")) {
                        int p = ev.values().a2port(a);
                        if (p <= 0) {
                            throw new ConfigFault("Bad port '" + a + "'");
                        }
                        o.put("port", p, Origin.COMMAND_LINE, span, null);
                    }
                }
                case 'l' -> {
                    if (o.offer("user", a, Origin.COMMAND_LINE, span, null)) {
                        ev.userOnCommandLine = true;
                    }
                }
                case 'L', 'R', 'D' -> {
                    boolean remote = opt.letter() == 'R';
                    Optional<Forward> f = opt.letter() == 'D' ? Forward.parse(a, true, false, ev.env()::getenv)
                            : remote ? Forward.parse(a, false, true, ev.env()::getenv)
                                    .or(() -> Forward.parse(a, true, true, ev.env()::getenv))
                                    : Forward.parse(a, false, false, ev.env()::getenv);
                    if (f.isEmpty()) {
                        String what = opt.letter() == 'L' ? "local" : remote ? "remote" : "dynamic";
                        throw new ConfigFault("Bad " + what + " forwarding specification '" + a + "'");
                    }
                    String key = remote ? "remoteforward" : "localforward";
                    List<Forward> cur = o.get(key);
                    if (cur == null || !cur.contains(f.get())) {
                        o.append(key, f.get(), Origin.COMMAND_LINE, span, null);
                    }
                }
                case 'C' -> o.put("compression", 1, Origin.COMMAND_LINE, span, null);
                case 'N' -> {
                    int st = o.getInt("sessiontype", -1);
                    if (st != -1 && st != 0) {
                        throw new ConfigFault("Cannot specify -N with -s/SessionType");
                    }
                    o.put("sessiontype", 0, Origin.COMMAND_LINE, span, null);
                    o.put("requesttty", 1, Origin.COMMAND_LINE, span, null);
                }
                case 'T' -> o.put("requesttty", 1, Origin.COMMAND_LINE, span, null);
                case 'o' -> {
                    if (ev.processCommandLineOption(a) != 0) {
                        if (ev.messages.isEmpty()) {
                            throw new ConfigFault("");
                        }
                        Diagnostic last = ev.messages.remove(ev.messages.size() - 1);
                        throw new ConfigFault(last.kind(), last.file(), last.line(), last.column(), last.text(),
                                last.subject());
                    }
                }
                case 's' -> {
                    int st = o.getInt("sessiontype", -1);
                    if (st != -1 && st != 1) {
                        throw new ConfigFault("Cannot specify -s with -N/SessionType");
                    }
                    o.put("sessiontype", 1, Origin.COMMAND_LINE, span, null);
                }
                case 'S' -> o.put("controlpath", a, Origin.COMMAND_LINE, span, null);
                case 'b' -> o.put("bindaddress", a, Origin.COMMAND_LINE, span, null);
                case 'B' -> o.put("bindinterface", a, Origin.COMMAND_LINE, span, null);
                case 'P' -> {
                    if (a != null) {
                        o.put("tag", a, Origin.COMMAND_LINE, span, null);
                    }
                }
                case 'I' -> o.put("pkcs11provider", a, Origin.COMMAND_LINE, span, null);
                case 'O' -> {
                    if (o.isSet("stdioforward")) {
                        throw new ConfigFault("Cannot specify multiplexing command with -W");
                    }
                    if (givenBefore(args, idx, 'O')) {
                        throw new ConfigFault("Multiplexing command already specified");
                    }
                    boolean known = switch (a) {
                        case "check", "forward", "exit", "stop", "cancel", "proxy" -> true;
                        case "conninfo", "channels" -> dialect.atLeast(10, 3);
                        default -> false;
                    };
                    if (!known) {
                        throw new ConfigFault("Invalid multiplex command.");
                    }
                }
                default -> {
                    // -1 is fatal in ssh; -2, -E, -F, -G, -O, -Q, -V, -y, -y are not config options
                    if (opt.letter() == '1') {
                        throw new ConfigFault("SSH protocol v.1 is no longer supported");
                    }
                }
            }
        }
    }

    /** Whether option {@code letter} came before the {@code n}th option (1-based) of the command line. */
    private static boolean givenBefore(SshCommandLine args, int n, char letter) {
        return args.options().subList(0, n - 1).stream().anyMatch(opt -> opt.letter() == letter);
    }

    /** process_config_files: -F FILE (fatal when it cannot be opened), or the user's and the system's files. */
    private static void processConfigFiles(Evaluator ev, boolean finalPass) throws ConfigFault {
        String config = ev.configFile;
        int fin = finalPass ? Evaluator.FLAG_FINAL : 0;
        if (config != null) {
            if (!config.equalsIgnoreCase("none")) {
                boolean[] active = {true};
                try {
                    if (!ev.readConfigFile(config, Evaluator.FLAG_USERCONF | fin, active, 0)) {
                        throw new ConfigFault(Diagnostic.Kind.CANNOT_OPEN,
                                ConfigFileAccess.cannotOpen(config, "No such file or directory"));
                    }
                } catch (CannotOpenException e) {
                    throw new ConfigFault(Diagnostic.Kind.CANNOT_OPEN,
                            ConfigFileAccess.cannotOpen(config, e.getMessage()));
                }
            }
        } else {
            // ssh ignores whether these two could be opened
            try {
                boolean[] active = {true};
                ev.readConfigFile(ev.env().home() + "/.ssh/config",
                        Evaluator.FLAG_CHECKPERM | Evaluator.FLAG_USERCONF | fin, active, 0);
            } catch (CannotOpenException e) {
                // not read, as in ssh
            }
            try {
                boolean[] active2 = {true};
                ev.readConfigFile("/etc/ssh/ssh_config", fin, active2, 0);
            } catch (CannotOpenException e) {
                // not read, as in ssh
            }
        }
    }

    /** resolve_canonicalize without DNS side effects beyond {@link Environment#resolve}. */
    private static String canonicalize(Evaluator ev, String host, int canon) {
        // resolve_addr: a numeric address is replaced by getnameinfo's text unless they differ only in case
        String numeric = NumericHost.canonical(host, addressFamily(ev.o));
        if (numeric != null) {
            return numeric.equalsIgnoreCase(host) ? host : numeric;
        }
        if (isAddrFast(host)) {
            return host; // an address glibc does not take (e.g. an unknown scope): left as it is
        }
        if (canon == 0) {
            return host;
        }
        OptionState o = ev.o;
        String pc = o.get("proxycommand");
        boolean direct = (pc == null || pc.equals("none")) && !o.isSet("jumphost");
        if (!direct && canon != 2) {
            return host;
        }
        if (host.endsWith(".")) {
            return ev.env().resolve(host).isPresent() ? host.substring(0, host.length() - 1) : host;
        }
        long ndots = host.chars().filter(ch -> ch == '.').count();
        if (ndots > o.getInt("canonicalizemaxdots", 1)) {
            return host;
        }
        List<String> domains = o.get("canonicaldomains");
        if (domains != null) {
            for (String d : domains) {
                if (d.equalsIgnoreCase("none")) {
                    break;
                }
                String full = host + "." + d + ".";
                Optional<InetAddress[]> a = ev.env().resolve(full);
                if (a.isPresent()) {
                    return full.substring(0, full.length() - 1);
                }
                ev.report(Diagnostic.Kind.WARNING, null, 0, 0,
                        "ssh: Could not resolve hostname " + full + ": Temporary failure in name resolution", "");
            }
        }
        return host;
    }

    /** is_addr_fast: a {@code %} or {@code :}, or only digits and dots (the empty name too). */
    static boolean isAddrFast(String name) {
        if (name.indexOf('%') >= 0 || name.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** is_addr: is_addr_fast, else a numeric address of the AddressFamily given so far (getaddrinfo). */
    static boolean isAddr(String name, int family) {
        return isAddrFast(name) || NumericHost.parse(name, family) != null;
    }

    /** The AddressFamily given so far, as getaddrinfo's hint (unset and {@code any}: AF_UNSPEC). */
    private static int addressFamily(OptionState o) {
        return o.getInt("addressfamily", NumericHost.ANY);
    }
}
