package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.text.Severity;

/** Host-derived tokens in the directory part of ControlPath. */
public final class ControlPathTokenInDirRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("controlpath-token-in-directory", Severity.WARNING,
            "host-derived token (%h %n %r %j %k %C %p) in the directory part of ControlPath",
            "ssh does not create directories: a per-host directory does not exist and the master fails with "
                    + "\"cannot bind to path\"; values may also contain '/'. Keep tokens in the file name.");

    private static final char[] TOKENS = {'h', 'n', 'r', 'j', 'k', 'C', 'p'};

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (DestinationRun r : ctx.resolved()) {
            if (Mux.path(r.result()) == null) {
                continue;
            }
            SourceSet.Entry e = Mux.line(ctx, r, "controlpath").orElse(null);
            if (e == null) {
                continue;
            }
            String raw = LintContext.rawValue(e.directive());
            int slash = raw.lastIndexOf('/');
            if (slash <= 0) {
                continue;
            }
            String dir = raw.substring(0, slash);
            for (char c : TOKENS) {
                if (KeywordTooNewRule.hasToken(dir, c)) {
                    out.at(e, Severity.WARNING, "ControlPath '" + raw + "' has %" + c + " in its directory part; "
                            + "ssh does not create that directory", "move the tokens into the file name, e.g. "
                            + "'ControlPath ~/.ssh/cm-%C'", null);
                    break;
                }
            }
        }
    }
}
