package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.text.Severity;

/** A setting that never takes effect because an earlier matching line already set it (first value wins). */
public final class SettingShadowedRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("setting-shadowed", Severity.WARNING,
            "setting that loses to an earlier line for a destination (first value wins), or is set twice in "
                    + "one block",
            "For most keywords ssh keeps the first value it reads for a destination; later lines are silently "
                    + "ignored. The finding names the line that won. Put specific Host blocks before general "
                    + "ones and set each keyword once per block.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (Shadowing.Loss l : Shadowing.losses(ctx).values()) {
            if (Shadowing.sameBlock(l.loser(), l.winner())) {
                out.at(l.loser(), Severity.WARNING, "'" + Shadowing.line(l.loser()) + "' is ignored: the same block "
                        + "already set it at " + Shadowing.where(l.winner()) + " ('" + Shadowing.line(l.winner())
                        + "')", "remove one of the two lines", null);
            } else if (l.winner().universal() || l.loser().universal()) {
                continue; // wildcard-block-before-specific, or the usual "Host * defaults last" idiom
            } else {
                boolean same = l.loser().directive().rest().equals(l.winner().directive().rest());
                out.at(l.loser(), same ? Severity.INFO : Severity.WARNING, "'" + Shadowing.line(l.loser())
                        + "' is " + (same ? "redundant" : "ignored") + " for "
                        + Shadowing.hosts(l.destinations()) + ": '" + Shadowing.line(l.winner()) + "' at "
                        + Shadowing.where(l.winner()) + " " + Shadowing.blockText(l.winner()) + " came first",
                        "put the more specific block first", null);
            }
        }
    }
}
