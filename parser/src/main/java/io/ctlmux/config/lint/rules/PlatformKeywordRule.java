package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SshMessage;
import io.ctlmux.config.text.Severity;

/** UseKeychain (Apple's ssh only) without an effective IgnoreUnknown before it. */
public final class PlatformKeywordRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("platform-keyword-unguarded", Severity.ERROR,
            "Apple-only keyword (UseKeychain) without an effective IgnoreUnknown before it",
            "Only Apple's ssh knows UseKeychain; every other build (Linux, Homebrew, Nix, containers) stops with "
                    + "\"Bad configuration option: usekeychain\". IgnoreUnknown is first-value-wins and only "
                    + "covers lines after it, so it must be the first IgnoreUnknown, outside any Host/Match block "
                    + "(or under Host *), above the first UseKeychain. Lint with --platform macos to check a "
                    + "macOS-only file.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (SshMessage m : ctx.messages(SshMessage.Kind.PLATFORM)) {
            out.add(Severity.ERROR, m.file(), m.line(), m.column(), "'" + m.subject() + "' exists only in Apple's "
                    + "ssh; OpenSSH " + m.target().label() + " on " + ctx.platform().id() + " stops with \""
                    + m.text() + "\"", "add 'IgnoreUnknown UseKeychain' as the first IgnoreUnknown, at the top of "
                    + "the file", m.target());
        }
    }
}
