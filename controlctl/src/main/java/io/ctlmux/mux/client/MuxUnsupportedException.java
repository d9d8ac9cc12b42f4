package io.ctlmux.mux.client;

import java.io.IOException;

/** The master does not offer what was asked (e.g. no {@code info} extension before OpenSSH 10.3). */
public final class MuxUnsupportedException extends IOException {
    private static final long serialVersionUID = 1L;

    public MuxUnsupportedException(String message) {
        super(message);
    }
}
