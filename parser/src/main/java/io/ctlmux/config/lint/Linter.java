package io.ctlmux.config.lint;

import io.ctlmux.config.eval.Environment;
import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.eval.InertBlocks;
import io.ctlmux.config.load.ParseCache;
import io.ctlmux.config.eval.Resolver;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.syntax.Arg;
import io.ctlmux.config.text.Diagnostic;
import io.ctlmux.config.text.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lints config files: each file is read with its Includes, every destination it names is resolved for every target
 * with the evaluator that answers {@code ctlmux config} (never running {@code Match exec}), and every enabled rule
 * looks at the outcome. A file that breaks lint itself yields an {@code internal-error} finding, never an exception.
 */
public final class Linter {
    /** Masking rounds before giving up on resolving a destination. */
    private static final int MAX_MASK_ROUNDS = 6;

    /** What a run found, and how much work it did. */
    public record Report(List<Diagnostic> findings, List<String> ioErrors, int files, int resolutions) {
        public boolean hasAtLeast(Severity s) {
            return findings.stream().anyMatch(d -> d.severity().ordinal() >= s.ordinal());
        }
    }

    private final LintOptions options;
    private final Environment base;
    private final List<LintRule> rules;

    public Linter(LintOptions options, Environment base) {
        this.options = options;
        this.base = base;
        this.rules = Rules.all().stream()
                .filter(r -> !options.disabled().contains(r.info().id()))
                .filter(r -> options.checkFiles() || !r.info().needsFiles())
                .toList();
    }

    /** Lints each file (as {@code ssh -F file} reads it) and returns all findings, suppressions applied. */
    public Report lint(List<String> files) {
        return lint(files, Map.of());
    }

    /**
     * As {@link #lint(List)}, where the names in {@code given} (e.g. standard input) read the bytes given instead of a
     * file of that name.
     */
    public Report lint(List<String> files, Map<String, byte[]> given) {
        List<Diagnostic> all = new ArrayList<>();
        List<String> ioErrors = new ArrayList<>();
        int[] resolutions = {0};
        LintEnvironment env = new LintEnvironment(base);
        for (Map.Entry<String, byte[]> g : given.entrySet()) {
            env.provide(g.getKey(), g.getValue());
        }
        for (String file : files) {
            try {
                all.addAll(lintFile(file, env, ioErrors, resolutions));
            } catch (RuntimeException | StackOverflowError e) {
                Findings f = new Findings();
                f.use(Rules.INTERNAL);
                f.add(Severity.ERROR, file, 1, 1, "lint failed on this file: " + e, "please report this", null);
                all.addAll(f.merged(options.targets()));
            }
        }
        all.sort(Comparator.comparing((Diagnostic d) -> files.indexOf(d.span().file()) < 0 ? Integer.MAX_VALUE
                : files.indexOf(d.span().file()))
                .thenComparing(d -> d.span().file()).thenComparingInt(d -> d.span().line())
                .thenComparingInt(d -> d.span().column()).thenComparing(Diagnostic::code));
        return new Report(all, ioErrors, files.size(), resolutions[0]);
    }

    private List<Diagnostic> lintFile(String file, LintEnvironment env, List<String> ioErrors, int[] resolutions) {
        SourceSet src;
        try {
            java.util.Optional<SourceSet> s = SourceSet.load(file, env);
            if (s.isEmpty()) {
                ioErrors.add(file + ": No such file or directory");
                return List.of();
            }
            src = s.get();
        } catch (LintEnvironment.NotRegularFileException e) {
            ioErrors.add(e.getMessage());
            return List.of();
        } catch (IOException e) {
            ioErrors.add(file + ": " + e.getMessage());
            return List.of();
        }
        List<DestinationRun> runs = new ArrayList<>();
        List<SshMessage> messages = new ArrayList<>();
        Map<String, String> destinations = destinations(src);
        env.maskKeywords(options.platform().vendorKeywords);
        // Shared by the unmasked resolutions of this file: each walks only the blocks that may name it.
        InertBlocks inert = new InertBlocks();
        for (Target t : options.targets()) {
            Map<String, Set<Integer>> mask = new HashMap<>();
            for (Map.Entry<String, String> d : destinations.entrySet()) {
                runs.add(resolve(file, t, d.getKey(), d.getValue(), src, env, mask, messages, resolutions, inert));
            }
        }
        env.mask(Map.of());
        env.maskKeywords(Set.of());
        LintContext ctx = new LintContext(src, options, runs, messages, base);
        Findings out = new Findings();
        for (LintRule r : rules) {
            out.use(r.info());
            try {
                r.check(ctx, out);
            } catch (RuntimeException e) {
                out.use(Rules.INTERNAL);
                out.add(Severity.ERROR, file, 1, 1, "rule " + r.info().id() + " failed: " + e, "please report this",
                        null);
            }
        }
        return Suppressions.apply(out.merged(options.targets()), src);
    }

