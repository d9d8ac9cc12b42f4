package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.text.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lint resolves each destination twice when the config has Match exec: once as if every command failed, once as
 * if every command succeeded. When the effective options differ, the result depends on the command's outcome.
 */
public final class MatchExecOutcomeRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("match-exec-changes-result", Severity.WARNING,
            "The effective options of a destination depend on whether a Match exec command succeeds",
            "Lint never runs Match exec. It resolves each destination once with every exec failing and once with "
                    + "every exec succeeding, and reports the options that differ: what ssh does for that host "
                    + "depends on a command run at connect time (network state, files, time of day).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        List<SourceSet.Entry> execLines = new ArrayList<>();
        for (SourceSet.Entry e : ctx.sources().entries()) {
            if (e.keyword().equals("match") && Versions.criteria(e).contains("exec")) {
                execLines.add(e);
            }
        }
        if (execLines.isEmpty()) {
            return;
        }
        // One finding per set of changes and target, naming the destinations, at the first Match exec line.
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        Map<String, DestinationRun> example = new LinkedHashMap<>();
        for (DestinationRun r : ctx.resolved()) {
            if (r.execChanges().isEmpty()) {
                continue;
            }
            String key = r.target() + "\0" + r.execChanges();
            String name = r.destination().endsWith(".invalid") ? "any other host" : r.destination();
            List<String> list = hosts.computeIfAbsent(key, k -> new ArrayList<>());
            if (!list.contains(name)) {
                list.add(name);
            }
            example.putIfAbsent(key, r);
        }
        for (Map.Entry<String, DestinationRun> en : example.entrySet()) {
            DestinationRun r = en.getValue();
            List<String> names = hosts.get(en.getKey());
            String who = names.size() > 5 ? String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5)
                    + " more" : String.join(", ", names);
            String what = r.execChanges().equals(List.of("(fails)"))
                    ? "ssh fails when the command succeeds"
                    : "options that differ when the command succeeds: " + String.join(", ", r.execChanges());
            out.at(execLines.get(0), Severity.WARNING, "the result for " + who + " depends on Match exec: " + what,
                    "check that both outcomes are intended, or use a criterion lint can evaluate (host, user, "
                            + "localnetwork, tagged)", r.target());
        }
    }
}
