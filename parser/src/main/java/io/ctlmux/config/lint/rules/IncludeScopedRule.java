package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.text.Severity;

/** An Include swallowed by the Host or Match block before it. */
public final class IncludeScopedRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("include-scoped-by-block", Severity.WARNING,
            "Include inside a Host/Match block (often an Include appended at the end of the file)",
            "An Include belongs to the block above it: its settings (and the Host blocks it defines) apply only "
                    + "when that block matches. Appended Includes (e.g. by tools) then seem to do nothing, and "
                    + "aliases vanish with \"Could not resolve hostname\". Move it above the first Host/Match, or "
                    + "put 'Match all' before it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (SourceSet.Entry e : ctx.sources().entries()) {
            if (!e.keyword().equals("include") || e.universal() || !e.blockFile().equals(e.file())) {
                continue;
            }
            out.at(e, Severity.WARNING, "this Include belongs to the block '" + e.block().text().strip()
                    + "' at line " + e.block().lineNumber() + ", so it applies only when that block matches",
                    "move the Include above the first Host/Match line, or put 'Match all' on the line before it",
                    null);
        }
    }
}
