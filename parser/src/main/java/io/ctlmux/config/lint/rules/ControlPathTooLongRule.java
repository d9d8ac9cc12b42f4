package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.Platform;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.text.Severity;
import java.nio.charset.StandardCharsets;

/** The expanded ControlPath does not fit a Unix socket address (with the master's temporary suffix). */
public final class ControlPathTooLongRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("controlpath-too-long", Severity.ERROR,
            "expanded ControlPath too long for a master (90 bytes on Linux, 86 on macOS) or a client (107/103)",
            "A master binds '<ControlPath>.<16 random chars>' first, so it needs 17 bytes more than the path: "
                    + "too long fails with \"unix_listener: path ... too long for Unix domain socket\" only after "
                    + "login; clients fail with \"ControlPath too long\". Use a short directory and %C (40 hex "
                    + "chars) instead of %r@%h:%p. Findings for wildcard blocks are warnings (checked with a "
                    + "representative name).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        Platform p = ctx.platform();
        for (DestinationRun r : ctx.resolved()) {
            ResolvedConfig o = r.result();
            String path = Mux.path(o);
            if (path == null) {
                continue;
            }
            int bytes = path.getBytes(StandardCharsets.ISO_8859_1).length;
            boolean master = Mux.master(o);
            String problem = null;
            if (bytes > p.clientMax()) {
                problem = "is " + bytes + " bytes: clients fail with \"ControlPath too long\" (limit "
                        + p.clientMax() + " on " + p.id() + ")";
            } else if (master && bytes > p.masterMax()) {
                problem = "is " + bytes + " bytes: the master cannot bind it plus its 17-byte temporary suffix "
                        + "(limit " + p.masterMax() + " on " + p.id() + "), so it fails after login";
            }
            if (problem == null) {
                continue;
            }
            SourceSet.Entry e = Mux.line(ctx, r, "controlpath").orElse(null);
            if (e != null) {
                out.at(e, r.wildcard() ? Severity.WARNING : Severity.ERROR, "ControlPath " + Mux.forWhom(r)
                        + " expands to " + path + " which " + problem,
                        "use a shorter directory and %C, e.g. 'ControlPath ~/.ssh/cm-%C'", null);
            }
        }
    }
}
