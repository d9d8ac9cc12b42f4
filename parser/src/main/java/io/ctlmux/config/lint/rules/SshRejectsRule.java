package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SshMessage;
import io.ctlmux.config.text.Severity;

/** Everything OpenSSH rejects that no more specific rule explains, with OpenSSH's own reason. */
public final class SshRejectsRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("ssh-rejects", Severity.ERROR,
            "OpenSSH rejects this line (bad value, bad Match, bad quotes, missing argument, ...)",
            "ssh exits with status 255 for every destination (or for the destinations named) and prints the reason "
                    + "shown. Every ssh-based tool (git, rsync, ansible, IDEs) fails with it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (SshMessage m : ctx.messages(SshMessage.Kind.OTHER)) {
            String msg = m.located() ? "OpenSSH rejects this: " + m.text()
                    : "OpenSSH fails for destination " + m.destination() + ": " + m.text();
            String hint = m.located() ? "fix the value or remove the line; ssh stops with exit status 255"
                    : "check with: ssh -G -F " + ctx.sources().topFile() + " " + m.destination();
            out.add(Severity.ERROR, m.file(), m.line(), m.column(), msg, hint, m.target());
        }
    }
}
