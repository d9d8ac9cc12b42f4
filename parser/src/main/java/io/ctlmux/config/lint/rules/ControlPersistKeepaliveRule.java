package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.text.Severity;

/** A persistent master without ServerAliveInterval cannot notice that its connection died. */
public final class ControlPersistKeepaliveRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("controlpersist-without-keepalive", Severity.WARNING,
            "ControlPersist with a master but ServerAliveInterval 0 or unset",
            "A backgrounded master whose TCP connection died (suspend, VPN or network change) does not notice, "
                    + "and new sessions through it hang instead of reconnecting. Set ServerAliveInterval (e.g. 30) "
                    + "with ServerAliveCountMax.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        ByLine lines = new ByLine();
        for (DestinationRun r : ctx.resolved()) {
            ResolvedConfig o = r.result();
            if (!Mux.persist(o) || !Mux.master(o) || Mux.path(o) == null
                    || o.integer("serveraliveinterval", 0) != 0) {
                continue;
            }
            SourceSet.Entry e = Mux.line(ctx, r, "controlpersist").orElse(null);
            if (e != null) {
                lines.add(e, Severity.WARNING, "persistent master ", " without ServerAliveInterval: a dead "
                        + "connection is not noticed and new sessions hang",
                        "add 'ServerAliveInterval 30' in the same scope", r);
            }
        }
        lines.report(out);
    }
}
