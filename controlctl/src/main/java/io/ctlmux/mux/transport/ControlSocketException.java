package io.ctlmux.mux.transport;

import java.io.IOException;
import java.nio.file.Path;

/** Connecting to a control socket failed before any protocol was spoken; {@link #kind()} says how. */
public final class ControlSocketException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the connection was not made. */
    public enum Kind {
        /** Nothing at the path (ENOENT). */
        MISSING,
        /** A socket file nobody listens on (ECONNREFUSED): a stale socket. */
        REFUSED,
        /** The path exists but is not a socket. */
        NOT_A_SOCKET,
        /** The socket belongs to another user. */
        FOREIGN,
        /** The connect did not finish within the deadline. */
        TIMEOUT,
        /** Any other failure (permission, path too long, ...). */
        OTHER
    }

    private final Kind kind;
    private final transient Path path;

    public ControlSocketException(Kind kind, Path path, String message) {
        super(message);
        this.kind = kind;
        this.path = path;
    }

    public Kind kind() {
        return kind;
    }

    public Path path() {
        return path;
    }
}
