package io.ctlmux.mux.codec;

import java.util.Optional;

/** Every message type of the OpenSSH mux protocol (PROTOCOL.mux version 4) with its wire code. */
public enum MuxType {
    HELLO(0x00000001),
    C_NEW_SESSION(0x10000002),
    C_ALIVE_CHECK(0x10000004),
    C_TERMINATE(0x10000005),
    C_OPEN_FWD(0x10000006),
    C_CLOSE_FWD(0x10000007),
    C_NEW_STDIO_FWD(0x10000008),
    C_STOP_LISTENING(0x10000009),
    C_PROXY(0x1000000f),
    C_EXT_INFO(0x20000001),
    S_OK(0x80000001),
    S_PERMISSION_DENIED(0x80000002),
    S_FAILURE(0x80000003),
    S_EXIT_MESSAGE(0x80000004),
    S_ALIVE(0x80000005),
    S_SESSION_OPENED(0x80000006),
    S_REMOTE_PORT(0x80000007),
    S_TTY_ALLOC_FAIL(0x80000008),
    S_PROXY(0x8000000f),
    S_EXT_INFO(0x90000001);

    private static final MuxType[] VALUES = values();

    private final int code;

    MuxType(int code) {
        this.code = code;
    }

    /** The uint32 code on the wire (as a Java int; the S_ codes are negative). */
    public int code() {
        return code;
    }

    /** The type for a wire code, or empty for a code this version does not know. */
    public static Optional<MuxType> fromCode(int code) {
        for (MuxType t : VALUES) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The code as OpenSSH prints it: {@code 0x%08x}. */
    public static String hex(int code) {
        return String.format("0x%08x", code);
    }
}
