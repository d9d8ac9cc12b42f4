package io.ctlmux.config.lint.rules;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.keyword.Keyword;
import io.ctlmux.config.keyword.KeywordTable;
import io.ctlmux.config.keyword.Kind;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.text.Severity;
import java.util.Optional;

/** Deprecated keywords (ignored with a debug message) and Protocol (silently ignored). */
public final class DeprecatedKeywordRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("deprecated-keyword", Severity.WARNING,
            "deprecated or ignored keyword (Cipher, UseRoaming, UsePrivilegedPort, Protocol, ...)",
            "OpenSSH ignores the line (a debug message with -v, nothing for Protocol), so it does not do what it "
                    + "says. Remove it (Cipher: use Ciphers).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (SourceSet.Entry e : ctx.sources().entries()) {
            Optional<Keyword> k = KeywordTable.lookup(e.keyword(), Dialect.newest());
            if (k.isEmpty()) {
                continue;
            }
            if (k.get().kind() == Kind.DEPRECATED) {
                out.at(e, Severity.WARNING, "'" + e.directive().keyword() + "' is deprecated; OpenSSH ignores it",
                        e.keyword().equals("cipher") ? "use Ciphers, or remove the line" : "remove the line", null);
            } else if (k.get().kind() == Kind.IGNORE) {
                out.at(e, Severity.INFO, "'" + e.directive().keyword() + "' is silently ignored (SSH protocol 1 is "
                        + "gone)", "remove the line", null);
            }
        }
    }
}
