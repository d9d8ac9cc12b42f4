package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SshMessage;
import io.ctlmux.config.text.Severity;

/** Keywords OpenSSH still parses but no longer supports: each ssh run prints an error-level message. */
public final class UnsupportedKeywordRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("unsupported-keyword", Severity.WARNING,
            "keyword OpenSSH no longer supports (RSAAuthentication, CompressionLevel, GSSAPI* without GSSAPI, ...)",
            "Not fatal, but every ssh, scp, git and rsync run prints \"Unsupported option\" on stderr, which "
                    + "breaks tools that parse it and hides real errors. Remove the line.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (SshMessage m : ctx.messages(SshMessage.Kind.UNSUPPORTED)) {
            out.add(Severity.WARNING, m.file(), m.line(), m.column(), "OpenSSH prints: " + m.text(),
                    "remove the line", m.target());
        }
    }
}
