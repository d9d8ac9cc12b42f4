package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.text.Severity;

/** Match exec: a command run on every ssh and ssh -G invocation. Lint never runs it. */
public final class MatchExecRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("match-exec-present", Severity.INFO,
            "Match exec runs a command on every ssh (and ssh -G) invocation",
            "The command runs once per pass for every connection, IDE probe and ssh -G: it costs time, has side "
                    + "effects, makes results depend on the machine, and other ssh_config parsers do not support "
                    + "it. Lint evaluates the config both ways (see match-exec-changes-result).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (SourceSet.Entry e : ctx.sources().entries()) {
            if (e.keyword().equals("match") && Versions.criteria(e).contains("exec")) {
                out.at(e, Severity.INFO, "Match exec runs a command on every ssh invocation; lint treated it as "
                        + "not matching (and checked the other outcome)", "prefer Match host/user/localnetwork/tagged when they can express it",
                        null);
            }
        }
    }
}
