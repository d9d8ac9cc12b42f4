package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.lint.SshMessage;
import io.ctlmux.config.text.Severity;

/** Include cycles and includes nested deeper than OpenSSH allows (16). */
public final class IncludeRecursionRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("include-recursion", Severity.ERROR,
            "Include cycle, or Includes nested more than 16 deep",
            "ssh stops with \"Too many recursive configuration includes\" for every destination, also when the "
                    + "Include stands in a block that does not match (included files are always read). Missing "
                    + "Include targets are fine for ssh and not reported.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (SourceSet.IncludeProblem p : ctx.sources().includeProblems()) {
            out.at(p.file(), p.include(), Severity.ERROR, p.message(), "remove the Include that closes the loop",
                    null);
        }
        if (ctx.sources().includeProblems().isEmpty()) {
            for (SshMessage m : ctx.messages(SshMessage.Kind.INCLUDE)) {
                out.add(Severity.ERROR, m.file(), m.line(), m.column(), "OpenSSH fails: " + m.text(),
                        "remove the Include that closes the loop", m.target());
            }
        }
    }
}
