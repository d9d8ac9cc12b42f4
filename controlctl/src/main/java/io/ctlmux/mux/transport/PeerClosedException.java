package io.ctlmux.mux.transport;

import java.io.EOFException;

/** The master closed the connection cleanly between two frames. */
public final class PeerClosedException extends EOFException {
    private static final long serialVersionUID = 1L;

    public PeerClosedException(String message) {
        super(message);
    }
}
