package io.ctlmux.config.lint;

import io.ctlmux.config.syntax.ConfigFile;
import io.ctlmux.config.syntax.Line;
import io.ctlmux.config.text.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # ctlmux: disable=RULE[,RULE]} comments: on a finding's line, or alone on the line above it. {@code all}
 * disables every rule.
 */
final class Suppressions {
    private static final Pattern COMMENT = Pattern.compile("#\\s*ctlmux:\\s*disable=([A-Za-z0-9_,-]+)");

    private Suppressions() {
    }

    static List<Diagnostic> apply(List<Diagnostic> findings, SourceSet src) {
        Map<String, Map<Integer, Set<String>>> byFile = new HashMap<>();
        for (Map.Entry<String, ConfigFile> f : src.files().entrySet()) {
            Map<Integer, Set<String>> lines = new HashMap<>();
            List<Line> all = f.getValue().lines();
            for (Line l : all) {
                Matcher m = COMMENT.matcher(l.text());
                if (!m.find()) {
                    continue;
                }
                Set<String> ids = new HashSet<>(List.of(m.group(1).split(",")));
                lines.computeIfAbsent(l.lineNumber(), k -> new HashSet<>()).addAll(ids);
                if (l.text().strip().startsWith("#")) {
                    lines.computeIfAbsent(l.lineNumber() + 1, k -> new HashSet<>()).addAll(ids);
                }
            }
            if (!lines.isEmpty()) {
                byFile.put(f.getKey(), lines);
            }
        }
        if (byFile.isEmpty()) {
            return findings;
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : findings) {
            Set<String> ids = byFile.getOrDefault(d.span().file(), Map.of()).getOrDefault(d.span().line(), Set.of());
            if (!ids.contains(d.code()) && !ids.contains("all")) {
                out.add(d);
            }
        }
        return out;
    }
}
