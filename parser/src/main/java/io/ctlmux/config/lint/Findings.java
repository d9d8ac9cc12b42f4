package io.ctlmux.config.lint;

import io.ctlmux.config.syntax.Directive;
import io.ctlmux.config.text.Diagnostic;
import io.ctlmux.config.text.Severity;
import io.ctlmux.config.text.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where rules report. Findings that only differ in the target they were found for are merged; a finding that does
 * not hold for every target names the targets it holds for.
 */
public final class Findings {
    /** One raw finding before merging. */
    record Item(RuleInfo rule, Severity severity, String file, int line, int column, String message, String hint) {
    }

    private final Map<Item, Set<String>> items = new LinkedHashMap<>();
    private RuleInfo current;

    void use(RuleInfo rule) {
        this.current = rule;
    }

    /** Reports at a directive's keyword, for all targets ({@code target} null) or one. */
    public void at(SourceSet.Entry e, Severity severity, String message, String hint, Target target) {
        at(e.file(), e.directive(), severity, message, hint, target);
    }

    public void at(String file, Directive d, Severity severity, String message, String hint, Target target) {
        add(severity, file, d.lineNumber(), d.keywordSpan().column(), message, hint, target);
    }

    public void add(Severity severity, String file, int line, int column, String message, String hint,
            Target target) {
        Objects.requireNonNull(current, "rule");
        Item it = new Item(current, severity, file, Math.max(1, line), Math.max(1, column), message,
                hint == null ? "" : hint);
        items.computeIfAbsent(it, k -> new LinkedHashSet<>()).add(target == null ? "*" : target.label());
    }

    /** The merged findings; {@code targets} are all targets of the run, in order. */
    List<Diagnostic> merged(List<Target> targets) {
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<Item, Set<String>> e : items.entrySet()) {
            Item it = e.getKey();
            Set<String> ts = e.getValue();
            String msg = it.message();
            if (!ts.contains("*") && ts.size() < targets.size()) {
                List<String> names = targets.stream().map(Target::label).filter(ts::contains).toList();
                msg = msg + " (OpenSSH " + String.join(", ", names) + ")";
            }
            out.add(new Diagnostic(it.severity(), it.rule().id(), msg,
                    new Span(it.file(), 0, 0, it.line(), it.column()), it.hint()));
        }
        return out;
    }
}