    private DestinationRun resolve(String file, Target t, String dest, String pattern, SourceSet src,
            LintEnvironment env, Map<String, Set<Integer>> mask, List<SshMessage> messages, int[] resolutions,
            InertBlocks inert) {
        List<String> args = List.of("-F", file, dest);
        env.mask(Map.of());
        resolutions[0]++;
        try {
            Evaluator ev = new Evaluator(t.dialect(), env, Evaluator.ExecPolicy.NEVER, ParseCache::parse);
            ev.useInertBlocks(inert);
            ResolvedConfig r = Resolver.resolve(args, ev);
            messages.addAll(SshMessages.map(r.diagnostics(), t, dest, src, false));
            List<String> changes = r.skippedExecs().isEmpty() ? List.of() : execChanges(args, t, env, r);
            return new DestinationRun(t, dest, pattern, r, false, changes);
        } catch (Resolver.Failure f) {
            List<SshMessage> found = SshMessages.map(f.diagnostics(), t, dest, src, true);
            messages.addAll(found);
            addToMask(mask, found);
            for (int round = 0; round < MAX_MASK_ROUNDS; round++) {
                env.mask(mask);
                resolutions[0]++;
                try {
                    ResolvedConfig r = Resolver.resolve(args, new Evaluator(t.dialect(), env, Evaluator.ExecPolicy.NEVER, ParseCache::parse));
                    return new DestinationRun(t, dest, pattern, r, true);
                } catch (Resolver.Failure again) {
                    if (!addToMask(mask, SshMessages.map(again.diagnostics(), t, dest, src, true))) {
                        break;
                    }
                }
            }
            return new DestinationRun(t, dest, pattern, null, true);
        }
    }

    /**
     * Resolves again as if every Match exec succeeded, and returns the -G keywords whose values differ from the
     * run where they all failed.
     */
    private static List<String> execChanges(List<String> args, Target t, LintEnvironment env, ResolvedConfig asFalse) {
        ResolvedConfig asTrue;
        try {
            asTrue = Resolver.resolve(args, new Evaluator(t.dialect(), env, Evaluator.ExecPolicy.ASSUME_MATCH,
                    ParseCache::parse));
        } catch (Resolver.Failure f) {
            return List.of("(fails)");
        }
        Map<String, List<String>> a = byKeyword(asFalse, t);
        Map<String, List<String>> b = byKeyword(asTrue, t);
        java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> out = new java.util.ArrayList<>();
        for (String k : keys) {
            if (!java.util.Objects.equals(a.get(k), b.get(k))) {
                out.add(k);
            }
        }
        return out;
    }

    private static Map<String, List<String>> byKeyword(ResolvedConfig r, Target t) {
        Map<String, List<String>> m = new java.util.HashMap<>();
        for (io.ctlmux.config.resolved.ResolvedValue v : io.ctlmux.config.render.GRenderer
                .render(r).options().values()) {
            m.computeIfAbsent(v.keyword(), k -> new java.util.ArrayList<>()).add(v.value());
        }
        return m;
    }

    /** Adds the located lines to the mask; true when something new was added. */
    private static boolean addToMask(Map<String, Set<Integer>> mask, List<SshMessage> found) {
        boolean added = false;
        for (SshMessage m : found) {
            if (m.located() || m.kind() == SshMessage.Kind.INCLUDE) {
                added |= mask.computeIfAbsent(m.file(), k -> new HashSet<>()).add(m.line());
            }
        }
        return added;
    }

    /** Placeholder for {@code *} (and {@code ?}) in the name that represents a wildcard Host pattern. */
    static final String WILD = "x";
    /** The destination that stands for "any host" (only {@code Host *} and top-level settings apply). */
    static final String ANY_HOST = "lint-any-host.invalid";

    /**
     * Every concrete Host alias, one representative per wildcard Host line, and a name no block mentions:
     * destination -> the pattern it stands for.
     */
    static Map<String, String> destinations(SourceSet src) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SourceSet.Entry e : src.entries()) {
            if (!e.keyword().equals("host")) {
                continue;
            }
            String representative = null;
            String repPattern = null;
            for (Arg a : e.directive().args()) {
                String p = a.value();
                if (p.isEmpty() || p.startsWith("!") || p.equals("*")) {
                    continue;
                }
                if (p.indexOf('*') < 0 && p.indexOf('?') < 0) {
                    if (usable(p)) {
                        out.putIfAbsent(p, p);
                    }
                } else if (representative == null) {
                    String r = p.replace("*", WILD).replace("?", WILD);
                    if (usable(r)) {
                        representative = r;
                        repPattern = p;
                    }
                }
            }
            if (representative != null) {
                out.putIfAbsent(representative, repPattern);
            }
        }
        out.putIfAbsent(ANY_HOST, "*");
        return out;
    }

    /** Names ssh would refuse on its command line are not resolved (they cannot be typed as destinations). */
    private static boolean usable(String host) {
        if (host.isEmpty() || host.charAt(0) == '-' || host.indexOf('@') >= 0) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c >= 127 || "'`\"$\\;&<>|(){},".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
