package io.ctlmux.config.eval;

import io.ctlmux.config.expand.ExpansionException;
import io.ctlmux.config.keyword.Choices;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.keyword.Keyword;
import io.ctlmux.config.keyword.KeywordTable;
import io.ctlmux.config.keyword.Kind;
import io.ctlmux.config.resolved.Diagnostic;
import io.ctlmux.config.resolved.Provenance.Origin;
import io.ctlmux.config.syntax.Arg;
import io.ctlmux.config.syntax.ConfigFile;
import io.ctlmux.config.syntax.DirectParser;
import io.ctlmux.config.syntax.Directive;
import io.ctlmux.config.syntax.Line;
import io.ctlmux.config.text.SourceText;
import io.ctlmux.config.text.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the configuration for one destination exactly as OpenSSH's client does (readconf.c and ssh.c): command-line
 * options first, then the files, Host and Match blocks, Include, the final pass, defaults and token expansion.
 * One instance evaluates one command line.
 */
public final class Evaluator {
    static final int FLAG_CHECKPERM = 1;
    static final int FLAG_USERCONF = 2;
    static final int FLAG_FINAL = 4;
    static final int FLAG_NEVERMATCH = 8;
    private static final int MAX_DEPTH = 16;

    /** What to do about {@code Match exec}. */
    public enum ExecPolicy {
        /** Run the command, as ssh does. */
        RUN,
        /** Never run it; it counts as not matching (reported in skippedExecs). */
        NEVER,
        /** Never run it; it counts as matching (reported in skippedExecs). Lint uses it for the other outcome. */
        ASSUME_MATCH
    }

    private final Dialect dialect;
    private final Environment env;
    private final ExecPolicy execPolicy;
    final OptionState o = new OptionState();
    /** The messages ssh logs, in order. */
    final List<Diagnostic> messages = new ArrayList<>();
    /** Which of {@link #messages} ssh prints at the log levels in force. */
    final LogGate log = new LogGate();
    /** Match exec commands not run because of {@link ExecPolicy#NEVER}. */
    final List<String> skippedExecs = new ArrayList<>();
    /** Every file read, in order (for explain and lint). */
    final List<ConfigFile> filesRead = new ArrayList<>();
    /** The same trees as {@link #filesRead}, by identity, so that a file read again is found in constant time. */
    private final java.util.Set<ConfigFile> filesSeen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Trees of the files read by this evaluation, by name and length (the final pass reads them again). */
    private final Map<ParsedKey, ConfigFile> parsed = new HashMap<>();
    private final Values values;
    private final java.util.function.BiFunction<String, byte[], ConfigFile> parser;
    /** Shared with other evaluations over the same files, or null (every line is processed). */
    private InertBlocks inert;

    // Per-evaluation state that mirrors ssh.c globals.
    String host;            // current host name ("host" in ssh.c)
    String hostArg;         // destination host as typed
    boolean userOnCommandLine; // User came from -l or the destination (10.1+: then it is not %-expanded)
    String configFile;      // -F
    String remoteCommand = ""; // the command words joined with spaces ("" for none)
    boolean wantFinalPass;
    private Span currentBlock;

    public Evaluator(Dialect dialect, Environment env, ExecPolicy execPolicy) {
        this(dialect, env, execPolicy, (name, bytes) -> DirectParser.parse(SourceText.ofBytes(name, bytes)));
    }

