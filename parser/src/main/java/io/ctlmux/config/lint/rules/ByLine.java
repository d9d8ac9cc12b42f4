package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.text.Severity;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Collects per-destination findings so that each line is reported once, naming the destinations concerned. */
final class ByLine {
    private record Key(SourceSet.Entry entry, Severity severity, String before, String after, String hint) {
    }

    private final Map<Key, Set<String>> found = new LinkedHashMap<>();

    /** The message is {@code before + "for host a, b and 3 more" + after}. */
    void add(SourceSet.Entry e, Severity severity, String before, String after, String hint, DestinationRun r) {
        found.computeIfAbsent(new Key(e, severity, before, after, hint), k -> new LinkedHashSet<>())
                .add(Mux.forWhom(r));
    }

    void report(Findings out) {
        for (Map.Entry<Key, Set<String>> f : found.entrySet()) {
            Key k = f.getKey();
            Set<String> who = f.getValue();
            String first = who.iterator().next();
            String whom = who.size() == 1 ? first : first + " and " + (who.size() - 1) + " more";
            out.at(k.entry(), k.severity(), k.before() + whom + k.after(), k.hint(), null);
        }
    }
}
