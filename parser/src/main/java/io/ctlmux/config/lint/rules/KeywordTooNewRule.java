package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.lint.SshMessage;
import io.ctlmux.config.lint.Target;
import io.ctlmux.config.text.Severity;
import java.util.Map;

/** Keywords, Match criteria and tokens that a targeted OpenSSH release does not know yet. */
public final class KeywordTooNewRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("keyword-too-new", Severity.ERROR,
            "keyword, Match criterion or %-token newer than a targeted OpenSSH release",
            "Older clients (still bundled by distributions, CI images and tools) stop with \"Bad configuration "
                    + "option\", \"Unsupported Match attribute\" or \"unknown key\". Examples: Tag and Match tagged "
                    + "need 9.4, %j needs 9.6, Match version needs 10.0. Remove the line, keep it in a file only "
                    + "newer clients read, or (for keywords) cover it with an early IgnoreUnknown.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (SshMessage m : ctx.messages(SshMessage.Kind.TOO_NEW)) {
            out.add(Severity.ERROR, m.file(), m.line(), m.column(), describe(m.subject()) + since(m.subject())
                    + "; older clients stop with: " + m.text(), hint(m.subject()), m.target());
        }
        // Releases the evaluator does not model exactly: compare the first releases with the target's version.
        for (Target t : ctx.targets()) {
            if (t.exact()) {
                continue;
            }
            for (SourceSet.Entry e : ctx.sources().entries()) {
                String kw = e.keyword();
                int since = Versions.keywordSince(kw);
                if (since > t.version() && since <= t.dialect().version && !Versions.ignored(ctx, e, kw)) {
                    out.at(e, Severity.ERROR, "'" + e.directive().keyword() + "' needs OpenSSH "
                            + Target.versionText(since) + "; OpenSSH " + t.label() + " stops with \"Bad "
                            + "configuration option: " + kw + "\"", hint(kw), t);
                }
                if (kw.equals("match")) {
                    for (String c : Versions.criteria(e)) {
                        Integer cs = Versions.MATCH_CRITERIA.get(c);
                        if (cs != null && cs > t.version() && cs <= t.dialect().version) {
                            out.at(e, Severity.ERROR, "Match " + c + " needs OpenSSH " + Target.versionText(cs)
                                    + "; OpenSSH " + t.label() + " stops with \"Unsupported Match attribute "
                                    + c + "\"", hint("match " + c), t);
                        }
                    }
                }
                for (Map.Entry<String, Integer> tok : Versions.TOKENS.entrySet()) {
                    if (tok.getValue() > t.version() && tok.getValue() <= t.dialect().version
                            && hasToken(e.directive().rest(), tok.getKey().charAt(1))) {
                        out.at(e, Severity.ERROR, tok.getKey() + " needs OpenSSH "
                                + Target.versionText(tok.getValue()) + "; OpenSSH " + t.label()
                                + " fails with \"unknown key " + tok.getKey() + "\"", hint(tok.getKey()), t);
                    }
                }
            }
        }
    }

    /** True when {@code s} has the token {@code %c} (not an escaped {@code %%c}). */
    static boolean hasToken(String s, char c) {
        for (int i = 0; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '%') {
                if (s.charAt(i + 1) == c) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    private static String describe(String subject) {
        if (subject.startsWith("match ")) {
            return "Match " + subject.substring(6);
        }
        return subject.startsWith("%") ? "the token " + subject : "'" + subject + "'";
    }

    private static String since(String subject) {
        int v;
        if (subject.startsWith("match ")) {
            v = Versions.MATCH_CRITERIA.getOrDefault(subject.substring(6), 0);
        } else if (subject.startsWith("%")) {
            v = Versions.TOKENS.getOrDefault(subject, 0);
        } else {
            v = Versions.keywordSince(subject);
        }
        return v > 0 ? " needs OpenSSH " + Target.versionText(v) : " is too new";
    }

    private static String hint(String subject) {
        if (subject.startsWith("match ") || subject.startsWith("%")) {
            return "older clients cannot parse it: keep it in a file that only newer clients include, or drop it";
        }
        return "put 'IgnoreUnknown " + subject + "' at the top of the file (before the first use) if older clients "
                + "may skip it, or drop it";
    }
}