    /**
     * {@code parser} turns a file's name and bytes into the tree: {@link DirectParser#parse} by default, or through
     * the parse cache ({@code ParseCache::parse}) when many evaluations read the same files.
     */
    public Evaluator(Dialect dialect, Environment env, ExecPolicy execPolicy,
            java.util.function.BiFunction<String, byte[], ConfigFile> parser) {
        this.parser = parser;
        this.dialect = dialect;
        this.env = env;
        this.execPolicy = execPolicy;
        this.values = new Values(dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    public Environment env() {
        return env;
    }

    Values values() {
        return values;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Files

    /**
     * read_config_file_depth: returns false when the file does not exist (fopen failed with ENOENT).
     *
     * @throws CannotOpenException when fopen failed otherwise (the message is the system's wording)
     */
    boolean readConfigFile(String filename, int flags, boolean[] active, int depth)
            throws ConfigFault, CannotOpenException {
        if (depth < 0 || depth > MAX_DEPTH) {
            throw new ConfigFault(Diagnostic.Kind.INCLUDE_DEPTH, "Too many recursive configuration includes");
        }
        Optional<byte[]> bytes = ConfigFileAccess.read(env, dialect, filename, (flags & FLAG_CHECKPERM) != 0);
        if (bytes.isEmpty()) {
            return false;
        }
        byte[] content = bytes.get();
        ConfigFile cf = parsed.computeIfAbsent(new ParsedKey(filename, content.length),
                k -> parser.apply(filename, content));
        if (filesSeen.add(cf)) {
            filesRead.add(cf);
        }
        int bad = 0;
        Span savedBlock = currentBlock;
        if (inert == null) {
            for (Line line : cf.lines()) {
                if (line instanceof Directive d) {
                    if (processLine(d, filename, d.lineNumber(), active, flags, depth) != 0) {
                        bad++;
                    }
                }
            }
        } else {
            bad = processRemembering(inert.runs(cf), filename, active, flags, depth);
        }
        currentBlock = savedBlock;
        if (inert != null && bad == 0) {
            inert.readCompleted(cf, inertContext(flags));
        }
        if (bad > 0) {
            throw new ConfigFault(Diagnostic.Kind.TERMINATING,
                    filename + ": terminating, " + bad + " bad configuration options");
        }
        return true;
    }

    /**
     * The line loop of {@link #readConfigFile} with an {@link InertBlocks} memo: runs of blocks known not to apply to
     * {@link #host} are jumped over, and body lines processed in inactive blocks are checked for effects.
     */
    private int processRemembering(InertBlocks.Runs runs, String filename, boolean[] active, int flags, int depth)
            throws ConfigFault {
        int bad = 0;
        List<Directive> ds = runs.directives;
        for (int i = 0; i < ds.size(); i++) {
            inert.processed();
            if (runs.isBody(i) && !active[0]) {
                InertBlocks.Context ctx = inertContext(flags);
                int before = effects();
                if (processLine(ds.get(i), filename, ds.get(i).lineNumber(), active, flags, depth) != 0) {
                    bad++;
                } else if (effects() == before && !active[0] && ctx.equals(inertContext(flags))) {
                    runs.markInert(i, ctx);
                }
                continue;
            }
            if (runs.isRunHost(i)) {
                InertBlocks.Context ctx = inertContext(flags);
                int j = runs.skipTo(i, host, (flags & FLAG_NEVERMATCH) != 0, ctx);
                if (j > i) {
                    currentBlock = runs.lastHostBefore(i, j).span();
                    active[0] = false;
                    inert.skipped(j - i);
                    i = j - 1;
                    continue;
                }
            }
            if (processLine(ds.get(i), filename, ds.get(i).lineNumber(), active, flags, depth) != 0) {
                bad++;
            }
        }
        return bad;
    }

    /** A count that changes whenever processing a line printed, recorded or changed something. */
    private int effects() {
        return messages.size() + skippedExecs.size() + o.changes();
    }

    private InertBlocks.Context inertContext(int flags) {
        return InertBlocks.context(dialect, flags, o.get("ignoreunknown"));
    }

    /**
     * Shares {@code memo} with this evaluation: blocks and included files that earlier evaluations learnt cannot apply
     * to this destination are skipped (see {@link InertBlocks}). For many evaluations over unchanging files.
     */
    public void useInertBlocks(InertBlocks memo) {
        this.inert = memo;
    }

    // ------------------------------------------------------------------------------------------------------------
    // One line

    /** Processes one {@code -o} option (file "command-line", line 0, always active). */
    int processCommandLineOption(String text) throws ConfigFault {
        ConfigFile cf = DirectParser.parse(SourceText.of("command-line", text));
        for (Line l : cf.lines()) {
            if (l instanceof Directive d) {
                return processLine(d, "command-line", 0, null, FLAG_USERCONF, 0);
            }
        }
        return 0;
    }

    /** Logs a message ssh prints without a location. */
    void message(String text) {
        report(Diagnostic.Kind.OTHER, null, 0, 0, text, "");
    }

    /** Logs lines that name no location. */
    void messages(List<String> lines) {
        for (String l : lines) {
            message(l);
        }
    }

    /** Logs the lines of a failed expansion; the line naming an unknown {@code %} token says so. */
    void messages(ExpansionException e) {
        List<String> lines = e.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (i == e.tokenLine() && e.token().startsWith("%")) {
                report(Diagnostic.Kind.UNKNOWN_TOKEN, null, 0, 0, lines.get(i), e.token());
            } else {
                message(lines.get(i));
            }
        }
    }

    /** A fatal expansion failure whose lines are ssh's whole message (Match exec, HostName). */
    static ConfigFault fatal(ExpansionException e) {
        return new ConfigFault(e.token().startsWith("%") ? Diagnostic.Kind.UNKNOWN_TOKEN : Diagnostic.Kind.OTHER,
                null, 0, 0, String.join("\n", e.lines()), e.token());
    }

    void report(Diagnostic.Kind kind, String file, int line, int column, String text, String subject) {
        messages.add(new Diagnostic(kind, Diagnostic.Level.ERROR, file, line, column, text, subject, false));
    }

    private void error(String msg) {
        message(msg);
    }

    /** Runs a Match exec command, or reports it and treats it as not matching under {@link ExecPolicy#NEVER}. */
    int runExec(String cmd) {
        if (execPolicy != ExecPolicy.RUN) {
            skippedExecs.add(cmd);
            return execPolicy == ExecPolicy.ASSUME_MATCH ? 0 : 1;
        }
        return env.exec(cmd);
    }

    /**
     * process_config_line_depth. {@code active} is null for command-line options. Returns 0 on success, -1 for a
     * bad option (counted by the caller).
     */
    int processLine(Directive d, String filename, int linenum, boolean[] active, int flags, int depth)
            throws ConfigFault {
        boolean cmdline = active == null;
        boolean[] act = cmdline ? new boolean[] {true} : active;
        String keyword = d.keywordLower();
        if (d.rest().isEmpty()) {
            report(Diagnostic.Kind.BAD_LINE, filename, linenum, d.keywordSpan().column(),
                    filename + " line " + linenum + ": no argument after keyword \"" + keyword + "\"", keyword);
            return -1;
        }
        Optional<Keyword> kw = KeywordTable.lookup(keyword, dialect);
        boolean ignoredUnknown = false;
        if (kw.isEmpty()) {
            String ign = o.get("ignoreunknown");
            if (ign != null && values.matchPatternList(keyword, ign, true) == 1) {
                ignoredUnknown = true;
            } else {
                report(Diagnostic.Kind.BAD_OPTION, filename, linenum, d.keywordSpan().column(),
                        filename + ": line " + linenum + ": Bad configuration option: " + keyword, keyword);
            }
        }
        if (d.invalidQuotes()) {
            report(Diagnostic.Kind.BAD_LINE, filename, linenum, d.keywordSpan().column(),
                    filename + " line " + linenum + ": invalid quotes", keyword);
            return -1;
        }
        if (kw.isEmpty()) {
            return ignoredUnknown ? 0 : -1;
        }
        Keyword k = kw.get();
        Args av = new Args(d.args());
        Span span = d.span();
        Origin origin = cmdline ? Origin.COMMAND_LINE : Origin.CONFIG;
        LineContext c = new LineContext(this, k, keyword, filename, linenum, d.keywordSpan().column(), act, cmdline,
                flags, depth, av, d.rest(), span, origin, currentBlock);
        int r = handle(c, d);
        if (r != 0) {
            return r;
        }
        if (av.remaining() > 0) {
            c.error(c.where() + ": keyword " + keyword + " extra arguments at end of line");
            return -1;
        }
        return 0;
    }

    private int handle(LineContext c, Directive d) throws ConfigFault {
        Keyword k = c.keyword;
        switch (k.kind()) {
            case IGNORE:
                c.args.consumeAll();
                return 0;
            case DEPRECATED:
                c.args.consumeAll();
                return 0;
            case UNSUPPORTED:
                c.report(Diagnostic.Kind.UNSUPPORTED_OPTION, c.where() + ": Unsupported option \"" + c.kwText + "\"");
                c.args.consumeAll();
                return 0;
            case FLAG:
            case CHOICE:
                return parseChoice(c, k.choices());
            case TIME:
                return parseTime(c, k.name());
            case INT:
                return parseInt(c, k.name());
            case STRING:
                if (k.name().equals("gssapikexalgorithms")) {
                    return parseGssKexAlgorithms(c);
                }
                return parseString(c, k.name());
            case COMMAND:
                return parseCommand(c, k.name());
            case FIRST_LINE_LIST:
                return parseCharArray(c, k.name(), 32);
            case ALGORITHMS:
                return Specials.algorithms(c);
            case BLOCK:
                if (k.name().equals("host")) {
                    return host(c, d);
                }
                return match(c, d);
            case INCLUDE:
                return include(c);
            case SPECIAL:
                return Specials.handle(c);
            default:
                c.error(c.where() + ": Unimplemented opcode");
                return -1;
        }
    }

    int parseChoice(LineContext c, Choices table) {
        String arg = c.args.next();
        OptionalInt v = arg == null || arg.isEmpty() ? OptionalInt.empty() : table.parse(arg);
        if (v.isEmpty()) {
            c.error(c.where() + ": unsupported option \"" + (arg == null ? "(null)" : arg) + "\".");
            return -1;
        }
        c.offer(c.keyword.name(), v.getAsInt());
        return 0;
    }

    int parseTime(LineContext c, String key) {
        String arg = c.args.next();
        if (arg == null || arg.isEmpty()) {
            c.error(c.where() + ": missing time value.");
            return -1;
        }
        if (arg.equals("none")) {
            return 0; // -1: leaves it unset
        }
        OptionalInt t = values.convtime(arg);
        if (t.isEmpty()) {
            c.error(c.where() + ": invalid time value.");
            return -1;
        }
        c.offer(key, t.getAsInt());
        return 0;
    }

    int parseInt(LineContext c, String key) {
        String arg = c.args.next();
        var r = io.ctlmux.config.keyword.Ports.parseInt(arg);
        if (!r.isOk()) {
            c.error(c.where() + ": " + r.error());
            return -1;
        }
        c.offer(key, r.value());
        return 0;
    }

    int parseString(LineContext c, String key) {
        String arg = c.args.next();
        if (arg == null || arg.isEmpty()) {
            c.error(c.where() + ": Missing argument.");
            return -1;
        }
        c.offer(key, arg);
        return 0;
    }

    /** Name prefixes Debian's kex_gss_names_valid accepts (case-sensitive, each followed by a mechanism OID hash). */
    private static final List<String> GSS_KEX_PREFIXES = List.of("gss-gex-sha1-", "gss-group1-sha1-",
            "gss-group14-sha1-", "gss-group14-sha256-", "gss-group16-sha512-", "gss-nistp256-sha256-",
            "gss-curve25519-sha256-");

    /** Debian's GSSAPIKexAlgorithms: a comma list checked up to its first empty element, first value wins. */
    int parseGssKexAlgorithms(LineContext c) {
        String arg = c.args.next();
        if (arg == null || arg.isEmpty()) {
            c.error(c.where() + ": Missing argument.");
            return -1;
        }
        for (String name : arg.split(",", -1)) {
            if (name.isEmpty()) {
                break;
            }
            if (GSS_KEX_PREFIXES.stream().noneMatch(name::startsWith)) {
                error("Unsupported KEX algorithm \"" + (name.length() > 100 ? name.substring(0, 100) : name)
                        + "\"");
                c.error(c.where() + ": Bad GSSAPI KexAlgorithms '" + arg + "'.");
                return -1;
            }
        }
        c.offer("gssapikexalgorithms", arg);
        return 0;
    }

    /** parse_command: the raw rest of the line after skipping whitespace and '='. */
    int parseCommand(LineContext c, String key) {
        String str = c.rest;
        int len = 0;
        while (len < str.length() && " \t\r\n=".indexOf(str.charAt(len)) >= 0) {
            len++;
        }
        String key2 = key;
        if (key.equals("proxycommand") && o.isSet("jumphost") && !dialect.checksJumpHops()) {
            key2 = "jumphost"; // before 10.3: ProxyJump (even "none") already specified, ProxyCommand ignored
        }
        c.offer(key2, str.substring(len));
        c.args.consumeAll();
        return 0;
    }

    /** parse_char_array: first active line sets the whole list. */
    int parseCharArray(LineContext c, String key, int max) {
        boolean wasEmpty = !o.isSet(key);
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
            if (c.active[0] && wasEmpty) {
                if (list.size() >= max) {
                    c.error(c.where() + ": too many " + c.kwText + " entries.");
                    return -1;
                }
                list.add(arg);
            }
        }
        if (c.active[0] && !list.isEmpty() || c.active[0] && !wasEmpty) {
            o.offer(key, list, c.origin, c.span, c.block); // records the line as shadowed when already set
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Host, Match, Include

    private int host(LineContext c, Directive d) {
        if (c.cmdline) {
            error("Host directive not supported as a command-line option");
            return -1;
        }
        boolean activeNow = false;
        String arg;
        while ((arg = c.args.next()) != null) {
            if (arg.isEmpty()) {
                c.error(c.where() + ": keyword " + c.kwText + " empty argument");
                c.active[0] = activeNow;
                return -1;
            }
            if ((c.flags & FLAG_NEVERMATCH) != 0) {
                c.args.consumeAll();
                break;
            }
            boolean negated = arg.charAt(0) == '!';
            String pat = negated ? arg.substring(1) : arg;
            if (values.matchPattern(host, pat)) {
                if (negated) {
                    activeNow = false;
                    c.args.consumeAll();
                    break;
                }
                activeNow = true;
            }
        }
        c.active[0] = activeNow;
        currentBlock = c.span;
        return 0;
    }

    private int match(LineContext c, Directive d) throws ConfigFault {
        if (c.cmdline) {
            error((dialect.atLeast(10, 4) ? "Match" : "Host") + " directive not supported as a command-line option");
            return -1;
        }
        MatchEvaluator.Outcome m = new MatchEvaluator(this, c).evaluate(d);
        if (m.result() < 0) {
            c.error(c.where() + ": Bad Match condition");
            return -1;
        }
        c.active[0] = (c.flags & FLAG_NEVERMATCH) != 0 ? false : m.result() == 1;
        currentBlock = c.span;
        if (m.allConsumed()) {
            c.args.consumeAll();
        } else {
            // Leave arguments so that the extra-arguments check fails, as OpenSSH does.
            c.args.leaveExtra();
        }
        return 0;
    }

    private int include(LineContext c) throws ConfigFault {
        if (c.cmdline) {
            error("Include directive not supported as a command-line option");
            return -1;
        }
        String arg;
        while ((arg = c.args.next()) != null) {
            if (arg.isEmpty()) {
                c.error(c.where() + ": keyword " + c.kwText + " empty argument");
                return -1;
            }
            if (dialect.atLeast(9, 9)) {
                try {
                    arg = values.expandInclude(this, arg, (c.flags & FLAG_FINAL) != 0);
                } catch (ExpansionException e) {
                    messages(e);
                    c.error(c.where() + ": Unable to expand user config file '" + arg + "'");
                    continue;
                }
            }
            if (arg.startsWith("~") && (c.flags & FLAG_USERCONF) == 0) {
                c.error(c.where() + ": bad include path " + arg + ".");
                return -1;
            }
            String arg2;
            if (!arg.startsWith("/") && !arg.startsWith("~")) {
                arg2 = ((c.flags & FLAG_USERCONF) != 0 ? "~/.ssh" : "/etc/ssh") + "/" + arg;
            } else {
                arg2 = arg;
            }
            List<String> matches = env.glob(arg2);
            if (matches.isEmpty()) {
                continue;
            }
            boolean oactive = c.active[0];
            int fileFlags = c.flags | FLAG_CHECKPERM | (oactive ? 0 : FLAG_NEVERMATCH);
            int from = 0;
            if (inert != null && c.depth + 1 <= MAX_DEPTH) {
                from = includeKnown(arg2, matches, fileFlags, c);
                if (from < 0) {
                    return -1;
                }
            }
            for (int p = from; p < matches.size(); p++) {
                if (!readIncluded(matches.get(p), fileFlags, c)) {
                    return -1;
                }
                c.active[0] = oactive;
            }
        }
        return 0;
    }

    /**
     * Reads one file of an Include. A file that vanished between glob and open is skipped, as OpenSSH does for
     * ENOENT; one that cannot be opened otherwise ends the Include line as a bad option (false), with the rest of its
     * files unread.
     */
    private boolean readIncluded(String path, int fileFlags, LineContext c) throws ConfigFault {
        try {
            readConfigFile(path, fileFlags, c.active, c.depth + 1);
            return true;
        } catch (CannotOpenException e) {
            report(Diagnostic.Kind.CANNOT_OPEN, c.filename, c.linenum, c.column,
                    ConfigFileAccess.cannotOpen(path, e.getMessage()), path);
            return false;
        }
    }

    /**
     * Reads, of an Include's files that the memo knows to be inert runs, only those naming {@link #host}; returns the
     * position from which the files are read as usual ({@code matches.size()} when all were handled, 0 when the memo
     * does not know them yet, -1 when a file could not be opened).
     */
    private int includeKnown(String pattern, List<String> matches, int fileFlags, LineContext c) throws ConfigFault {
        InertBlocks.Context ctx = inertContext(fileFlags);
        int[] targets = inert.includeTargets(pattern, matches, ctx, host, (fileFlags & FLAG_NEVERMATCH) != 0);
        if (targets == null) {
            return 0;
        }
        boolean oactive = c.active[0];
        for (int p : targets) {
            if (!readIncluded(matches.get(p), fileFlags, c)) {
                return -1;
            }
            c.active[0] = oactive;
            if (!inertContext(fileFlags).equals(ctx)) {
                // IgnoreUnknown changed: the later files are read as usual.
                return p + 1;
            }
        }
        return matches.size();
    }

    void setCurrentBlock(Span s) {
        currentBlock = s;
    }

    /** A map key (not a record: a record's equals and hashCode are bootstrapped on first use, at start-up cost). */
    private static final class ParsedKey {
        private final String filename;
        private final int length;

        ParsedKey(String filename, int length) {
            this.filename = filename;
            this.length = length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParsedKey k && k.length == length && k.filename.equals(filename);
        }

        @Override
        public int hashCode() {
            return filename.hashCode() * 31 + length;
        }
    }

    /** The argument cursor of one line (argv_next / argv_consume). */
    static final class Args {
        private final List<Arg> args;
        private int pos;
        private boolean extra;

        Args(List<Arg> args) {
            this.args = args;
        }

        String next() {
            return pos < args.size() ? args.get(pos++).value() : null;
        }

        /** Consumes and returns every remaining argument. */
        List<String> rest() {
            List<String> out = new ArrayList<>();
            while (pos < args.size()) {
                out.add(args.get(pos++).value());
            }
            return out;
        }

        String peek() {
            return pos < args.size() ? args.get(pos).value() : null;
        }

        int remaining() {
            return extra ? Math.max(1, args.size() - pos) : args.size() - pos;
        }

        void consumeAll() {
            pos = args.size();
        }

        void leaveExtra() {
            pos = args.size();
            extra = true;
        }
    }

    /** Everything a keyword handler needs about the line being processed. */
    static final class LineContext {
        final Evaluator ev;
        final Keyword keyword;
        final String kwText;
        final String filename;
        final int linenum;
        /** The keyword's 1-based byte column. */
        final int column;
        final boolean[] active;
        final boolean cmdline;
        final int flags;
        final int depth;
        final Args args;
        final String rest;
        final Span span;
        final Origin origin;
        final Span block;

        LineContext(Evaluator ev, Keyword keyword, String kwText, String filename, int linenum, int column,
                boolean[] active, boolean cmdline, int flags, int depth, Args args, String rest, Span span,
                Origin origin, Span block) {
            this.column = column;
            this.ev = ev;
            this.keyword = keyword;
            this.kwText = kwText;
            this.filename = filename;
            this.linenum = linenum;
            this.active = active;
            this.cmdline = cmdline;
            this.flags = flags;
            this.depth = depth;
            this.args = args;
            this.rest = rest;
            this.span = span;
            this.origin = origin;
            this.block = block;
        }

        /** First value wins, only in an active block. */
        void offer(String key, Object value) {
            if (active[0]) {
                ev.o.offer(key, value, origin, span, block);
            }
        }

        /** Logs a message about this line ({@code text} is ssh's whole line, usually {@link #where()} first). */
        void error(String text) {
            report(Diagnostic.Kind.BAD_LINE, text);
        }

        void report(Diagnostic.Kind kind, String text) {
            ev.report(kind, filename, linenum, column, text, kwText);
        }

        /** A fatal message about this line ({@code text} is ssh's whole line, {@link #where()} first). */
        ConfigFault fatal(String text) {
            return new ConfigFault(Diagnostic.Kind.BAD_LINE, filename, linenum, column, text, kwText);
        }

        /** {@code FILE line N}, the prefix of the line's messages (built only when a message is printed). */
        String where() {
            return filename + " line " + linenum;
        }
    }

    static String lower(String s) {
        return io.ctlmux.config.text.Ascii.lower(s);
    }
}
