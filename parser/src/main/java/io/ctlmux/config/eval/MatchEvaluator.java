package io.ctlmux.config.eval;

import io.ctlmux.config.expand.ExpansionException;
import java.util.Map;

/**
 * match_cfg_line: evaluates the criteria of one {@code Match} line. Up to 9.8 OpenSSH splits the criteria with
 * strdelim (one '=' splits, double quotes group); the same is done here for every dialect up to 9.8.
 */
final class MatchEvaluator {
    /** result: 1 match, 0 no match, -1 error; allConsumed: whether the whole line was used. */
    record Outcome(int result, boolean allConsumed) {
    }

    private final Evaluator ev;
    private final Evaluator.LineContext c;

    MatchEvaluator(Evaluator ev, Evaluator.LineContext c) {
        this.ev = ev;
        this.c = c;
    }

    Outcome evaluate(String condition) throws ConfigFault {
        Values v = ev.values();
        boolean finalPass = (c.flags & Evaluator.FLAG_FINAL) != 0;
        int port = ev.o.getInt("port", -1);
        if (port <= 0) {
            port = 22;
        }
        String ruser = ev.o.get("user");
        if (ruser == null) {
            ruser = ev.env().userName();
        }
        String hostname = ev.o.get("hostname");
        String host;
        if (finalPass) {
            host = hostname;
        } else if (hostname != null) {
            host = v.expandHostname(hostname, ev.hostArg);
        } else {
            host = ev.hostArg;
        }
        String originalHost = ev.hostArg;
        StrDelim cp = new StrDelim(condition);
        int result = 1;
        int attributes = 0;
        String oattrib;
        while ((oattrib = cp.next()) != null && !oattrib.isEmpty()) {
            if (oattrib.charAt(0) == '#') {
                cp.consumeAll();
                break;
            }
            boolean negate = oattrib.charAt(0) == '!';
            String attrib = negate ? oattrib.substring(1) : oattrib;
            if (attrib.equalsIgnoreCase("all")) {
                String arg = null;
                if (attributes > 1 || ((arg = cp.next()) != null && !arg.isEmpty() && arg.charAt(0) != '#')) {
                    ev.stderrAdd(c.where + ": '" + oattrib + "' cannot be combined with other Match attributes");
                    return new Outcome(-1, cp.isConsumed());
                }
                if (arg != null && !arg.isEmpty() && arg.charAt(0) == '#') {
                    cp.consumeAll();
                }
                if (result != 0) {
                    result = negate ? 0 : 1;
                }
                return new Outcome(result, cp.isConsumed());
            }
            attributes++;
            if (attrib.equalsIgnoreCase("canonical") || attrib.equalsIgnoreCase("final")) {
                if (attrib.equalsIgnoreCase("final") && (!negate || !ev.dialect().atLeast(10, 1))) {
                    ev.wantFinalPass = true;
                }
                if (finalPass == negate) {
                    result = 0;
                }
                continue;
            }
            String arg = cp.next();
            if (arg == null || arg.isEmpty() || arg.charAt(0) == '#') {
                ev.stderrAdd("Missing Match criteria for " + attrib);
                return new Outcome(-1, cp.isConsumed());
            }
            boolean r;
            String a = attrib.toLowerCase(java.util.Locale.ROOT);
            switch (a) {
                case "host":
                    r = v.matchPatternList(Evaluator.lower(host), arg, true) == 1;
                    break;
                case "originalhost":
                    r = v.matchPatternList(Evaluator.lower(originalHost), arg, true) == 1;
                    break;
                case "user":
                    r = v.matchPatternList(ruser, arg, false) == 1;
                    break;
                case "localuser":
                    r = v.matchPatternList(ev.env().userName(), arg, false) == 1;
                    break;
                case "exec": {
                    String thishost = ev.env().hostName();
                    String shorthost = thishost.contains(".") ? thishost.substring(0, thishost.indexOf('.')) : thishost;
                    String portstr = Integer.toString(port);
                    String keyalias = ev.o.get("hostkeyalias");
                    if (keyalias == null) {
                        keyalias = host;
                    }
                    Map<Character, String> tokens = v.matchExecTokens(thishost, shorthost, host, portstr, ruser,
                            keyalias, originalHost, ev);
                    String cmd;
                    try {
                        cmd = v.percentExpand(arg, tokens);
                    } catch (ExpansionException e) {
                        throw new ConfigFault(String.join("\n", e.lines()));
                    }
                    if (result != 1) {
                        continue;
                    }
                    int rc = ev.runExec(cmd);
                    if (rc == -1) {
                        ev.stderr.add("command '" + cmd + "' exited abnormally");
                        throw new ConfigFault(c.where + ": match exec '" + cmd + "' error");
                    }
                    r = rc == 0;
                    break;
                }
                default:
                    if (!ev.dialect().atLeast(9, 4) || !v.matchCriterionKnown(a)) {
                        ev.stderrAdd("Unsupported Match attribute " + attrib);
                        return new Outcome(-1, cp.isConsumed());
                    }
                    r = v.matchNewCriterion(ev, a, arg);
                    break;
            }
            if (r == negate) {
                result = 0;
            }
        }
        if (attributes == 0) {
            ev.stderrAdd("One or more attributes required for Match");
            return new Outcome(-1, cp.isConsumed());
        }
        return new Outcome(result, cp.isConsumed());
    }

    /** OpenSSH's strdelim over the raw rest of the line, with one '=' splitting. */
    static final class StrDelim {
        private String s; // null when consumed

        StrDelim(String s) {
            this.s = s;
        }

        boolean isConsumed() {
            return s == null || s.isEmpty();
        }

        void consumeAll() {
            s = null;
        }

        String next() {
            if (s == null) {
                return null;
            }
            String str = s;
            int p = -1;
            for (int i = 0; i < str.length(); i++) {
                char ch = str.charAt(i);
                if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '"' || ch == '=') {
                    p = i;
                    break;
                }
            }
            if (p < 0) {
                s = null;
                return str;
            }
            if (str.charAt(p) == '"') {
                String removed = str.substring(0, p) + str.substring(p + 1);
                int q = removed.indexOf('"', p);
                if (q < 0) {
                    s = null;
                    return null;
                }
                String tok = removed.substring(0, q);
                int k = q + 1;
                while (k < removed.length() && " \t\r\n".indexOf(removed.charAt(k)) >= 0) {
                    k++;
                }
                s = removed.substring(k);
                return tok;
            }
            boolean wspace = str.charAt(p) == '=';
            String tok = str.substring(0, p);
            int k = p + 1;
            while (k < str.length() && " \t\r\n".indexOf(str.charAt(k)) >= 0) {
                k++;
            }
            if (!wspace && k < str.length() && str.charAt(k) == '=') {
                k++;
                while (k < str.length() && " \t\r\n".indexOf(str.charAt(k)) >= 0) {
                    k++;
                }
            }
            s = str.substring(k);
            return tok;
        }
    }
}
