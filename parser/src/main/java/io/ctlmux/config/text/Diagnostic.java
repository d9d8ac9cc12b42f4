package io.ctlmux.config.text;

/**
 * A finding about a source span: a parse or evaluation error (code {@code ssh/...}) or a lint finding.
 * {@code message} is the text without location; {@code hint} may be empty.
 */
public record Diagnostic(Severity severity, String code, String message, Span span, String hint) {
    public Diagnostic(Severity severity, String code, String message, Span span) {
        this(severity, code, message, span, "");
    }
}
