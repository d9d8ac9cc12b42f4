package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.text.Severity;
import java.util.Locale;
import java.util.Set;

/** ForwardAgent yes or StrictHostKeyChecking no for every host. */
public final class InsecureGlobalRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("insecure-global-option", Severity.WARNING,
            "ForwardAgent yes or StrictHostKeyChecking no under Host * (or outside any block)",
            "Agent forwarding to every host lets any compromised server use your keys (and a shared master "
                    + "keeps the forwarding); disabling host key checks for every host allows man-in-the-middle "
                    + "attacks. Enable them only for the hosts that need them.");

    private static final Set<String> NO = Set.of("no", "false", "off");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (SourceSet.Entry e : ctx.sources().entries()) {
            if (!e.universal() || e.directive().args().isEmpty()) {
                continue;
            }
            String v = LintContext.rawValue(e.directive()).toLowerCase(Locale.ROOT);
            if (e.keyword().equals("forwardagent") && !NO.contains(v)) {
                out.at(e, Severity.WARNING, "ForwardAgent applies to every host: any server you connect to can "
                        + "use your agent's keys", "set ForwardAgent only in the Host blocks that need it", null);
            } else if (e.keyword().equals("stricthostkeychecking") && NO.contains(v)) {
                out.at(e, Severity.WARNING, "StrictHostKeyChecking " + v + " for every host accepts changed host "
                        + "keys (man-in-the-middle)", "use accept-new, or limit it to throw-away hosts", null);
            }
        }
    }
}
