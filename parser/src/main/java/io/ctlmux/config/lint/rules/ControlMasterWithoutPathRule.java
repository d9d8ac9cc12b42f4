package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.text.Severity;

/** ControlMaster on, but no ControlPath: multiplexing silently does nothing. */
public final class ControlMasterWithoutPathRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("controlmaster-without-controlpath", Severity.WARNING,
            "ControlMaster is on but the effective ControlPath is unset or none",
            "Without a ControlPath there is no socket to share, so ssh opens a new connection every time. Set a "
                    + "ControlPath such as ~/.ssh/cm-%C in the same scope.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        ByLine lines = new ByLine();
        for (DestinationRun r : ctx.resolved()) {
            ResolvedConfig o = r.result();
            if (!Mux.master(o) || Mux.path(o) != null) {
                continue;
            }
            SourceSet.Entry e = Mux.line(ctx, r, "controlmaster").orElse(null);
            if (e != null) {
                lines.add(e, Severity.WARNING, "ControlMaster is on ", " but ControlPath is unset or none, so "
                        + "nothing is shared", "add 'ControlPath ~/.ssh/cm-%C' next to it", r);
            }
        }
        lines.report(out);
    }
}
