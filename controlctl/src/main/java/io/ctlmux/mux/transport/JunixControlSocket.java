package io.ctlmux.mux.transport;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** A control socket over junixsocket, which can pass descriptors (SCM_RIGHTS). Loaded only when needed. */
final class JunixControlSocket implements ControlSocket {
    private final Path path;
    private final AFUNIXSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private JunixControlSocket(Path path, AFUNIXSocket socket) throws IOException {
        this.path = path;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Initialises junixsocket (native library, socket classes) without connecting. */
    static void prepare() throws IOException {
        AFUNIXSocket.newInstance().close();
    }

    static JunixControlSocket connect(Path path, Deadline deadline) throws IOException {
        AFUNIXSocket s = AFUNIXSocket.newInstance();
        try {
            long ms = deadline.remainingMillis();
            s.connect(AFUNIXSocketAddress.of(io.ctlmux.config.text.ByteText.pathBytes(path)), (int) Math.min(ms, Integer.MAX_VALUE));
            return new JunixControlSocket(path, s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public void writeFrame(byte[] frame, Deadline deadline) throws IOException {
        deadline.check("room to write to master");
        out.write(frame);
        out.flush();
    }

    @Override
    public byte[] readFrame(Deadline deadline) throws IOException {
        return Frames.readFrame(this::read, deadline);
    }

    private int read(ByteBuffer dst, Deadline deadline) throws IOException {
        long ms = deadline.remainingMillis();
        if (ms == 0) {
            throw deadline.timeout("data from master");
        }
        socket.setSoTimeout(deadline.isNone() ? 0 : (int) Math.min(ms, Integer.MAX_VALUE));
        try {
            int n;
            do {
                n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            } while (n == 0);
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        } catch (SocketTimeoutException e) {
            throw deadline.timeout("data from master");
        }
    }

    @Override
    public boolean canPassDescriptors() {
        return true;
    }

    @Override
    public void sendDescriptor(FileDescriptor fd) throws IOException {
        socket.setOutboundFileDescriptors(fd);
        try {
            out.write(0);
            out.flush();
        } finally {
            socket.setOutboundFileDescriptors((FileDescriptor[]) null);
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
