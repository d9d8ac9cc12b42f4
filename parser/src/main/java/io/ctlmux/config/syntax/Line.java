package io.ctlmux.config.syntax;

import io.ctlmux.config.text.Span;

/** One physical line of a config file, including its line terminator. */
public sealed interface Line permits Directive, Trivia {
    /** 1-based line number, as OpenSSH counts lines. */
    int lineNumber();

    /** The whole physical line including its terminating LF (if any). */
    Span span();

    /** The exact text of the line, including the terminator. */
    String text();
}
