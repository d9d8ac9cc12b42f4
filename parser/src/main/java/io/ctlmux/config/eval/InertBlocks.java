package io.ctlmux.config.eval;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.syntax.Arg;
import io.ctlmux.config.syntax.ConfigFile;
import io.ctlmux.config.syntax.Directive;
import io.ctlmux.config.syntax.Line;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What many evaluations over the same files (lint resolves every destination a config names) learn about blocks
 * that cannot apply to a destination, so that each evaluation walks only the blocks that name its destination.
 *
 * <p>A <em>run</em> is a stretch of consecutive lines of one file made of {@code Host} lines whose patterns are all
 * plain names (no {@code *}, {@code ?} or {@code !}) and of lines that are neither {@code Host}, {@code Match} nor
 * {@code Include}. Such a Host line applies exactly when one of its names equals the destination. A body line is
 * <em>inert</em> in a context (dialect, flags, {@code IgnoreUnknown}) once an evaluation has processed it in an
 * inactive block and seen it print nothing, fail nothing and change no option. When every body line of a run is
 * inert, an evaluation jumps from a Host line of the run to the next one naming its destination (or past the run),
 * leaving the state as processing every line would have: the block inactive and the last Host line skipped as the
 * current block. An {@code Include} whose files are each one such run is skipped likewise, file by file.
 *
 * <p>This assumes the files read do not change while the memo is used (lint reads each file once). Without a memo
 * the evaluator processes every line, as ssh does. Not thread-safe: one memo per thread.
 */
public final class InertBlocks {
    /**
     * By file name: what is known about its content as last read. A tree parsed again from the same content (the
     * parse cache is bounded) keeps what was learnt; changed content starts afresh.
     */
    private final Map<String, Runs> byName = new HashMap<>();
    private final Map<IncludeKey, IncludeIndex> includes = new HashMap<>();
    private long linesSkipped;
    private long filesSkipped;
    private long linesProcessed;

    /** Lines and files evaluations did not walk thanks to this memo (for tests and benchmarks). */
    public long linesSkipped() {
        return linesSkipped;
    }

    /** Lines evaluations using this memo processed: the work they did (for tests and benchmarks). */
    public long linesProcessed() {
        return linesProcessed;
    }

    void processed() {
        linesProcessed++;
    }

    public long filesSkipped() {
        return filesSkipped;
    }

    /** What a body line's processing may depend on besides its own text. */
    record Context(Dialect dialect, int flags, String ignoreUnknown) {
    }

    private record IncludeKey(String pattern, Context ctx) {
    }

    Runs runs(ConfigFile cf) {
        String name = cf.source().name();
        Runs r = byName.get(name);
        if (r == null || r.tree != cf && !r.tree.source().text().equals(cf.source().text())) {
            r = new Runs(cf);
            byName.put(name, r);
        }
        return r;
    }

    /** Reading the file of {@code cf} in {@code ctx} completed without a fault. */
    void readCompleted(ConfigFile cf, Context ctx) {
        runs(cf).readCleanly.add(ctx);
    }

    /** The directives of one file, with its runs. */
    final class Runs {
        final ConfigFile tree;
        final List<Directive> directives = new ArrayList<>();
        /** The contexts in which reading the file completed without a fault. */
        final Set<Context> readCleanly = new HashSet<>();
        /** For each directive: the index of its run's end when it is a plain-name Host line of a run, else -1. */
        private final int[] runEnd;
        /** For each directive that belongs to a run: the run's start, else -1. */
        private final int[] runStart;
        /** Host line indices of each run, by run start, ascending. */
        private final Map<Integer, int[]> hostLines = new HashMap<>();
        /** Plain name -> ascending indices of the Host lines naming it (per file; looked up within a run). */
        private final Map<String, int[]> named = new HashMap<>();
        private final Map<Context, BitSet> inert = new HashMap<>();
        private final Map<Context, BitSet> runInert = new HashMap<>();

