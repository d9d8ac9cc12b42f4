package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.text.Severity;

/** ControlPersist without a master: it has no effect. */
public final class ControlPersistWithoutMasterRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("controlpersist-without-master", Severity.INFO,
            "ControlPersist is set while the effective ControlMaster is no",
            "ControlPersist only applies to a master connection; with ControlMaster no (the default) it does "
                    + "nothing. Add 'ControlMaster auto' (and a ControlPath) or remove it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        ByLine lines = new ByLine();
        for (DestinationRun r : ctx.resolved()) {
            ResolvedConfig o = r.result();
            if (!Mux.persist(o) || Mux.master(o)) {
                continue;
            }
            SourceSet.Entry e = Mux.line(ctx, r, "controlpersist").orElse(null);
            if (e != null) {
                lines.add(e, Severity.INFO, "ControlPersist has no effect ", ": ControlMaster is no",
                        "add 'ControlMaster auto' in the same scope, or remove ControlPersist", r);
            }
        }
        lines.report(out);
    }
}
