package io.ctlmux.config.eval;

import io.ctlmux.config.keyword.AddKeysToAgent;
import io.ctlmux.config.keyword.Choices;
import io.ctlmux.config.keyword.ControlPersist;
import io.ctlmux.config.keyword.EscapeChar;
import io.ctlmux.config.keyword.ListValues;
import io.ctlmux.config.keyword.NamedValues;
import io.ctlmux.config.keyword.TunnelDevice;
import io.ctlmux.config.keyword.ValueResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** The keywords with a parse of their own (readconf.c's individual cases). */
final class Specials {
    private Specials() {
    }

    static int handle(Evaluator.LineContext c) throws ConfigFault {
        String name = c.keyword.name();
        return switch (name) {
            case "forwardagent" -> forwardAgent(c);
            case "identityfile" -> fileList(c, "identityfile", "identity files", 100);
            case "certificatefile" -> fileList(c, "certificatefile", "certificate files", 100);
            case "addkeystoagent" -> addKeysToAgent(c);
            case "identityagent" -> agentPath(c, "identityagent", c.args.next());
            case "port" -> port(c);
            case "localforward", "remoteforward", "dynamicforward" -> forward(c, name);
            case "permitremoteopen" -> permitRemoteOpen(c);
            case "escapechar" -> escapeChar(c);
            case "syslogfacility" -> syslogFacility(c);
            case "loglevel" -> logLevel(c);
            case "logverbose" -> logVerbose(c);
            case "rekeylimit" -> rekeyLimit(c);
            case "sendenv" -> sendEnv(c);
            case "setenv" -> setEnv(c);
            case "controlpersist" -> controlPersist(c);
            case "tunneldevice" -> tunnelDevice(c);
            case "ipqos" -> ipqos(c);
            case "canonicaldomains" -> canonicalDomains(c);
            case "canonicalizepermittedcnames" -> permittedCnames(c);
            case "streamlocalbindmask" -> streamLocalBindMask(c);
            case "revokedhostkeys" -> c.ev.dialect().atLeast(10, 3) ? revokedHostKeys(c)
                    : c.ev.parseString(c, "revokedhostkeys");
            case "fingerprinthash" -> fingerprintHash(c);
            case "proxyjump" -> proxyJump(c);
            case "obscurekeystroketiming" -> store(c, name, NamedValues.obscureKeystrokeTiming(c.args.rest()));
            case "channeltimeout" -> channelTimeout(c);
            case "refuseconnection" -> refuseConnection(c);
            case "versionaddendum" -> versionAddendum(c);
            default -> c.ev.parseString(c, name);
        };
    }

    private static int forwardAgent(Evaluator.LineContext c) {
        String arg = c.args.next();
        if (arg == null || arg.isEmpty()) {
            c.error(c.where() + ": missing argument.");
            return -1;
        }
        OptionalInt v = Choices.FLAG.parse(arg);
        if (v.isPresent()) {
            c.offer("forwardagent", v.getAsInt());
            return 0;
        }
        c.offer("forwardagent", 1);
        return agentPath(c, "forwardagentpath", arg);
    }

    private static int agentPath(Evaluator.LineContext c, String key, String arg) {
        if (arg == null || arg.isEmpty()) {
            c.error(c.where() + ": Missing argument.");
            return -1;
        }
        if (!c.ev.values().dollarExpandValid(arg, c.ev)) {
            c.error(c.where() + ": Invalid environment expansion " + arg + ".");
            return -1;
        }
        if (arg.charAt(0) == '$' && (arg.length() < 2 || arg.charAt(1) != '{')
                && !Values.validEnvName(arg.substring(1))) {
            c.error(c.where() + ": Invalid environment name " + arg + ".");
            return -1;
        }
        c.offer(key, arg);
        return 0;
    }

    /** IdentityFile / CertificateFile: accumulate while active, duplicates dropped. */
    @SuppressWarnings("unchecked")
    private static int fileList(Evaluator.LineContext c, String key, String what, int max) {
        String arg = c.args.next();
        if (arg == null || arg.isEmpty()) {
            c.error(c.where() + ": Missing argument.");
            return -1;
        }
        if (c.active[0]) {
            List<String> cur = c.ev.o.get(key);
            if (cur != null && cur.size() >= max) {
                c.error(c.where() + ": Too many " + what + " specified (max " + max + ").");
                return -1;
            }
            if (cur == null || !cur.contains(arg)) {
                c.ev.o.append(key, arg, c.origin, c.span, c.block);
            }
        }
        return 0;
    }

    private static int addKeysToAgent(Evaluator.LineContext c) {
        String arg = c.args.next();
        String arg2 = c.args.next();
        return store(c, "addkeystoagent", AddKeysToAgent.parse(arg, arg2, c.ev.dialect()));
    }

    private static int port(Evaluator.LineContext c) {
        String arg = c.args.next();
        if (arg == null || arg.isEmpty()) {
            c.error(c.where() + ": Missing argument.");
            return -1;
        }
        int p = c.ev.values().a2port(arg);
        if (p <= 0) {
            c.error(c.where() + ": Bad port '" + arg + "'.");
            return -1;
        }
        c.offer("port", p);
        return 0;
    }

    private static int forward(Evaluator.LineContext c, String name) {
        String arg = c.args.next();
        if (arg == null || arg.isEmpty()) {
            c.error(c.where() + ": Missing argument.");
            return -1;
        }
        boolean remote = name.equals("remoteforward");
        boolean dynamic = name.equals("dynamicforward");
        String spec;
        if (!dynamic) {
            String arg2 = c.args.next();
            if (arg2 == null || arg2.isEmpty()) {
                if (remote) {
                    dynamic = true;
                    spec = arg;
                } else {
                    c.error(c.where() + ": Missing target argument.");
                    return -1;
                }
            } else {
                spec = arg + ":" + arg2;
            }
        } else {
            spec = arg;
        }
        Object fwd = c.ev.values().parseForward(spec, dynamic, remote, c.ev);
        if (fwd == null) {
            c.error(c.where() + ": Bad forwarding specification.");
            return -1;
        }
        if (c.active[0]) {
            String key = remote ? "remoteforward" : "localforward";
            List<Object> cur = c.ev.o.get(key);
            if (cur == null || !cur.contains(fwd)) {
                c.ev.o.append(key, fwd, c.origin, c.span, c.block);
            }
        }
        return 0;
    }

    private static int permitRemoteOpen(Evaluator.LineContext c) throws ConfigFault {
        boolean wasEmpty = !c.ev.o.isSet("permitremoteopen");
        ValueResult<List<String>> r = ListValues.permitRemoteOpen(c.kwText, c.args.rest());
        if (!r.isOk()) {
            if (r.error().contains("must appear alone")) {
                c.error(c.where() + ": " + r.error());
                return -1;
            }
            throw c.fatal(c.where() + ": " + r.error()); // OpenSSH calls fatal() here
        }
        if (c.active[0] && wasEmpty) {
            c.ev.o.offer("permitremoteopen", r.value(), c.origin, c.span, c.block);
        }
        return 0;
    }

    private static int escapeChar(Evaluator.LineContext c) {
        return store(c, "escapechar", EscapeChar.parse(c.args.next()));
    }

    private static int syslogFacility(Evaluator.LineContext c) {
        ValueResult<String> r = NamedValues.syslogFacility(c.args.next());
        if (!r.isOk()) {
            c.error(c.where() + ": " + r.error());
            return -1;
        }
        // Not scoped by Host/Match: the first line anywhere wins.
        if (!c.ev.o.isSet("syslogfacility")) {
            c.ev.o.offer("syslogfacility", r.value(), c.origin, c.span, c.block);
        }
        return 0;
    }


    /** The name -G prints for a LogLevel word; Debian prints QUIET as SILENT. Null when unknown. */
    static String logLevelName(String arg, io.ctlmux.config.keyword.Dialect d) {
        var r = io.ctlmux.config.keyword.NamedValues.logLevel(arg, d);
        if (!r.isOk()) {
            return null;
        }
        return d.debian && r.value().equals("QUIET") ? "SILENT" : r.value();
    }

    private static int logLevel(Evaluator.LineContext c) {
        String arg = c.args.next();
        String lvl = logLevelName(arg, c.ev.dialect());
        if (lvl == null) {
            c.error(c.where() + ": unsupported log level '" + (arg == null ? "<NONE>" : arg) + "'");
            return -1;
        }
        c.offer("loglevel", lvl);
        return 0;
    }

    private static int logVerbose(Evaluator.LineContext c) {
        int i = 0;
        String arg;
        String first = null;
        while ((arg = c.args.next()) != null) {
            if (arg.isEmpty()) {
                c.error(c.where() + ": keyword " + c.kwText + " empty argument");
                return -1;
            }
            if (arg.equalsIgnoreCase("none") && (i > 0 || c.args.remaining() > 0)) {
                c.error(c.where() + ": keyword " + c.kwText + " \"none\" argument must appear alone.");
                return -1;
            }
            if (i == 0) {
                first = arg;
            }
            i++;
        }
        if (first != null) {
            c.offer("logverbose", first);
        }
        return 0;
    }

    private static int rekeyLimit(Evaluator.LineContext c) {
        List<String> rest = new ArrayList<>();
        String a;
        while ((a = c.args.next()) != null) {
            rest.add(a);
        }
        var r = io.ctlmux.config.keyword.RekeyLimit.parse(rest, c.ev.dialect());
        if (!r.isOk()) {
            c.error(c.where() + ": " + r.error());
            return -1;
        }
        c.offer("rekeylimit", r.value().bytes());
        if (r.value().interval() != null) {
            c.offer("rekeyinterval", r.value().interval());
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static int sendEnv(Evaluator.LineContext c) {
        String arg;
        while ((arg = c.args.next()) != null) {
            if (arg.isEmpty() || arg.indexOf('=') >= 0) {
                c.error(c.where() + ": Invalid environment name.");
                return -1;
            }
            if (!c.active[0]) {
                continue;
            }
            if (arg.charAt(0) == '-') {
                String pat = arg.substring(1);
                c.ev.o.removeItems("sendenv", e -> c.ev.values().matchPattern((String) e, pat));
                continue;
            }
            c.ev.o.append("sendenv", arg, c.origin, c.span, c.block);
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static int setEnv(Evaluator.LineContext c) {
        List<String> existing = c.ev.o.get("setenv");
        boolean hadAny = existing != null && !existing.isEmpty();
        String arg;
        while ((arg = c.args.next()) != null) {
            if (arg.indexOf('=') < 0) {
                c.error(c.where() + ": Invalid SetEnv.");
                return -1;
            }
            if (!c.active[0] || hadAny) {
                continue;
            }
            List<String> cur = c.ev.o.get("setenv");
            String name = arg.substring(0, arg.indexOf('='));
            boolean dup = false;
            if (cur != null) {
                for (String e : cur) {
                    if (e.substring(0, e.indexOf('=')).equals(name)) {
                        dup = true;
                    }
                }
            }
            if (!dup) {
                c.ev.o.append("setenv", arg, c.origin, c.span, c.block);
            }
        }
        return 0;
    }

    private static int controlPersist(Evaluator.LineContext c) {
        return store(c, "controlpersist", ControlPersist.parse(c.args.next(), c.ev.dialect()));
    }

    private static int tunnelDevice(Evaluator.LineContext c) {
        return store(c, "tunneldevice", TunnelDevice.parse(c.args.next()));
    }

    private static int ipqos(Evaluator.LineContext c) {
        String arg = c.args.next();
        String arg2 = c.args.next();
        var r = c.ev.values().parseIpqos(arg, arg2);
        if (!r.isOk()) {
            c.error(c.where() + ": " + r.error());
            return -1;
        }
        c.offer("ipqos", new int[] {r.value().interactive(), r.value().bulk()});
        return 0;
    }

    /** RevokedHostKeys from 10.3: a list of files, "none" only alone, first line wins. */
    private static int revokedHostKeys(Evaluator.LineContext c) throws ConfigFault {
        boolean had = c.ev.o.isSet("revokedhostkeys");
        List<String> list = new ArrayList<>();
        String arg;
        while ((arg = c.args.next()) != null) {
            if (arg.isEmpty()) {
                c.error(c.where() + ": keyword " + c.kwText + " empty argument");
                return -1;
            }
            if (arg.equalsIgnoreCase("none") && (!list.isEmpty() || c.args.remaining() > 0)) {
                c.error(c.where() + ": keyword " + c.kwText + " \"none\" argument must appear alone.");
                return -1;
            }
            list.add(arg);
        }
        if (list.isEmpty()) {
            throw c.fatal(c.where() + ": no " + c.kwText + " specified");
        }
        if (c.active[0] && !had) {
            c.ev.o.offer("revokedhostkeys", list, c.origin, c.span, c.block);
        }
        return 0;
    }

    private static int canonicalDomains(Evaluator.LineContext c) {
        boolean had = c.ev.o.isSet("canonicaldomains");
        List<String> list = new ArrayList<>();
        int i = 0;
        String arg;
        while ((arg = c.args.next()) != null) {
            if (arg.isEmpty()) {
                c.error(c.where() + ": keyword " + c.kwText + " empty argument");
                return -1;
            }
            if (arg.equalsIgnoreCase("none") && (i > 0 || c.args.remaining() > 0)) {
                c.error(c.where() + ": keyword " + c.kwText + " \"none\" argument must appear alone.");
                return -1;
            }
            i++;
            String err = Values.validDomain(arg);
            if (err != null) {
                c.error(c.where() + ": " + err);
                return -1;
            }
            if (!c.active[0] || had) {
                continue;
            }
            if (list.size() >= 32) {
                c.error(c.where() + ": too many hostname suffixes.");
                return -1;
            }
            list.add(arg);
        }
        if (c.active[0] && !had && !list.isEmpty()) {
            c.ev.o.offer("canonicaldomains", list, c.origin, c.span, c.block);
        }
        return 0;
    }

    private static int permittedCnames(Evaluator.LineContext c) throws ConfigFault {
        boolean had = c.ev.o.isSet("canonicalizepermittedcnames");
        ValueResult<List<ListValues.PermittedCname>> r = ListValues.permittedCnames(c.kwText, c.args.rest(),
                c.ev.dialect());
        if (!r.isOk()) {
            if (r.error().startsWith("no ")) {
                throw c.fatal(c.where() + ": " + r.error());
            }
            c.error(c.where() + ": " + r.error());
            return -1;
        }
        if (c.active[0] && !had && !r.value().isEmpty()) {
            c.ev.o.offer("canonicalizepermittedcnames", r.value(), c.origin, c.span, c.block);
        }
        return 0;
    }

    private static int streamLocalBindMask(Evaluator.LineContext c) {
        ValueResult<Integer> r = NamedValues.streamLocalBindMask(c.args.next());
        if (!r.isOk()) {
            c.error(c.where() + ": " + r.error());
            return -1;
        }
        // Last value wins and Host/Match scoping does not apply.
        c.ev.o.put("streamlocalbindmask", r.value(), c.origin, c.span, c.block);
        return 0;
    }

    private static int fingerprintHash(Evaluator.LineContext c) {
        return store(c, "fingerprinthash", NamedValues.fingerprintHash(c.args.next()));
    }

    /** ChannelTimeout (9.6+): the first active line sets the list; a bad entry is fatal, as in OpenSSH. */
    private static int channelTimeout(Evaluator.LineContext c) throws ConfigFault {
        boolean had = c.ev.o.isSet("channeltimeout");
        ValueResult<List<String>> r = ListValues.channelTimeout(c.kwText, c.args.rest(), c.ev.dialect());
        if (!r.isOk()) {
            if (r.error().contains("must appear alone")) {
                c.error(c.where() + ": " + r.error());
                return -1;
            }
            throw c.fatal(c.where() + ": " + r.error());
        }
        if (c.active[0] && !had) {
            c.ev.o.offer("channeltimeout", r.value(), c.origin, c.span, c.block);
        }
        return 0;
    }

    /**
     * VersionAddendum (10.0+): the rest of the line after blanks (a '=' and a comment are kept), "none" stores "",
     * a CR inside is fatal.
     */
    private static int versionAddendum(Evaluator.LineContext c) throws ConfigFault {
        String str = c.rest;
        int len = 0;
        while (len < str.length() && " \t\r\n".indexOf(str.charAt(len)) >= 0) {
            len++;
        }
        String v = str.substring(len);
        if (v.indexOf('\r') >= 0) {
            throw c.fatal(c.where() + ": Invalid " + c.kwText + " argument");
        }
        c.offer("versionaddendum", v.equalsIgnoreCase("none") ? "" : v);
        c.args.consumeAll();
        return 0;
    }

    /** RefuseConnection (10.1+): in an active block ssh stops at once with the given text. */
    private static int refuseConnection(Evaluator.LineContext c) throws ConfigFault {
        String arg = c.args.next();
        if (arg == null || arg.isEmpty()) {
            c.error(c.where() + ": Missing argument.");
            return -1;
        }
        if (c.active[0]) {
            throw c.fatal(c.where() + ": RefuseConnection: " + arg);
        }
        return 0;
    }

    /** First value wins for a parsed value; otherwise OpenSSH's message is printed at the line. */
    private static <T> int store(Evaluator.LineContext c, String key, ValueResult<T> r) {
        if (!r.isOk()) {
            c.error(c.where() + ": " + r.error());
            return -1;
        }
        c.offer(key, r.value());
        return 0;
    }

    private static int proxyJump(Evaluator.LineContext c) {
        String str = c.rest;
        int len = 0;
        while (len < str.length() && " \t\r\n=".indexOf(str.charAt(len)) >= 0) {
            len++;
        }
        String spec = str.substring(len);
        boolean active = c.active[0];
        if (!c.ev.values().parseJump(spec, active, c)) {
            c.error(c.where() + ": Invalid ProxyJump \"" + spec + "\"");
            return -1;
        }
        c.args.consumeAll();
        return 0;
    }

    /** Algorithm lists: validated at parse time; expanded against the defaults when printing. */
    static int algorithms(Evaluator.LineContext c) {
        String arg = c.args.next();
        if (arg == null || arg.isEmpty()) {
            c.error(c.where() + ": Missing argument.");
            return -1;
        }
        String err = c.ev.values().algorithmSpecProblem(c.keyword.name(), arg, c.ev);
        if (err != null) {
            c.error(err.replace("FILE line N", c.where()));
            return -1;
        }
        c.offer(c.keyword.name(), arg);
        return 0;
    }
}
