package io.ctlmux.config.lint;

import io.ctlmux.config.text.Severity;

/**
 * What {@code --list-rules} and SARIF say about a rule.
 *
 * @param id          stable id used in output, suppressions and {@code --disable}
 * @param severity    default severity (a rule may report some findings lower or higher)
 * @param summary     one line
 * @param description why it matters and what to do
 * @param needsFiles  true for rules that look at the live filesystem (only with {@code --check-files})
 */
public record RuleInfo(String id, Severity severity, String summary, String description, boolean needsFiles) {
    public RuleInfo(String id, Severity severity, String summary, String description) {
        this(id, severity, summary, description, false);
    }
}
