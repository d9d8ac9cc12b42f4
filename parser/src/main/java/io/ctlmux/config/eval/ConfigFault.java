package io.ctlmux.config.eval;

import io.ctlmux.config.resolved.Diagnostic;

/**
 * An immediately fatal condition while reading the configuration (OpenSSH calls fatal()): the message is the line
 * ssh prints before exiting 255.
 */
public final class ConfigFault extends Exception {
    private static final long serialVersionUID = 1L;
    private final Diagnostic.Kind kind;

    public ConfigFault(String message) {
        this(Diagnostic.Kind.OTHER, message);
    }

    public ConfigFault(Diagnostic.Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** What sort of message it is. */
    public Diagnostic.Kind kind() {
        return kind;
    }
}
