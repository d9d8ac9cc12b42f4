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

    /** The criteria words: strdelim over the raw text up to 9.8, argv words (with {@code crit=arg}) from 9.9. */
    interface Words {
        String next();

        void consumeAll();

        boolean isConsumed();
    }

    /** argv-based words (9.9+): the Directive's arguments. */
    static final class ArgvWords implements Words {
        private final java.util.List<io.ctlmux.config.syntax.Arg> args;
        private int pos;

        ArgvWords(java.util.List<io.ctlmux.config.syntax.Arg> args) {
            this.args = args;
        }

        @Override
        public String next() {
            return pos < args.size() ? args.get(pos++).value() : null;
        }

        @Override
        public void consumeAll() {
            pos = args.size();
        }

        @Override
        public boolean isConsumed() {
            return pos >= args.size();
        }
    }

    private static final java.util.Set<String> EQ_CRITERIA = java.util.Set.of("host", "originalhost", "user",
            "localuser", "localnetwork", "version", "tagged", "command", "exec");

    Outcome evaluate(io.ctlmux.config.syntax.Directive d) throws ConfigFault {
        boolean argv = ev.dialect().atLeast(9, 9);
        return evaluate(argv ? new ArgvWords(d.args()) : new StrDelim(d.rest()), argv);
    }

    private Outcome evaluate(Words cp, boolean argv) throws ConfigFault {
        Values v = ev.values();
        boolean finalPass = (c.flags & Evaluator.FLAG_FINAL) != 0;
        Values.PassView view = v.passView(ev, finalPass);
        String host = view.host();
        String ruser = view.ruser();
        String originalHost = ev.hostArg;
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
            String inlineArg = null;
            if (argv && ev.dialect().atLeast(10, 0)) {
                int eq = attrib.indexOf('=');
                if (eq > 0 && EQ_CRITERIA.contains(attrib.substring(0, eq).toLowerCase(java.util.Locale.ROOT))) {
                    inlineArg = attrib.substring(eq + 1);
                    attrib = attrib.substring(0, eq);
                }
            }
            if (attrib.equalsIgnoreCase("all")) {
                String arg = null;
                if (attributes > 1 || ((arg = cp.next()) != null && !arg.isEmpty() && arg.charAt(0) != '#')) {
                    c.error(c.where() + ": '" + oattrib + "' cannot be combined with other Match attributes");
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
            String arg = inlineArg != null ? inlineArg : cp.next();
            if (arg == null && argv) {
                c.error(c.where() + ": missing argument for Match '" + oattrib + "'");
                return new Outcome(-1, cp.isConsumed());
            }
            boolean emptyOk = argv && ev.dialect().atLeast(10, 0)
                    && (attrib.equalsIgnoreCase("tagged") || attrib.equalsIgnoreCase("command"));
            if (arg == null || (arg.isEmpty() && !emptyOk) || (!arg.isEmpty() && arg.charAt(0) == '#')) {
                ev.message("Missing Match criteria for " + attrib);
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
                    Map<Character, String> tokens = v.execOrIncludeTokens(ev, view);
                    String cmd;
                    try {
                        cmd = v.percentExpand(arg, tokens);
                    } catch (ExpansionException e) {
                        throw Evaluator.fatal(e);
                    }
                    if (result != 1) {
                        continue;
                    }
                    int rc = ev.runExec(cmd);
                    if (rc == -1) {
                        ev.message("command '" + cmd + "' exited abnormally");
                        throw c.fatal(c.where() + ": match exec '" + cmd + "' error");
                    }
                    r = rc == 0;
                    break;
                }
                default:
                    if (!ev.dialect().atLeast(9, 4) || !v.matchCriterionKnown(a)) {
                        ev.report(io.ctlmux.config.resolved.Diagnostic.Kind.MATCH_ATTRIBUTE, null, 0, 0,
                                "Unsupported Match attribute " + attrib, attrib.toLowerCase(java.util.Locale.ROOT));
                        return new Outcome(-1, cp.isConsumed());
                    }
                    if (a.equals("localnetwork")) {
                        java.util.List<io.ctlmux.config.match.Cidr> nets;
                        try {
                            nets = io.ctlmux.config.match.Cidr.parseList(arg);
                        } catch (io.ctlmux.config.match.CidrListException e) {
                            ev.messages(e.lines());
                            return new Outcome(-1, cp.isConsumed());
                        }
                        r = io.ctlmux.config.match.Cidr.anyMatch(nets, ev.env().localAddresses());
                    } else {
                        r = v.matchNewCriterion(ev, a, arg);
                    }
                    break;
            }
            if (r == negate) {
                result = 0;
            }
        }
        if (attributes == 0) {
            ev.message("One or more attributes required for Match");
            return new Outcome(-1, cp.isConsumed());
        }
        return new Outcome(result, cp.isConsumed());
    }

    /** OpenSSH's strdelim over the raw rest of the line, with one '=' splitting. */
    static final class StrDelim implements Words {
        private String s; // null when consumed

        StrDelim(String s) {
            this.s = s;
        }

        @Override
        public boolean isConsumed() {
            return s == null || s.isEmpty();
        }

        @Override
        public void consumeAll() {
            s = null;
        }

        @Override
        public String next() {
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
