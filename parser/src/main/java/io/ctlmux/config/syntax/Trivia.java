package io.ctlmux.config.syntax;

import io.ctlmux.config.text.Span;

/** A line OpenSSH skips: empty, whitespace only, or a comment line (first token starts with {@code #}). */
public record Trivia(int lineNumber, Span span, String text, Kind kind) implements Line {
    public enum Kind { BLANK, COMMENT }
}
