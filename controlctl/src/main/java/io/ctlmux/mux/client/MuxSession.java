package io.ctlmux.mux.client;

import io.ctlmux.mux.codec.FrameLog;
import io.ctlmux.mux.codec.MuxCodec;
import io.ctlmux.mux.codec.MuxProtocolException;
import io.ctlmux.mux.codec.MuxReply;
import io.ctlmux.mux.codec.MuxType;
import io.ctlmux.mux.transport.ControlSocket;
import io.ctlmux.mux.transport.Deadline;
import io.ctlmux.mux.transport.PeerClosedException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A running session: the remote command reads and writes the descriptors passed at open. The master sends the exit
 * status, then closes the connection; closing this session early makes the master drop the session. {@link #close}
 * may be called from any thread, e.g. a signal handler's, to end a {@link #waitFor} in progress.
 */
public final class MuxSession implements Closeable {
    /** The exit status ssh reports when the master went away without sending one. */
    public static final int MASTER_VANISHED = 255;

    private final ControlSocket socket;
    private final int sessionId;
    private final long masterPid;
    private final Consumer<String> trace;
    private boolean ttyRefused;
    private OptionalInt exitStatus;
    private volatile boolean closed;

    MuxSession(ControlSocket socket, int sessionId, long masterPid, Consumer<String> trace) {
        this.socket = socket;
        this.sessionId = sessionId;
        this.masterPid = masterPid;
        this.trace = trace;
    }

    public int sessionId() {
        return sessionId;
    }

    /** The master's pid (ssh relays SIGWINCH to it). */
    public long masterPid() {
        return masterPid;
    }

    /** Whether the server refused the requested pseudo-terminal. Valid after {@link #waitFor}. */
    public boolean ttyRefused() {
        return ttyRefused;
    }

    /**
     * Waits until the master closes the connection: as long as the remote command runs, without a time limit.
     *
     * @return the remote exit status, or empty if the master closed without sending one
     * @throws AsynchronousCloseException if this session was closed before the master closed the connection
     */
    public OptionalInt waitFor() throws IOException {
        return waitFor(() -> { });
    }

    /**
     * As {@link #waitFor()}, running {@code onTtyRefused} on this thread as soon as the master reports that the
     * server refused the pseudo-terminal (ssh leaves raw mode at that point).
     */
    public OptionalInt waitFor(Runnable onTtyRefused) throws IOException {
        if (exitStatus != null) {
            return exitStatus;
        }
        OptionalInt status = OptionalInt.empty();
        while (true) {
            MuxReply r;
            try {
                r = MuxCodec.decodeReply(socket.readFrame(Deadline.NONE));
            } catch (PeerClosedException e) {
                if (closed) {
                    throw new AsynchronousCloseException();
                }
                break;
            } catch (IOException e) {
                if (closed) {
                    throw new AsynchronousCloseException();
                }
                throw e;
            }
            if (trace != MuxClientOptions.NO_TRACE) {
                trace.accept(FrameLog.format(false, r));
            }
            if (r instanceof MuxReply.TtyAllocFail t) {
                checkSession("tty alloc fail", t.sessionId());
                ttyRefused = true;
                onTtyRefused.run();
            } else if (r instanceof MuxReply.ExitMessage x) {
                checkSession("exit", x.sessionId());
                if (status.isPresent()) {
                    throw new MuxProtocolException("exitval sent twice");
                }
                status = OptionalInt.of(x.exitValue());
            } else if (r instanceof MuxReply.Failure f) {
                throw new MuxProtocolException("master returned error: " + f.reason());
            } else if (r instanceof MuxReply.PermissionDenied d) {
                throw new MuxProtocolException("master returned error: " + d.reason());
            } else {
                throw new MuxProtocolException("unexpected message from master " + MuxType.hex(r.code()));
            }
        }
        exitStatus = status;
        socket.close();
        return status;
    }

    /** {@link #waitFor} mapped as ssh does: the exit status, or 255 if the master vanished. */
    public int waitForExitCode() throws IOException {
        return waitFor().orElse(MASTER_VANISHED);
    }

    /** {@link #waitFor(Runnable)} mapped as {@link #waitForExitCode()} is. */
    public int waitForExitCode(Runnable onTtyRefused) throws IOException {
        return waitFor(onTtyRefused).orElse(MASTER_VANISHED);
    }

    private void checkSession(String what, int sid) throws MuxProtocolException {
        if (sid != sessionId) {
            throw new MuxProtocolException(what + " on unknown session: my id " + Integer.toUnsignedString(sessionId)
                    + " theirs " + Integer.toUnsignedString(sid));
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }
}
