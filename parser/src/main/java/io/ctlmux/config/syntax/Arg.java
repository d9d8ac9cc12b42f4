package io.ctlmux.config.syntax;

import io.ctlmux.config.text.Span;

/** One argument as OpenSSH's argv_split returns it: quotes removed, escapes applied; span covers the raw token. */
public record Arg(String value, Span span) {
}
