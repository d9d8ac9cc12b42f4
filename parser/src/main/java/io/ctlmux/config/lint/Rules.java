package io.ctlmux.config.lint;

import io.ctlmux.config.lint.rules.ControlMasterWithoutPathRule;
import io.ctlmux.config.lint.rules.ControlPathCollisionRule;
import io.ctlmux.config.lint.rules.ControlPathDirRule;
import io.ctlmux.config.lint.rules.ControlPathNotUniqueRule;
import io.ctlmux.config.lint.rules.ControlPathSharedTmpRule;
import io.ctlmux.config.lint.rules.ControlPathTokenInDirRule;
import io.ctlmux.config.lint.rules.ControlPathTooLongRule;
import io.ctlmux.config.lint.rules.ControlPersistKeepaliveRule;
import io.ctlmux.config.lint.rules.ControlPersistWithoutMasterRule;
import io.ctlmux.config.lint.rules.DeprecatedKeywordRule;
import io.ctlmux.config.lint.rules.IdentitiesOnlyRule;
import io.ctlmux.config.lint.rules.IdentityFileMissingRule;
import io.ctlmux.config.lint.rules.IgnoreUnknownRule;
import io.ctlmux.config.lint.rules.IncludeRecursionRule;
import io.ctlmux.config.lint.rules.IncludeScopedRule;
import io.ctlmux.config.lint.rules.InsecureGlobalRule;
import io.ctlmux.config.lint.rules.KeywordTooNewRule;
import io.ctlmux.config.lint.rules.MatchExecOutcomeRule;
import io.ctlmux.config.lint.rules.MatchExecRule;
import io.ctlmux.config.lint.rules.PlatformKeywordRule;
import io.ctlmux.config.lint.rules.SettingShadowedRule;
import io.ctlmux.config.lint.rules.SshRejectsRule;
import io.ctlmux.config.lint.rules.UnknownKeywordRule;
import io.ctlmux.config.lint.rules.UnsupportedKeywordRule;
import io.ctlmux.config.lint.rules.WildcardFirstRule;
import io.ctlmux.config.text.Severity;
import java.util.List;
import java.util.Optional;

/** The rule registry: every rule, in the order {@code --list-rules} shows them. */
public final class Rules {
    /** Reported when lint itself fails on a file (never expected; the file still gets a finding). */
    public static final RuleInfo INTERNAL = new RuleInfo("internal-error", Severity.ERROR,
            "lint could not check this file (a bug in ctlmux)",
            "The file was not fully checked. Please report it with the file attached.");

    private static final List<LintRule> ALL = List.of(
            new SshRejectsRule(),
            new UnknownKeywordRule(),
            new KeywordTooNewRule(),
            new PlatformKeywordRule(),
            new IncludeRecursionRule(),
            new UnsupportedKeywordRule(),
            new DeprecatedKeywordRule(),
            new IgnoreUnknownRule(),
            new IncludeScopedRule(),
            new SettingShadowedRule(),
            new WildcardFirstRule(),
            new InsecureGlobalRule(),
            new IdentitiesOnlyRule(),
            new MatchExecRule(),
            new MatchExecOutcomeRule(),
            new ControlMasterWithoutPathRule(),
            new ControlPersistWithoutMasterRule(),
            new ControlPersistKeepaliveRule(),
            new ControlPathTooLongRule(),
            new ControlPathNotUniqueRule(),
            new ControlPathSharedTmpRule(),
            new ControlPathTokenInDirRule(),
            new ControlPathCollisionRule(),
            new ControlPathDirRule(),
            new IdentityFileMissingRule());

    private Rules() {
    }

    public static List<LintRule> all() {
        return ALL;
    }

    /** Every rule's metadata, including {@link #INTERNAL}. */
    public static List<RuleInfo> infos() {
        List<RuleInfo> out = new java.util.ArrayList<>(ALL.stream().map(LintRule::info).toList());
        out.add(INTERNAL);
        return out;
    }

    public static Optional<RuleInfo> info(String id) {
        return infos().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
