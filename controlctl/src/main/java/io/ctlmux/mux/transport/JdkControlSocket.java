package io.ctlmux.mux.transport;

import java.io.FileDescriptor;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** A control socket on the JDK's own Unix-domain channels: fast to start, no descriptor passing. */
final class JdkControlSocket implements ControlSocket {
    private final Path path;
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;

    private JdkControlSocket(Path path, SocketChannel channel, Selector selector, SelectionKey key) {
        this.path = path;
        this.channel = channel;
        this.selector = selector;
        this.key = key;
    }

    /** Initialises the JDK's Unix-domain channels (and the SecureRandom they create) without connecting. */
    static void prepare() throws IOException {
        SocketChannel.open(StandardProtocolFamily.UNIX).close();
        Selector.open().close();
    }

    static JdkControlSocket connect(Path path, Deadline deadline) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector sel = null;
        try {
            ch.configureBlocking(false);
            sel = Selector.open();
            SelectionKey key = ch.register(sel, 0);
            JdkControlSocket s = new JdkControlSocket(path, ch, sel, key);
            if (!ch.connect(UnixDomainSocketAddress.of(path))) {
                while (!ch.finishConnect()) {
                    s.await(SelectionKey.OP_CONNECT, deadline, "connection");
                }
            }
            return s;
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (sel != null) {
                sel.close();
            }
            throw e;
        }
    }

    private void await(int op, Deadline deadline, String what) throws IOException {
        key.interestOps(op);
        try {
            long ms = deadline.remainingMillis();
            if (ms == 0) {
                throw deadline.timeout(what + " from master");
            }
            int n = deadline.isNone() ? selector.select() : selector.select(ms);
            selector.selectedKeys().clear();
            if (n == 0) {
                deadline.check(what + " from master");
            }
        } finally {
            key.interestOps(0);
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public void writeFrame(byte[] frame, Deadline deadline) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(frame);
        while (buf.hasRemaining()) {
            if (channel.write(buf) == 0) {
                await(SelectionKey.OP_WRITE, deadline, "room to write");
            }
        }
    }

    @Override
    public byte[] readFrame(Deadline deadline) throws IOException {
        return Frames.readFrame(this::read, deadline);
    }

    private int read(ByteBuffer dst, Deadline deadline) throws IOException {
        while (true) {
            int n = channel.read(dst);
            if (n != 0) {
                return n;
            }
            await(SelectionKey.OP_READ, deadline, "data");
        }
    }

    @Override
    public boolean canPassDescriptors() {
        return false;
    }

    @Override
    public void sendDescriptor(FileDescriptor fd) {
        throw new UnsupportedOperationException("this control socket cannot pass descriptors");
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
