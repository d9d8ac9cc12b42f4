package io.ctlmux.mux.client;

import io.ctlmux.mux.codec.Correlated;
import io.ctlmux.mux.codec.FrameLog;
import io.ctlmux.mux.codec.Forward;
import io.ctlmux.mux.codec.MuxCodec;
import io.ctlmux.mux.codec.MuxHello;
import io.ctlmux.mux.codec.MuxProtocolException;
import io.ctlmux.mux.codec.MuxReply;
import io.ctlmux.mux.codec.MuxRequest;
import io.ctlmux.mux.codec.MuxRequestDeniedException;
import io.ctlmux.mux.codec.MuxType;
import io.ctlmux.mux.transport.ControlSocket;
import io.ctlmux.mux.transport.ControlSockets;
import io.ctlmux.mux.transport.Deadline;
import io.ctlmux.mux.transport.PeerClosedException;
import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A client of one OpenSSH ControlMaster: one control connection, requests answered in order. Every wait is bounded
 * by the timeout in {@link MuxClientOptions}. Refusals come as {@link MuxRequestDeniedException}, protocol
 * violations as {@link MuxProtocolException}, missed deadlines as {@link SocketTimeoutException}.
 *
 * <p>Not thread-safe. {@link #openSession} hands the connection over to the returned {@link MuxSession}.
 */
public final class MuxClient implements Closeable {
    private final ControlSocket socket;
    private final MuxClientOptions options;
    private final MuxHello masterHello;
    private int nextRequestId;
    private boolean retired;

    private MuxClient(ControlSocket socket, MuxClientOptions options, MuxHello masterHello) {
        this.socket = socket;
        this.options = options;
        this.masterHello = masterHello;
    }

    /** Connects to the master at {@code path} and exchanges hellos. */
    public static MuxClient connect(Path path, MuxClientOptions options) throws IOException {
        Deadline connectBy = Deadline.after(options.timeout());
        ControlSocket s = ControlSockets.connect(path, connectBy, options.allowForeign(), options.passDescriptors());
        try {
            return new MuxClient(s, options, hello(s, options));
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Runs the hello exchange on an already connected socket (for callers with their own transport). */
    public static MuxClient over(ControlSocket socket, MuxClientOptions options) throws IOException {
        return new MuxClient(socket, options, hello(socket, options));
    }

    private static MuxHello hello(ControlSocket s, MuxClientOptions options) throws IOException {
        MuxHello mine = MuxHello.client();
        Deadline deadline = Deadline.after(options.timeout());
        if (options.tracing()) {
            options.trace().accept(FrameLog.format(true, mine));
        }
        MuxReply reply;
        try {
            s.writeFrame(MuxCodec.frame(mine), deadline);
            reply = MuxCodec.decodeReply(s.readFrame(deadline));
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("master did not send its hello within " + options.timeout().toMillis()
                    + " ms");
        } catch (PeerClosedException e) {
            throw new PeerClosedException("master closed the connection during the hello exchange");
        } catch (MuxProtocolException e) {
            throw e;
        } catch (IOException e) {
            // broken pipe or reset: the master hung up on us
            throw new PeerClosedException("master closed the connection during the hello exchange ("
                    + e.getMessage() + ")");
        }
        if (options.tracing()) {
            options.trace().accept(FrameLog.format(false, reply));
        }
        if (!(reply instanceof MuxHello theirs)) {
            throw new MuxProtocolException("expected HELLO (" + MuxType.HELLO.code() + ") got "
                    + Integer.toUnsignedString(reply.code()));
        }
        if (theirs.version() != MuxHello.VERSION) {
            throw new MuxProtocolException("Unsupported multiplexing protocol version "
                    + Integer.toUnsignedString(theirs.version()) + " (expected " + MuxHello.VERSION + ")");
        }
        return theirs;
    }

    /** The master's hello (version and extensions). */
    public MuxHello masterHello() {
        return masterHello;
    }

    public Path path() {
        return socket.path();
    }

    /** Whether the master offers {@code conninfo}/{@code channels} (the {@code info} extension, OpenSSH 10.3+). */
    public boolean supportsInfo() {
        return masterHello.hasExtension("info");
    }

    /** ALIVE_CHECK: the master's pid. */
    public long check() throws IOException {
        MuxReply r = exchange(new MuxRequest.AliveCheck(nextRequestId));
        if (r instanceof MuxReply.Alive a) {
            return Integer.toUnsignedLong(a.pid());
        }
        throw unexpected(r);
    }

    /** STOP_LISTENING: the master removes its socket and exits once its last channel closes. */
    public void stop() throws IOException {
        MuxReply r = exchange(new MuxRequest.StopListening(nextRequestId));
        if (!(r instanceof MuxReply.Ok)) {
            throw unexpected(r);
        }
    }

    /**
     * TERMINATE: the master exits. A master that closes the connection before its reply arrives has done what was
     * asked, so that counts as success (as for {@code ssh -O exit}).
     */
    public void exit() throws IOException {
        MuxReply r;
        try {
            r = exchange(new MuxRequest.Terminate(nextRequestId));
        } catch (PeerClosedException e) {
            return;
        }
        if (!(r instanceof MuxReply.Ok)) {
            throw unexpected(r);
        }
    }

    /**
     * OPEN_FWD.
     *
     * @return the port the server allocated, for a remote forward with listen port 0
     */
    public OptionalInt forward(Forward forward) throws IOException {
        MuxReply r = exchange(new MuxRequest.OpenForward(nextRequestId, forward));
        if (r instanceof MuxReply.Ok) {
            return OptionalInt.empty();
        }
        if (r instanceof MuxReply.RemotePort p) {
            return OptionalInt.of(p.port());
        }
        throw unexpected(r);
    }

    /** CLOSE_FWD. */
    public void cancel(Forward forward) throws IOException {
        MuxReply r = exchange(new MuxRequest.CloseForward(nextRequestId, forward));
        if (!(r instanceof MuxReply.Ok)) {
            throw unexpected(r);
        }
    }

    /**
     * EXT_INFO (OpenSSH 10.3+): {@code "connection"} or {@code "channels"}.
     *
     * @throws MuxUnsupportedException if the master did not advertise {@code info}; nothing is sent then
     */
    public MuxReply.ExtInfo info(String name) throws IOException {
        if (!supportsInfo()) {
            throw new MuxUnsupportedException("mux server does not support info request");
        }
        MuxReply r = exchange(new MuxRequest.ExtInfo(nextRequestId, name));
        if (r instanceof MuxReply.ExtInfo i) {
            return i;
        }
        throw unexpected(r);
    }

    /**
     * Opens a session that runs {@code spec} with the given descriptors as its stdin, stdout and stderr. Needs a
     * client connected with {@code passDescriptors}. The connection then belongs to the session; this client can
     * make no further requests.
     */
    public MuxSession openSession(SessionSpec spec, FileDescriptor stdin, FileDescriptor stdout,
                                  FileDescriptor stderr) throws IOException {
        if (!socket.canPassDescriptors()) {
            throw new IllegalStateException("sessions need a client connected with passDescriptors");
        }
        long pid = check();
        int rid = nextRequestId;
        MuxRequest.NewSession req = new MuxRequest.NewSession(rid, spec.wantTty(), spec.wantX11(), spec.wantAgent(),
                spec.subsystem(), spec.escapeChar(), spec.term(), spec.command(), spec.env());
        Deadline deadline = Deadline.after(options.timeout());
        send(req, deadline);
        socket.sendDescriptor(stdin);
        socket.sendDescriptor(stdout);
        socket.sendDescriptor(stderr);
        MuxReply r = receive(rid, deadline, "the session request");
        if (r instanceof MuxReply.SessionOpened o) {
            nextRequestId++;
            retired = true;
            return new MuxSession(socket, o.sessionId(), pid, options.trace());
        }
        throw unexpected(r);
    }

    /** Sends one request and reads its reply, checking the request id; the one place ids are handled. */
    private MuxReply exchange(MuxRequest request) throws IOException {
        int rid = ((Correlated) request).requestId();
        Deadline deadline = Deadline.after(options.timeout());
        send(request, deadline);
        MuxReply r = receive(rid, deadline, "the request");
        nextRequestId++;
        return r;
    }

    private void send(MuxRequest request, Deadline deadline) throws IOException {
        if (retired) {
            throw new IllegalStateException("this connection belongs to a session now");
        }
        if (options.tracing()) {
            options.trace().accept(FrameLog.format(true, request));
        }
        socket.writeFrame(MuxCodec.frame(request), deadline);
    }

    private MuxReply receive(int rid, Deadline deadline, String what) throws IOException {
        MuxReply r;
        try {
            r = MuxCodec.decodeReply(socket.readFrame(deadline));
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("master did not answer " + what + " within "
                    + options.timeout().toMillis() + " ms");
        }
        if (options.tracing()) {
            options.trace().accept(FrameLog.format(false, r));
        }
        if (r instanceof Correlated c && c.requestId() != rid) {
            throw new MuxProtocolException("out of sequence reply: my id " + Integer.toUnsignedString(rid)
                    + " theirs " + Integer.toUnsignedString(c.requestId()));
        }
        return r;
    }

    private static IOException unexpected(MuxReply r) {
        if (r instanceof MuxReply.PermissionDenied d) {
            return new MuxRequestDeniedException(MuxRequestDeniedException.Kind.PERMISSION_DENIED, d.reason());
        }
        if (r instanceof MuxReply.Failure f) {
            return new MuxRequestDeniedException(MuxRequestDeniedException.Kind.FAILURE, f.reason());
        }
        return new MuxProtocolException("unexpected response from master " + MuxType.hex(r.code()));
    }

    @Override
    public void close() throws IOException {
        if (!retired) {
            socket.close();
        }
    }

}
