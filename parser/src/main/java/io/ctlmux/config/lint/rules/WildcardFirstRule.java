package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.text.Severity;

/** Host * (or top-level settings) before specific blocks that set the same keyword: the specific ones lose. */
public final class WildcardFirstRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("wildcard-block-before-specific", Severity.WARNING,
            "Host * (or a setting outside any block) comes before a specific block and wins over it",
            "ssh reads the file top to bottom and keeps the first value: settings under an early 'Host *' (or "
                    + "before the first Host line) override every later block. Move 'Host *' to the end of the file.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (Shadowing.Loss l : Shadowing.losses(ctx).values()) {
            if (Shadowing.sameBlock(l.loser(), l.winner()) || !l.winner().universal() || l.loser().universal()) {
                continue;
            }
            out.at(l.loser(), Severity.WARNING, "'" + Shadowing.line(l.loser()) + "' never takes effect: '"
                    + Shadowing.line(l.winner()) + "' at " + Shadowing.where(l.winner()) + " "
                    + Shadowing.blockText(l.winner()) + " applies to every host and comes first",
                    "move the general settings (Host *) to the end of the file", null);
        }
    }
}
