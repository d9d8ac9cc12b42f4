package io.ctlmux.config.lint.rules;

import io.ctlmux.config.keyword.KeywordTable;
import io.ctlmux.config.lint.Findings;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.LintRule;
import io.ctlmux.config.lint.RuleInfo;
import io.ctlmux.config.lint.SshMessage;
import io.ctlmux.config.lint.Target;
import io.ctlmux.config.text.Severity;
import java.util.Set;
import java.util.TreeSet;

/** A keyword no OpenSSH client knows and no effective IgnoreUnknown covers, with a "did you mean". */
public final class UnknownKeywordRule implements LintRule {
    static final RuleInfo INFO = new RuleInfo("unknown-keyword", Severity.ERROR,
            "keyword unknown to the OpenSSH client and not covered by an effective IgnoreUnknown",
            "ssh stops with \"Bad configuration option\" (exit 255). Fix the spelling, or, for a keyword another "
                    + "client needs, put 'IgnoreUnknown <keyword>' at the top of the file, before its first use. "
                    + "sshd_config keywords do not belong in an ssh_config.");

    /** Common sshd_config keywords that end up in client configs. */
    private static final Set<String> SERVER_KEYWORDS = Set.of("permitrootlogin", "hostkey", "allowtcpforwarding",
            "allowusers", "allowgroups", "denyusers", "denygroups", "usepam",
            "authorizedkeysfile", "x11forwarding", "subsystem", "listenaddress", "permitemptypasswords",
            "clientaliveinterval", "clientalivecountmax", "maxauthtries", "maxsessions", "printmotd",
            "acceptenv", "chrootdirectory", "forcecommand", "permittunnel", "usedns",
            "authorizedkeyscommand", "trustedusercakeys", "pubkeyauthoptions", "strictmodes", "logingracetime");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext ctx, Findings out) {
        for (SshMessage m : ctx.messages(SshMessage.Kind.UNKNOWN_KEYWORD)) {
            String kw = m.subject();
            String hint;
            if (SERVER_KEYWORDS.contains(kw)) {
                hint = kw + " is an sshd_config (server) keyword; remove it from the client config";
            } else {
                String s = suggest(kw, m.target());
                hint = (s != null ? "did you mean '" + s + "'? " : "")
                        + "to keep it for another client, put 'IgnoreUnknown " + kw + "' before its first use";
            }
            out.add(Severity.ERROR, m.file(), m.line(), m.column(),
                    "Bad configuration option: " + kw + " (OpenSSH does not know this keyword)", hint, m.target());
        }
    }

    /** The closest keyword by edit distance, or null when nothing is close. */
    static String suggest(String kw, Target target) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String n : new TreeSet<>(KeywordTable.names(target.dialect()))) {
            int d = distance(kw, n);
            if (d < bestD) {
                bestD = d;
                best = n;
            }
        }
        int limit = Math.max(2, kw.length() / 4);
        if (best != null && bestD <= limit) {
            return best;
        }
        // a keyword glued to something (e.g. "forwardagent:" or "*user")
        for (String n : KeywordTable.names(target.dialect())) {
            if (n.length() >= 4 && kw.contains(n)) {
                return n;
            }
        }
        return null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
