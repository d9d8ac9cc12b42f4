package io.ctlmux.mux.codec;

/** One mux protocol message (one frame body). */
public sealed interface MuxMessage permits MuxRequest, MuxReply {
    /** The uint32 type code this message carries on the wire. */
    int code();
}
