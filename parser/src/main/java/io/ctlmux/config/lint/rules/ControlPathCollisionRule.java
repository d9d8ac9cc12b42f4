package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.lint.Target;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.text.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several aliases share one ControlPath but differ in identity or forwarding: the first master wins for all. */
public final class ControlPathCollisionRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("controlpath-alias-collision", Severity.WARNING,
            "several Host aliases share one ControlPath but differ in identity, user or forwarding",
            "A session through an existing master uses that master's authentication and forwardings: with "
                    + "github-work and github-personal both reaching git@github.com over one socket, the second "
                    + "alias silently uses the first one's key. Add %n (the alias) to the ControlPath or give "
                    + "such aliases their own path.");

    private static final List<String> COMPARED = List.of("identityfile", "certificatefile", "user", "forwardagent",
            "forwardagentpath", "forwardx11", "localforward", "remoteforward", "dynamicforward", "identityagent");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (Target t : ctx.targets()) {
            Map<String, List<DestinationRun>> byPath = new LinkedHashMap<>();
            for (DestinationRun r : ctx.resolved()) {
                String path = Mux.path(r.result());
                if (r.target().equals(t) && !r.wildcard() && path != null) {
                    byPath.computeIfAbsent(path, k -> new ArrayList<>()).add(r);
                }
            }
            for (List<DestinationRun> group : byPath.values()) {
                for (int i = 1; i < group.size(); i++) {
                    DestinationRun a = group.get(0);
                    DestinationRun b = group.get(i);
                    String diff = firstDifference(a.result(), b.result());
                    if (diff == null) {
                        continue;
                    }
                    SourceSet.Entry e = Mux.line(ctx, b, "controlpath").orElse(null);
                    if (e != null) {
                        out.at(e, Severity.WARNING, "hosts " + a.destination() + " and " + b.destination()
                                + " share the ControlPath " + Mux.path(a.result()) + " but differ in "
                                + diff + ": whichever connects first decides for both",
                                "add %n to the ControlPath (e.g. ~/.ssh/cm-%n-%C)", t);
                    }
                }
            }
        }
    }

    private static String firstDifference(ResolvedConfig a, ResolvedConfig b) {
        for (String k : COMPARED) {
            if (!a.sameValue(b, k)) {
                return k;
            }
        }
        return null;
    }
}
