package io.ctlmux.config.lint;

import io.ctlmux.config.eval.CannotOpenException;
import io.ctlmux.config.syntax.Arg;
import io.ctlmux.config.syntax.ConfigFile;
import io.ctlmux.config.load.ParseCache;
import io.ctlmux.config.syntax.Directive;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The static view of one linted file: the file and everything it includes (also under inactive blocks), parsed,
 * and its directives in the order OpenSSH reads them, each with the Host/Match block it stands in.
 */
public final class SourceSet {
    /** OpenSSH's include depth limit: the top file is depth 0, includes may go to 16. */
    static final int MAX_DEPTH = 16;

    /**
     * One directive in reading order.
     *
     * @param file      the file's name as OpenSSH prints it
     * @param directive the line
     * @param block     the Host/Match line in effect (in this file, or the including block), null at top level
     * @param blockFile the file of {@code block}
     */
    public record Entry(String file, Directive directive, Directive block, String blockFile) {
        public String keyword() {
            return directive.keywordLower();
        }

        /** True when the block applies to every destination: top level, {@code Host *} or {@code Match all}. */
        public boolean universal() {
            return isUniversal(block);
        }
    }

    /** An Include that loops back to a file being read, or goes deeper than OpenSSH allows. */
    public record IncludeProblem(String file, Directive include, String message) {
    }

    private final String topFile;
    private final Map<String, ConfigFile> files = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final List<IncludeProblem> includeProblems = new ArrayList<>();
    private final Map<String, Map<Integer, Entry>> index = new java.util.HashMap<>();
    private final LintEnvironment env;

    private SourceSet(String topFile, LintEnvironment env) {
        this.topFile = topFile;
        this.env = env;
    }

    /** Reads {@code topFile} and its includes. Empty when the top file does not exist. */
    static Optional<SourceSet> load(String topFile, LintEnvironment env) throws IOException {
        SourceSet s = new SourceSet(topFile, env);
        if (env.original(topFile).isEmpty()) {
            return Optional.empty();
        }
        s.visit(topFile, 0, new ArrayDeque<>(), null, null);
        return Optional.of(s);
    }

    private void visit(String name, int depth, Deque<String> stack, Directive parentBlock, String parentBlockFile)
            throws IOException {
        Optional<byte[]> bytes;
        try {
            bytes = env.original(name);
        } catch (CannotOpenException e) {
            if (depth == 0) {
                throw e;
            }
            return; // an Include ssh cannot open: resolving reports ssh's error
        }
        if (bytes.isEmpty()) {
            return;
        }
        ConfigFile cf = files.computeIfAbsent(name, n -> ParseCache.parse(n, bytes.get()));
        stack.push(name);
        Directive block = parentBlock;
        String blockFile = parentBlockFile;
        for (Directive d : cf.directives()) {
            String kw = d.keywordLower();
            if (kw.equals("host") || kw.equals("match")) {
                block = d;
                blockFile = name;
            }
            Entry entry = new Entry(name, d, block, blockFile);
            entries.add(entry);
            index.computeIfAbsent(name, n -> new java.util.HashMap<>()).putIfAbsent(d.lineNumber(), entry);
            if (kw.equals("include") && !d.invalidQuotes()) {
                for (Arg a : d.args()) {
                    String arg = a.value();
                    if (arg.isEmpty()) {
                        continue;
                    }
                    String path = arg.startsWith("/") || arg.startsWith("~") ? arg : "~/.ssh/" + arg;
                    for (String m : env.glob(path)) {
                        if (stack.contains(m)) {
                            includeProblems.add(new IncludeProblem(name, d, "Include of " + m
                                    + " loops back to a file that is being read (" + String.join(" <- ", stack)
                                    + "): OpenSSH fails with \"Too many recursive configuration includes\""));
                        } else if (depth + 1 > MAX_DEPTH) {
                            includeProblems.add(new IncludeProblem(name, d, "Include of " + m + " is nested "
                                    + (depth + 1) + " deep; OpenSSH allows " + MAX_DEPTH));
                        } else {
                            visit(m, depth + 1, stack, block, blockFile);
                        }
                    }
                }
            }
        }
        stack.pop();
    }

    static boolean isUniversal(Directive block) {
        if (block == null) {
            return true;
        }
        List<Arg> args = block.args();
        if (args.isEmpty()) {
            return false;
        }
        if (block.keywordLower().equals("host")) {
            return args.stream().allMatch(a -> a.value().equals("*"));
        }
        return args.size() == 1 && args.get(0).value().toLowerCase(Locale.ROOT).equals("all");
    }

    public String topFile() {
        return topFile;
    }

    /** Every file read, top file first, by the name OpenSSH prints. */
    public Map<String, ConfigFile> files() {
        return files;
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<IncludeProblem> includeProblems() {
        return includeProblems;
    }

    /** The directive at a file's line, if that line is one. */
    public Optional<Entry> at(String file, int line) {
        return Optional.ofNullable(index.getOrDefault(file, Map.of()).get(line));
    }
}
