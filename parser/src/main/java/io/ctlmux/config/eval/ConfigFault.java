package io.ctlmux.config.eval;

import io.ctlmux.config.resolved.Diagnostic;

/**
 * An immediately fatal condition while reading the configuration (OpenSSH calls fatal()): the message is the line
 * ssh prints before exiting 255.
 */
public final class ConfigFault extends Exception {
    private static final long serialVersionUID = 1L;
    private final Diagnostic.Kind kind;
    private final String file;
    private final int line;
    private final int column;
    private final String subject;

    public ConfigFault(String message) {
        this(Diagnostic.Kind.OTHER, message);
    }

    public ConfigFault(Diagnostic.Kind kind, String message) {
        this(kind, null, 0, 0, message, "");
    }

    /**
     * @param file    the file the message names (null when it names none)
     * @param line    the line it names (0 when none)
     * @param column  the keyword's column when known, else 0
     * @param subject what it is about: a keyword, a {@code %} token, {@code ${NAME}} or {@code ~user}; or empty
     */
    public ConfigFault(Diagnostic.Kind kind, String file, int line, int column, String message, String subject) {
        super(message, null, false, false);
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.column = column;
        this.subject = subject;
    }

    /** The fatal message as a record (marked printed or not later, by the log levels). */
    Diagnostic diagnostic() {
        return new Diagnostic(kind, Diagnostic.Level.FATAL, file, line, column, getMessage(), subject, false);
    }
}
