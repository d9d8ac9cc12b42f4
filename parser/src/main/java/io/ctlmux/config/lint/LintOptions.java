package io.ctlmux.config.lint;

import java.util.List;
import java.util.Set;

/**
 * How to lint: the OpenSSH releases to target, the platform, whether to look at the live filesystem, and the rule
 * ids switched off.
 */
public record LintOptions(List<Target> targets, Platform platform, boolean checkFiles, Set<String> disabled) {
    public LintOptions {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target");
        }
        targets = List.copyOf(targets);
        disabled = Set.copyOf(disabled);
    }
}
