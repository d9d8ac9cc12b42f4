package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.text.Severity;
import java.util.List;

/** IdentityFile set but IdentitiesOnly not yes: the agent's keys are offered first. */
public final class IdentitiesOnlyRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("identityfile-without-identitiesonly", Severity.WARNING,
            "IdentityFile configured without IdentitiesOnly yes",
            "ssh offers every key in the agent before the configured one: servers then refuse with \"Too many "
                    + "authentication failures\", fail2ban bans you, or you log in as the wrong account "
                    + "(multi-account Git hosting). Info for a single key, warning for several.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        ByLine lines = new ByLine();
        for (DestinationRun r : ctx.resolved()) {
            ResolvedConfig o = r.result();
            if (o.integer("identitiesonly", 0) != 0) {
                continue;
            }
            Provenance s = o.setAt("identityfile").orElse(null);
            if (s == null || s.origin() != Provenance.Origin.CONFIG) {
                continue;
            }
            List<String> files = o.identityFiles();
            SourceSet.Entry e = ctx.entry(s.span()).orElse(null);
            if (e == null || !o.isSet("identityfile")) {
                continue;
            }
            boolean several = files.size() > 1;
            lines.add(e, several ? Severity.WARNING : Severity.INFO, "IdentityFile without 'IdentitiesOnly yes' ",
                    (several ? " (" + files.size() + " keys)" : "") + ": the agent's keys are offered first",
                    "add 'IdentitiesOnly yes' in the same block", r);
        }
        lines.report(out);
    }
}