        Runs(ConfigFile cf) {
            tree = cf;
            for (Line l : cf.lines()) {
                if (l instanceof Directive d) {
                    directives.add(d);
                }
            }
            int n = directives.size();
            runEnd = new int[n];
            runStart = new int[n];
            Arrays.fill(runEnd, -1);
            Arrays.fill(runStart, -1);
            Map<String, List<Integer>> names = new HashMap<>();
            int i = 0;
            while (i < n) {
                if (!plainHost(directives.get(i))) {
                    i++;
                    continue;
                }
                int start = i;
                List<Integer> hosts = new ArrayList<>();
                while (i < n && (plainHost(directives.get(i)) || body(directives.get(i)))) {
                    if (plainHost(directives.get(i))) {
                        hosts.add(i);
                        for (Arg a : directives.get(i).args()) {
                            names.computeIfAbsent(a.value(), k -> new ArrayList<>()).add(i);
                        }
                    }
                    runStart[i] = start;
                    i++;
                }
                for (int h : hosts) {
                    runEnd[h] = i;
                }
                hostLines.put(start, hosts.stream().mapToInt(Integer::intValue).toArray());
            }
            for (Map.Entry<String, List<Integer>> e : names.entrySet()) {
                named.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).distinct().toArray());
            }
        }

        /** True when the file is one run from its first directive to its last. */
        boolean singleRun() {
            return !directives.isEmpty() && runStart[0] == 0 && runStart[directives.size() - 1] == 0;
        }

        /** True when directive {@code i} is a plain-name Host line of a run. */
        boolean isRunHost(int i) {
            return runEnd[i] >= 0;
        }

        /** True when directive {@code i} is a body line of a run (the lines whose inertness is learnt). */
        boolean isBody(int i) {
            return runStart[i] >= 0 && runEnd[i] < 0;
        }

        void markInert(int i, Context ctx) {
            inert.computeIfAbsent(ctx, k -> new BitSet()).set(i);
        }

        /** True when every body line of the run starting at {@code start} is known inert in {@code ctx}. */
        boolean runInert(int start, Context ctx) {
            BitSet known = runInert.computeIfAbsent(ctx, k -> new BitSet());
            if (known.get(start)) {
                return true;
            }
            BitSet lines = inert.get(ctx);
            if (lines == null) {
                return false;
            }
            int[] hosts = hostLines.get(start);
            int end = runEnd[hosts[0]];
            for (int k = start; k < end; k++) {
                if (runEnd[k] < 0 && !lines.get(k)) {
                    return false;
                }
            }
            known.set(start);
            return true;
        }

        /**
         * Where an evaluation at Host line {@code i} for destination {@code host} goes on: {@code i} itself when the
         * line is not in a run, its run is not known inert, or the line names {@code host}; otherwise the next Host
         * line of the run naming {@code host} (or the run's end), with {@link #lastHostBefore} the block left current.
         */
        int skipTo(int i, String host, boolean neverMatch, Context ctx) {
            if (runEnd[i] < 0 || !runInert(runStart[i], ctx)) {
                return i;
            }
            int end = runEnd[i];
            if (neverMatch) {
                return end;
            }
            int[] at = named.get(host);
            if (at == null) {
                return end;
            }
            int k = Arrays.binarySearch(at, i);
            if (k >= 0) {
                return i;
            }
            k = -k - 1;
            return k < at.length && at[k] < end ? at[k] : end;
        }

        /** The last Host line of the run of {@code i} before index {@code j} ({@code i < j}). */
        Directive lastHostBefore(int i, int j) {
            int[] hosts = hostLines.get(runStart[i]);
            int k = Arrays.binarySearch(hosts, j);
            k = k >= 0 ? k - 1 : -k - 2;
            return directives.get(hosts[k]);
        }

        /** The plain names of the file's Host lines (for a single-run file). */
        Set<String> names() {
            return named.keySet();
        }
    }

    void skipped(int lines) {
        linesSkipped += lines;
    }

    /**
     * For the files {@code matches} of one Include pattern read in {@code ctx}: the positions of the files that may
     * apply to {@code host}, or null when some file is not yet known to be one inert run read without a fault (then
     * every file is read).
     */
    int[] includeTargets(String pattern, List<String> matches, Context ctx, String host, boolean neverMatch) {
        IncludeKey key = new IncludeKey(pattern, ctx);
        IncludeIndex ix = includes.get(key);
        if (ix == null || ix.matches != matches && !ix.matches.equals(matches)) {
            ix = IncludeIndex.build(this, matches, ctx);
            if (ix == null) {
                return null;
            }
            includes.put(key, ix);
        }
        int[] at = neverMatch ? null : ix.byName.get(host);
        int skippedFiles = matches.size() - (at == null ? 0 : at.length);
        filesSkipped += skippedFiles;
        return at == null ? new int[0] : at;
    }

    /** The files of one Include pattern, each one inert run: which of them name which destination. */
    private static final class IncludeIndex {
        final List<String> matches;
        final Context ctx;
        final Map<String, int[]> byName = new HashMap<>();

        private IncludeIndex(List<String> matches, Context ctx) {
            this.matches = matches;
            this.ctx = ctx;
        }

        static IncludeIndex build(InertBlocks memo, List<String> matches, Context ctx) {
            IncludeIndex ix = new IncludeIndex(matches, ctx);
            Map<String, List<Integer>> names = new HashMap<>();
            for (int p = 0; p < matches.size(); p++) {
                String path = matches.get(p);
                Runs r = memo.byName.get(path);
                if (r == null || !r.readCleanly.contains(ctx) || !r.singleRun() || !r.runInert(0, ctx)) {
                    return null;
                }
                for (String name : r.names()) {
                    names.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
                }
            }
            for (Map.Entry<String, List<Integer>> e : names.entrySet()) {
                ix.byName.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
            }
            return ix;
        }
    }

    static boolean plainHost(Directive d) {
        if (!d.keywordLower().equals("host") || d.invalidQuotes() || d.args().isEmpty() || d.rest().isEmpty()) {
            return false;
        }
        for (Arg a : d.args()) {
            String v = a.value();
            if (v.isEmpty() || v.charAt(0) == '!' || v.indexOf('*') >= 0 || v.indexOf('?') >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean body(Directive d) {
        String k = d.keywordLower();
        return !k.equals("host") && !k.equals("match") && !k.equals("include");
    }

    static Context context(Dialect dialect, int flags, String ignoreUnknown) {
        return new Context(dialect, flags, ignoreUnknown);
    }

    @Override
    public String toString() {
        return "InertBlocks[" + byName.size() + " files, " + linesSkipped + " lines and " + filesSkipped
                + " files skipped]";
    }

}
