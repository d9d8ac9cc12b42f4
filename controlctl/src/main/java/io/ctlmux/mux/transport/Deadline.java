package io.ctlmux.mux.transport;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** A point in time (monotonic clock) by which a step must finish; {@link #NONE} never expires. */
public final class Deadline {
    /** No deadline: only for waits whose length the user chose (a running remote command). */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ZERO);

    private final long atNanos;
    private final Duration total;

    private Deadline(long atNanos, Duration total) {
        this.atNanos = atNanos;
        this.total = total;
    }

    public static Deadline after(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
    }

    public boolean isNone() {
        return this == NONE;
    }

    /** Milliseconds left, at least 1 while not expired; 0 once expired; {@code Long.MAX_VALUE} for NONE. */
    public long remainingMillis() {
        if (isNone()) {
            return Long.MAX_VALUE;
        }
        long left = atNanos - System.nanoTime();
        if (left <= 0) {
            return 0;
        }
        return Math.max(1, left / 1_000_000);
    }

    /** Throws if the deadline has passed; {@code what} names the step, e.g. "reply from master". */
    public void check(String what) throws SocketTimeoutException {
        if (remainingMillis() == 0) {
            throw timeout(what);
        }
    }

    public SocketTimeoutException timeout(String what) {
        return new SocketTimeoutException("no " + what + " within " + total.toMillis() + " ms");
    }

    public Duration total() {
        return total;
    }
}
