package io.ctlmux.config.lint.rules;

import io.ctlmux.config.eval.Environment;
import io.ctlmux.config.expand.ExpansionException;
import io.ctlmux.config.expand.Expander;
import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.text.Severity;
import java.util.List;

/** With --check-files: a configured IdentityFile that does not exist, or a private key others can read. */
public final class IdentityFileMissingRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("identityfile-missing-or-unsafe", Severity.WARNING,
            "configured IdentityFile missing, or readable by group or others (--check-files)",
            "ssh skips a missing key (the wrong key or a password prompt follows) and refuses a private key "
                    + "others can read (\"UNPROTECTED PRIVATE KEY FILE\"). Fix the path or chmod 600.", true);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        Environment env = ctx.environment();
        for (DestinationRun r : ctx.resolved()) {
            ResolvedConfig o = r.result();
            Provenance s = o.setAt("identityfile").orElse(null);
            List<String> files = o.identityFiles();
            if (s == null || !o.isSet("identityfile") || s.origin() != Provenance.Origin.CONFIG || r.wildcard()) {
                continue;
            }
            SourceSet.Entry e = ctx.entry(s.span()).orElse(null);
            if (e == null) {
                continue;
            }
            for (String f : files) {
                String raw = String.valueOf(f);
                if (raw.equalsIgnoreCase("none")) {
                    continue;
                }
                String path;
                try {
                    String t = raw.startsWith("~/") ? env.home() + raw.substring(1) : raw;
                    path = Expander.percentDollar(t, r.result().tokens(), env::getenv);
                } catch (ExpansionException ex) {
                    continue;
                }
                Environment.FileFacts ff = env.fileFacts(path);
                if (ff == null) {
                    out.at(e, Severity.WARNING, "IdentityFile " + path + " does not exist " + Mux.forWhom(r),
                            "fix the path or remove the line", null);
                } else if (!ff.directory() && (ff.mode() & 0077) != 0) {
                    out.at(e, Severity.ERROR, "private key " + path + " is accessible by others (mode "
                            + Integer.toOctalString(ff.mode() & 07777) + "); ssh refuses to use it",
                            "chmod 600 " + path, null);
                }
            }
        }
    }
}
