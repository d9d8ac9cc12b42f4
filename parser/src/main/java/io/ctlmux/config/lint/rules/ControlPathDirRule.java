package io.ctlmux.config.lint.rules;

import io.ctlmux.config.eval.Environment;
import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.text.Severity;

/** With --check-files: the ControlPath directory is missing, not a directory, foreign or writable by others. */
public final class ControlPathDirRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("controlpath-dir-unsafe", Severity.ERROR,
            "ControlPath directory missing, not owned by you, or writable by group or others (--check-files)",
            "ssh does not create the directory: a missing one fails with \"cannot bind to path\". A directory "
                    + "other users can write to lets them hijack or block the socket. Create it with mode 700.",
            true);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        Environment env = ctx.environment();
        for (DestinationRun r : ctx.resolved()) {
            String path = Mux.path(r.result());
            if (path == null || r.wildcard()) {
                continue;
            }
            int slash = path.lastIndexOf('/');
            String dir = slash <= 0 ? "/" : path.substring(0, slash);
            SourceSet.Entry e = Mux.line(ctx, r, "controlpath").orElse(null);
            if (e == null) {
                continue;
            }
            Environment.FileFacts ff = env.fileFacts(dir);
            if (ff == null || !ff.directory()) {
                out.at(e, Severity.ERROR, "the ControlPath directory " + dir + (ff == null ? " does not exist"
                        : " is not a directory") + ": the master cannot bind its socket",
                        "mkdir -m 700 -p " + dir, null);
            } else if ((ff.mode() & 0022) != 0 && (ff.mode() & 01000) == 0) {
                out.at(e, Severity.WARNING, "the ControlPath directory " + dir + " is writable by "
                        + ((ff.mode() & 0002) != 0 ? "everyone" : "its group") + " (mode "
                        + Integer.toOctalString(ff.mode() & 07777) + ")", "chmod 700 " + dir, null);
            } else if (ff.uid() != env.uid() && ff.uid() != 0) {
                out.at(e, Severity.WARNING, "the ControlPath directory " + dir + " belongs to uid " + ff.uid(),
                        "use a directory you own, e.g. ~/.ssh/sockets", null);
            }
        }
    }
}
