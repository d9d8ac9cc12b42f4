package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.text.Severity;
import java.util.ArrayList;
import java.util.List;

/** IgnoreUnknown lines that do not take effect: a later one (first wins), or one inside a conditional block. */
public final class IgnoreUnknownRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("ignoreunknown-ineffective", Severity.WARNING,
            "IgnoreUnknown that is shadowed by an earlier one, or stands in a conditional block",
            "IgnoreUnknown is first-value-wins like other options and covers only the lines after it: a second "
                    + "IgnoreUnknown (also one in an Include) is ignored, and one inside a Host/Match block covers "
                    + "nothing for destinations that block does not match. Keep one IgnoreUnknown, listing every "
                    + "pattern, at the top of the file.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        List<SourceSet.Entry> all = new ArrayList<>();
        for (SourceSet.Entry e : ctx.sources().entries()) {
            if (e.keyword().equals("ignoreunknown")) {
                all.add(e);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            SourceSet.Entry e = all.get(i);
            if (i > 0 && all.get(0).universal()) {
                SourceSet.Entry first = all.get(0);
                out.at(e, Severity.WARNING, "this IgnoreUnknown is ignored: the one at " + first.file() + ":"
                        + first.directive().lineNumber() + " came first (first value wins)",
                        "merge the patterns into the first IgnoreUnknown", null);
            } else if (!e.universal()) {
                out.at(e, Severity.WARNING, "IgnoreUnknown inside '" + e.block().text().strip() + "' covers "
                        + "nothing for destinations that block does not match",
                        "move it to the top of the file, outside any Host/Match block", null);
            }
        }
    }
}
