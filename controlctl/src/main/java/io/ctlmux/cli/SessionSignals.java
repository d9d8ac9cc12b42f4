package io.ctlmux.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * ssh's mux client signal handling for the length of one session (mux.c, mux_client_request_session). SIGWINCH is
 * passed on to the master, which then reads the window size from the terminal it was given and tells the server.
 * SIGHUP, SIGINT and SIGTERM end the session: {@code onEnd} runs once (the caller closes the control connection, so
 * the master closes the session's channel and keeps running) and the client then exits with 255.
 *
 * <p>{@link #close} puts the previous handlers back. A signal the JVM keeps for itself (all three under -Xrs) is
 * left alone, and one that was ignored at start-up (SIGHUP under nohup) stays ignored, as the JVM does not let Java
 * code catch it.
 */
final class SessionSignals implements AutoCloseable {
    /** The signals that end a session, in the order ssh installs its handlers. */
    static final List<String> ENDING = List.of("HUP", "INT", "TERM");

    private record Installed(Signal signal, SignalHandler previous) {
    }

    private final List<Installed> installed = new ArrayList<>();
    private final SignalRelay winch;
    private final Runnable onEnd;
    private final AtomicReference<String> endedBy = new AtomicReference<>();
    private boolean closed;

    private SessionSignals(SignalRelay winch, Runnable onEnd) {
        this.winch = winch;
        this.onEnd = onEnd;
    }

    /**
     * Installs the handlers.
     *
     * @param masterPid the master's pid from its ALIVE reply; SIGWINCH is relayed only if it is
     *                  {@link SignalRelay#signalable}
     * @param onEnd     what a session-ending signal does, on the JVM's signal-dispatch thread; must not block
     */
    static SessionSignals install(long masterPid, Runnable onEnd) {
        SessionSignals s = new SessionSignals(
                SignalRelay.signalable(masterPid) ? new SignalRelay("WINCH", masterPid) : null, onEnd);
        for (String name : ENDING) {
            s.handle(name, s::end);
        }
        if (s.winch != null) {
            SignalRelay relay = s.winch;
            s.handle("WINCH", sig -> relay.request());
        }
        return s;
    }

    private void handle(String name, SignalHandler handler) {
        Signal signal = new Signal(name);
        try {
            installed.add(new Installed(signal, Signal.handle(signal, handler)));
        } catch (IllegalArgumentException e) {
            // the JVM uses this signal itself (-Xrs): its disposition stays as it is
        }
    }

    private void end(Signal signal) {
        if (endedBy.compareAndSet(null, signal.getName())) {
            onEnd.run();
        }
    }

    /** The name (e.g. {@code TERM}) of the signal that ended the session, if one did. */
    Optional<String> endedBy() {
        return Optional.ofNullable(endedBy.get());
    }

    /** The relay of SIGWINCH to the master, if there is one (for tests). */
    Optional<SignalRelay> winchRelay() {
        return Optional.ofNullable(winch);
    }

    /** Restores the previous handlers, last installed first, and stops the relay. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = installed.size() - 1; i >= 0; i--) {
            Installed in = installed.get(i);
            Signal.handle(in.signal(), in.previous());
        }
        if (winch != null) {
            winch.close();
        }
    }
}
