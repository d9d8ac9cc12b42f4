package io.ctlmux.mux.codec;

import java.io.IOException;

/** The peer broke the mux protocol: a bad length, a truncated frame, a wrong id, an unexpected message. */
public class MuxProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public MuxProtocolException(String message) {
        super(message);
    }
}
