package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.text.Severity;

/** A ControlPath that does not identify the connection: no %C and not all of %h, %p, %r. */
public final class ControlPathNotUniqueRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("controlpath-not-unique", Severity.WARNING,
            "ControlPath without %C and without all of %h, %p and %r",
            "Connections to different hosts, ports or users then share one socket, and sessions silently ride "
                    + "the wrong master (wrong user or host). ssh_config(5) asks for at least %h, %p and %r; %C "
                    + "covers them all in a short hash.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (DestinationRun r : ctx.resolved()) {
            if (Mux.path(r.result()) == null) {
                continue;
            }
            SourceSet.Entry e = Mux.line(ctx, r, "controlpath").orElse(null);
            if (e == null) {
                continue;
            }
            String raw = LintContext.rawValue(e.directive());
            if (KeywordTooNewRule.hasToken(raw, 'C')) {
                continue;
            }
            StringBuilder missing = new StringBuilder();
            for (char c : new char[] {'h', 'p', 'r'}) {
                if (!KeywordTooNewRule.hasToken(raw, c)) {
                    missing.append(missing.length() == 0 ? "" : ", ").append('%').append(c);
                }
            }
            if (missing.length() > 0) {
                out.at(e, Severity.WARNING, "ControlPath '" + raw + "' has no %C and lacks " + missing
                        + ": different connections can share one master", "use %C, e.g. 'ControlPath ~/.ssh/cm-%C'",
                        null);
            }
        }
    }
}
