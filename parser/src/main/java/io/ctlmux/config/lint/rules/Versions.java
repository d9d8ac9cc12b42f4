package io.ctlmux.config.lint.rules;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.keyword.KeywordTable;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.match.Patterns;
import io.ctlmux.config.syntax.Arg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** First OpenSSH releases of keywords, Match criteria and tokens (major*100+minor), for the version rules. */
final class Versions {
    private Versions() {
    }

    /** Keywords that predate the modelled 9.2 table but are newer than older releases still in use. */
    private static final Map<String, Integer> OLD_KEYWORDS = Map.ofEntries(
            Map.entry("controlpersist", 506), Map.entry("ignoreunknown", 603),
            Map.entry("canonicalizehostname", 605), Map.entry("canonicaldomains", 605),
            Map.entry("canonicalizefallbacklocal", 605), Map.entry("canonicalizemaxdots", 605),
            Map.entry("canonicalizepermittedcnames", 605), Map.entry("revokedhostkeys", 608),
            Map.entry("addkeystoagent", 702), Map.entry("proxyjump", 703), Map.entry("include", 703),
            Map.entry("identityagent", 703), Map.entry("setenv", 708), Map.entry("securitykeyprovider", 802),
            Map.entry("knownhostscommand", 805), Map.entry("pubkeyacceptedalgorithms", 805),
            Map.entry("stdinnull", 807), Map.entry("forkafterauthentication", 807), Map.entry("sessiontype", 807),
            Map.entry("requiredrsasize", 901), Map.entry("enableescapecommandline", 902));

    /** Match criteria, with their first release (0: always there). */
    static final Map<String, Integer> MATCH_CRITERIA = Map.ofEntries(
            Map.entry("all", 0), Map.entry("host", 0), Map.entry("user", 0), Map.entry("exec", 605),
            Map.entry("originalhost", 605), Map.entry("localuser", 605), Map.entry("canonical", 608),
            Map.entry("final", 800), Map.entry("tagged", 904), Map.entry("localnetwork", 904),
            Map.entry("version", 1000), Map.entry("sessiontype", 1000), Map.entry("command", 1000));

    private static final Set<String> NO_ARGUMENT = Set.of("all", "canonical", "final");

    /** Percent tokens newer than the oldest releases. */
    static final Map<String, Integer> TOKENS = Map.of("%C", 607, "%i", 702, "%j", 906);

    /** First release that accepts a keyword (lower case, any alias), or 0. */
    static int keywordSince(String kw) {
        Integer old = OLD_KEYWORDS.get(kw);
        if (old != null) {
            return old;
        }
        return KeywordTable.lookup(kw, Dialect.newest()).map(k -> {
            Integer o2 = OLD_KEYWORDS.get(k.name());
            return o2 != null ? o2 : k.since();
        }).orElse(0);
    }

    /** The criteria names on a Match line, lower case, without {@code !} and {@code =arg}. */
    static List<String> criteria(SourceSet.Entry e) {
        List<String> out = new ArrayList<>();
        List<Arg> args = e.directive().args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).value().toLowerCase(Locale.ROOT);
            if (a.startsWith("#")) {
                break;
            }
            if (a.startsWith("!")) {
                a = a.substring(1);
            }
            int eq = a.indexOf('=');
            boolean inline = eq >= 0;
            if (inline) {
                a = a.substring(0, eq);
            }
            out.add(a);
            if (!inline && !NO_ARGUMENT.contains(a)) {
                i++;
            }
        }
        return out;
    }

    /**
     * True when an IgnoreUnknown effective for every destination, read before {@code e}, covers {@code kw}: the first
     * IgnoreUnknown in reading order wins, so it must be that one, and it must stand where it always applies.
     */
    static boolean ignored(LintContext ctx, SourceSet.Entry e, String kw) {
        for (SourceSet.Entry x : ctx.sources().entries()) {
            if (x == e) {
                return false;
            }
            if (x.keyword().equals("ignoreunknown")) {
                return x.universal() && !x.directive().args().isEmpty()
                        && Patterns.matchPatternList(kw, x.directive().args().get(0).value(), true) == 1;
            }
        }
        return false;
    }
}
