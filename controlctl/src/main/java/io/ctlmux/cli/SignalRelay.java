package io.ctlmux.cli;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes one signal on to another process, as ssh's mux client passes SIGWINCH to its master. Java cannot send an
 * arbitrary signal, so each relay runs {@code kill -s NAME PID}, bounded by a time limit, on one daemon thread:
 * the caller (a signal handler) never blocks, and a burst of requests while a kill runs collapses into one more.
 */
final class SignalRelay implements AutoCloseable {
    private static final long KILL_LIMIT_MS = 2000;
    private static final File DEV_NULL = new File("/dev/null");

    private final String signal;
    private final long pid;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicInteger delivered = new AtomicInteger();
    private final ExecutorService worker;

    /**
     * @param signal the signal's name without "SIG", e.g. {@code WINCH}
     * @throws IllegalArgumentException if {@code pid} is not {@link #signalable}
     */
    SignalRelay(String signal, long pid) {
        if (!signalable(pid)) {
            throw new IllegalArgumentException("not a pid to relay signals to: " + pid);
        }
        this.signal = signal;
        this.pid = pid;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ctlmux-relay-SIG" + signal);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Whether {@code pid} names one process other than init. ssh relays only to a pid above 1; here the pid must also
     * fit a signed 32-bit pid_t, since {@code kill} would read 4294967295 as -1 (every process) and 0 as its own group.
     */
    static boolean signalable(long pid) {
        return pid > 1 && pid <= Integer.MAX_VALUE;
    }

    /** Asks for one relay; returns at once. Requests made while one is waiting to run are the same request. */
    void request() {
        if (pending.compareAndSet(false, true)) {
            try {
                worker.execute(this::send);
            } catch (RejectedExecutionException e) {
                // closed: the session is over
            }
        }
    }

    /** How many kills have run and reported success (for tests and traces). */
    int delivered() {
        return delivered.get();
    }

    private void send() {
        pending.set(false);
        Process p;
        try {
            p = new ProcessBuilder(List.of("kill", "-s", signal, Long.toString(pid)))
                    .redirectInput(DEV_NULL).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return; // no kill(1) on PATH: the master keeps its old window size, as it would without a relay
        }
        try {
            if (p.waitFor(KILL_LIMIT_MS, TimeUnit.MILLISECONDS)) {
                if (p.exitValue() == 0) {
                    delivered.incrementAndGet();
                }
            } else {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops relaying: a kill still running is stopped, and this waits for it at most a second. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
