package io.ctlmux.mux.client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link MuxClient} connects.
 *
 * @param timeout         the limit for connecting and for each reply
 * @param allowForeign    talk to a socket owned by another user
 * @param passDescriptors connect with a socket that can pass descriptors (needed for sessions)
 * @param trace           receives one line per frame sent or received (see {@code FrameLog}); may be a no-op
 */
public record MuxClientOptions(Duration timeout, boolean allowForeign, boolean passDescriptors,
                               Consumer<String> trace) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** No tracing: frames are then not even formatted. */
    public static final Consumer<String> NO_TRACE = line -> { };

    public MuxClientOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(trace, "trace");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public static MuxClientOptions defaults() {
        return new MuxClientOptions(DEFAULT_TIMEOUT, false, false, NO_TRACE);
    }

    /** True unless the trace is {@link #NO_TRACE}. */
    public boolean tracing() {
        return trace != NO_TRACE;
    }

    public MuxClientOptions withTimeout(Duration t) {
        return new MuxClientOptions(t, allowForeign, passDescriptors, trace);
    }

    public MuxClientOptions withAllowForeign(boolean b) {
        return new MuxClientOptions(timeout, b, passDescriptors, trace);
    }

    public MuxClientOptions withPassDescriptors(boolean b) {
        return new MuxClientOptions(timeout, allowForeign, b, trace);
    }

    public MuxClientOptions withTrace(Consumer<String> t) {
        return new MuxClientOptions(timeout, allowForeign, passDescriptors, t);
    }
}
