package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.text.Severity;
import java.util.Set;

/** ControlPath directly in a directory every user can write to. */
public final class ControlPathSharedTmpRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("controlpath-in-shared-tmp", Severity.WARNING,
            "ControlPath directly in /tmp, /var/tmp or /dev/shm",
            "Other users can pre-create or race the socket name (denial of service) or put a fake master there: "
                    + "the client does not check who owns the socket. Use a private directory such as "
                    + "~/.ssh/sockets (mode 700) or $XDG_RUNTIME_DIR.");

    private static final Set<String> SHARED = Set.of("/tmp", "/var/tmp", "/dev/shm", "/private/tmp");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (DestinationRun r : ctx.resolved()) {
            String path = Mux.path(r.result());
            if (path == null) {
                continue;
            }
            int slash = path.lastIndexOf('/');
            String dir = slash <= 0 ? "/" : path.substring(0, slash);
            String tmpdir = ctx.environment().getenv("TMPDIR");
            if (!SHARED.contains(dir) && !(tmpdir != null && dir.equals(stripSlash(tmpdir)))) {
                continue;
            }
            SourceSet.Entry e = Mux.line(ctx, r, "controlpath").orElse(null);
            if (e != null) {
                out.at(e, Severity.WARNING, "ControlPath is directly in the shared directory " + dir
                        + ": other users can pre-create or hijack the socket",
                        "use a private directory, e.g. 'ControlPath ~/.ssh/cm-%C'", null);
            }
        }
    }

    private static String stripSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
