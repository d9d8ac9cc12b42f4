package io.ctlmux.mux.codec;

import java.util.List;
import java.util.Objects;

/** Messages a client sends to a master. */
public sealed interface MuxRequest extends MuxMessage
        permits MuxHello, MuxUnknown, MuxRequest.NewSession, MuxRequest.AliveCheck, MuxRequest.Terminate,
        MuxRequest.OpenForward, MuxRequest.CloseForward, MuxRequest.NewStdioForward, MuxRequest.StopListening,
        MuxRequest.Proxy, MuxRequest.ExtInfo {

    /** escape_char value meaning "no escape character". */
    int ESCAPE_NONE = 0xffffffff;

    /**
     * {@code MUX_C_NEW_SESSION}; followed on the socket by three descriptors. Replies: SESSION_OPENED,
     * PERMISSION_DENIED, FAILURE; later TTY_ALLOC_FAIL and EXIT_MESSAGE.
     *
     * @param env {@code NAME=value} strings; the master keeps only those its own SendEnv allows
     */
    record NewSession(int requestId, boolean wantTty, boolean wantX11, boolean wantAgent, boolean subsystem,
                      int escapeChar, String term, String command, List<String> env)
            implements MuxRequest, Correlated {
        public NewSession {
            Objects.requireNonNull(term, "term");
            Objects.requireNonNull(command, "command");
            env = List.copyOf(env);
        }

        @Override
        public int code() {
            return MuxType.C_NEW_SESSION.code();
        }
    }

    /** {@code MUX_C_ALIVE_CHECK}; reply ALIVE with the master's pid. */
    record AliveCheck(int requestId) implements MuxRequest, Correlated {
        @Override
        public int code() {
            return MuxType.C_ALIVE_CHECK.code();
        }
    }

    /** {@code MUX_C_TERMINATE}; reply OK (often lost because the master exits first) or a refusal. */
    record Terminate(int requestId) implements MuxRequest, Correlated {
        @Override
        public int code() {
            return MuxType.C_TERMINATE.code();
        }
    }

    /** {@code MUX_C_OPEN_FWD}; reply OK, REMOTE_PORT (remote forward with listen port 0) or a refusal. */
    record OpenForward(int requestId, Forward forward) implements MuxRequest, Correlated {
        public OpenForward {
            Objects.requireNonNull(forward, "forward");
        }

        @Override
        public int code() {
            return MuxType.C_OPEN_FWD.code();
        }
    }

    /** {@code MUX_C_CLOSE_FWD}; reply OK or a refusal. */
    record CloseForward(int requestId, Forward forward) implements MuxRequest, Correlated {
        public CloseForward {
            Objects.requireNonNull(forward, "forward");
        }

        @Override
        public int code() {
            return MuxType.C_CLOSE_FWD.code();
        }
    }

    /** {@code MUX_C_NEW_STDIO_FWD} ({@code ssh -W}); followed by two descriptors. */
    record NewStdioForward(int requestId, String connectHost, int connectPort) implements MuxRequest, Correlated {
        public NewStdioForward {
            Objects.requireNonNull(connectHost, "connectHost");
            if (!Forward.validPort(connectPort)) {
                throw new IllegalArgumentException("connect port out of range: "
                        + Integer.toUnsignedString(connectPort));
            }
        }

        @Override
        public int code() {
            return MuxType.C_NEW_STDIO_FWD.code();
        }
    }

    /** {@code MUX_C_STOP_LISTENING}; reply OK or a refusal. */
    record StopListening(int requestId) implements MuxRequest, Correlated {
        @Override
        public int code() {
            return MuxType.C_STOP_LISTENING.code();
        }
    }

    /** {@code MUX_C_PROXY}; reply PROXY, then the socket carries SSH connection-layer packets. */
    record Proxy(int requestId) implements MuxRequest, Correlated {
        @Override
        public int code() {
            return MuxType.C_PROXY.code();
        }
    }

    /** {@code MUX_C_EXT_INFO} (10.3+, only if the master's hello has {@code info}); name is e.g. "connection". */
    record ExtInfo(int requestId, String name) implements MuxRequest, Correlated {
        public ExtInfo {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public int code() {
            return MuxType.C_EXT_INFO.code();
        }
    }
}
