package io.ctlmux.config.keyword;

/**
 * How a keyword's arguments are parsed and stored (readconf.c's parse classes). Most keywords share a generic
 * kind; the rest have a kind of their own that the evaluator handles specially.
 */
public enum Kind {
    /** yes/no/true/false, first wins. */
    FLAG,
    /** a word from a {@link Choices} table, first wins. */
    CHOICE,
    /** a time value or {@code none} (which leaves it unset), first wins. */
    TIME,
    /** an integer 0..INT_MAX, first wins. */
    INT,
    /** one string argument, first wins. */
    STRING,
    /** the raw rest of the line (ProxyCommand, LocalCommand, ...), first wins. */
    COMMAND,
    /** a list on one line where the first active line sets the whole list ("none" only alone). */
    FIRST_LINE_LIST,
    /** an algorithm list with optional +, -, ^ prefix. */
    ALGORITHMS,
    /** one of a kind: handled by name in the evaluator. */
    SPECIAL,
    /** a Host or Match line. */
    BLOCK,
    /** Include. */
    INCLUDE,
    /** accepted with a debug message only. */
    DEPRECATED,
    /** accepted with an error-level message, not fatal. */
    UNSUPPORTED,
    /** silently ignored (Protocol). */
    IGNORE
}
