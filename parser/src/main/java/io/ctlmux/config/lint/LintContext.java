package io.ctlmux.config.lint;

import io.ctlmux.config.eval.Environment;
import io.ctlmux.config.syntax.Arg;
import io.ctlmux.config.syntax.Directive;
import java.util.List;
import java.util.Optional;

/**
 * Everything rules see about one linted file: its sources (with Includes), the destinations resolved for every
 * target, and what OpenSSH printed while resolving them.
 */
public final class LintContext {
    private final SourceSet sources;
    private final LintOptions options;
    private final List<DestinationRun> runs;
    private final List<SshMessage> messages;
    private final Environment env;
    private final java.util.Map<String, Object> memo = new java.util.HashMap<>();

    LintContext(SourceSet sources, LintOptions options, List<DestinationRun> runs, List<SshMessage> messages,
            Environment env) {
        this.sources = sources;
        this.options = options;
        this.runs = List.copyOf(runs);
        this.messages = List.copyOf(messages);
        this.env = env;
    }

    public SourceSet sources() {
        return sources;
    }

    public LintOptions options() {
        return options;
    }

    public List<Target> targets() {
        return options.targets();
    }

    public Platform platform() {
        return options.platform();
    }

    /** Every destination for every target. */
    public List<DestinationRun> runs() {
        return runs;
    }

    /** Runs that resolved (possibly with rejected lines masked). */
    public List<DestinationRun> resolved() {
        return runs.stream().filter(r -> r.result() != null).toList();
    }

    public List<SshMessage> messages() {
        return messages;
    }

    public List<SshMessage> messages(SshMessage.Kind kind) {
        return messages.stream().filter(m -> m.kind() == kind).toList();
    }

    /** The real environment, for the {@code --check-files} rules only. */
    public Environment environment() {
        return env;
    }

    /** The directive entry at a span's file and line. */
    public Optional<SourceSet.Entry> entry(io.ctlmux.config.text.Span span) {
        if (span == null) {
            return Optional.empty();
        }
        return sources.at(span.file(), span.line());
    }

    /** A value computed once per file and shared by rules (e.g. the shadowed lines). */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, java.util.function.Supplier<T> compute) {
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            memo.put(key, v);
        }
        return (T) v;
    }

    /** The first argument of a directive as written (before any expansion), or empty. */
    public static String rawValue(Directive d) {
        List<Arg> a = d.args();
        return a.isEmpty() ? "" : a.get(0).value();
    }
}
