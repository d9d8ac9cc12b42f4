package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.text.Span;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The lines that lost to an earlier line (first value wins) across all resolved destinations, from the
 * evaluator's provenance: each losing line with the line that won and the destinations it happened for.
 */
final class Shadowing {
    /** Accumulating options: later lines add, they do not lose. */
    record Loss(SourceSet.Entry loser, SourceSet.Entry winner, Set<String> destinations) {
    }

    private Shadowing() {
    }

    static Map<String, Loss> losses(LintContext ctx) {
        return ctx.memo("shadowing", () -> compute(ctx));
    }

    private static Map<String, Loss> compute(LintContext ctx) {
        Map<String, Loss> out = new LinkedHashMap<>();
        for (DestinationRun r : ctx.resolved()) {
            for (String name : r.result().names()) {
                Provenance p = r.result().setAt(name).orElseThrow();
                if (p.origin() != Provenance.Origin.CONFIG || p.span() == null || p.shadowed().isEmpty()) {
                    continue;
                }
                SourceSet.Entry winner = ctx.entry(p.span()).orElse(null);
                if (winner == null) {
                    continue;
                }
                for (Span lost : p.shadowed()) {
                    SourceSet.Entry loser = ctx.entry(lost).orElse(null);
                    if (loser == null || loser.keyword().equals("host") || loser.keyword().equals("match")) {
                        continue;
                    }
                    String key = loser.file() + "\0" + loser.directive().lineNumber();
                    out.computeIfAbsent(key, k -> new Loss(loser, winner, new LinkedHashSet<>()))
                            .destinations().add(r.destination());
                }
            }
        }
        return out;
    }

    static String where(SourceSet.Entry e) {
        return e.file() + ":" + e.directive().lineNumber();
    }

    static String blockText(SourceSet.Entry e) {
        return e.block() == null ? "outside any Host/Match block" : "in '" + e.block().text().strip() + "'";
    }

    static String line(SourceSet.Entry e) {
        return e.directive().text().strip();
    }

    static boolean sameBlock(SourceSet.Entry a, SourceSet.Entry b) {
        return a.block() == b.block() && a.file().equals(b.file());
    }

    static String hosts(Set<String> destinations) {
        String first = destinations.iterator().next();
        return destinations.size() == 1 ? first : first + " and " + (destinations.size() - 1) + " more";
    }
}
