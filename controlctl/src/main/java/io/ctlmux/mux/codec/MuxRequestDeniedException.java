package io.ctlmux.mux.codec;

import java.io.IOException;

/**
 * The master answered a request with {@code MUX_S_FAILURE} or {@code MUX_S_PERMISSION_DENIED}: a refusal the user can
 * act on, not a protocol error.
 */
public final class MuxRequestDeniedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Which refusal the master sent. */
    public enum Kind { FAILURE, PERMISSION_DENIED }

    private final Kind kind;
    private final String reason;

    public MuxRequestDeniedException(Kind kind, String reason) {
        super((kind == Kind.PERMISSION_DENIED ? "permission denied: " : "request failed: ") + reason);
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    /** The master's reason text, as sent. */
    public String reason() {
        return reason;
    }
}
