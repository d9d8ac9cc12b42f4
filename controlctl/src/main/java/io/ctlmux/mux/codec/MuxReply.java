package io.ctlmux.mux.codec;

import java.util.Objects;

/** Messages a master sends to a client. */
public sealed interface MuxReply extends MuxMessage
        permits MuxHello, MuxUnknown, MuxReply.Ok, MuxReply.PermissionDenied, MuxReply.Failure,
        MuxReply.ExitMessage, MuxReply.Alive, MuxReply.SessionOpened, MuxReply.RemotePort, MuxReply.TtyAllocFail,
        MuxReply.Proxy, MuxReply.ExtInfo {

    /** {@code MUX_S_OK}. */
    record Ok(int requestId) implements MuxReply, Correlated {
        @Override
        public int code() {
            return MuxType.S_OK.code();
        }
    }

    /** {@code MUX_S_PERMISSION_DENIED}. */
    record PermissionDenied(int requestId, String reason) implements MuxReply, Correlated {
        public PermissionDenied {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public int code() {
            return MuxType.S_PERMISSION_DENIED.code();
        }
    }

    /** {@code MUX_S_FAILURE}. */
    record Failure(int requestId, String reason) implements MuxReply, Correlated {
        public Failure {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public int code() {
            return MuxType.S_FAILURE.code();
        }
    }

    /** {@code MUX_S_EXIT_MESSAGE}: the session ended with this exit value (carries a session id, no request id). */
    record ExitMessage(int sessionId, int exitValue) implements MuxReply {
        @Override
        public int code() {
            return MuxType.S_EXIT_MESSAGE.code();
        }
    }

    /** {@code MUX_S_ALIVE}: the master's pid. */
    record Alive(int requestId, int pid) implements MuxReply, Correlated {
        @Override
        public int code() {
            return MuxType.S_ALIVE.code();
        }
    }

    /** {@code MUX_S_SESSION_OPENED}: the session id (the master's channel id). */
    record SessionOpened(int requestId, int sessionId) implements MuxReply, Correlated {
        @Override
        public int code() {
            return MuxType.S_SESSION_OPENED.code();
        }
    }

    /** {@code MUX_S_REMOTE_PORT}: the port the server allocated for a remote forward with listen port 0. */
    record RemotePort(int requestId, int port) implements MuxReply, Correlated {
        @Override
        public int code() {
            return MuxType.S_REMOTE_PORT.code();
        }
    }

    /** {@code MUX_S_TTY_ALLOC_FAIL}: the server refused the pty for this session. */
    record TtyAllocFail(int sessionId) implements MuxReply {
        @Override
        public int code() {
            return MuxType.S_TTY_ALLOC_FAIL.code();
        }
    }

    /** {@code MUX_S_PROXY}. */
    record Proxy(int requestId) implements MuxReply, Correlated {
        @Override
        public int code() {
            return MuxType.S_PROXY.code();
        }
    }

    /**
     * {@code MUX_S_EXT_INFO} (10.3+).
     *
     * @param status 1 = ok, 0 = this info type is unsupported
     * @param text   the answer (lines end with CRLF)
     */
    record ExtInfo(int requestId, int status, String text) implements MuxReply, Correlated {
        public ExtInfo {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public int code() {
            return MuxType.S_EXT_INFO.code();
        }
    }
}
