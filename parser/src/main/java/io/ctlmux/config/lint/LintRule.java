package io.ctlmux.config.lint;

/** One lint rule: it reads the context of one linted file and reports findings. Rules hold no state. */
public interface LintRule {
    RuleInfo info();

    void check(LintContext ctx, Findings out);
}
