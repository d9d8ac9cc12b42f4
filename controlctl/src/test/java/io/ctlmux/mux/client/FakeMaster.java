package io.ctlmux.mux.client;

import io.ctlmux.mux.codec.MuxCodec;
import io.ctlmux.mux.codec.MuxMessage;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A scripted mux master on a temporary socket: accepts one client and runs the script on it. */
final class FakeMaster implements Closeable {
    interface Script {
        void run(Conn c) throws Exception;
    }

    /** The master side of one connection, using the same codec as the client. */
    static final class Conn {
        final SocketChannel ch;

        Conn(SocketChannel ch) {
            this.ch = ch;
        }

        void raw(byte[] bytes) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }

        void send(MuxMessage m) throws IOException {
            raw(MuxCodec.frame(m));
        }

        /** Reads one frame body from the client (blocking). */
        byte[] readFrame() throws IOException {
            ByteBuffer h = ByteBuffer.allocate(4);
            fill(h);
            ByteBuffer body = ByteBuffer.allocate(MuxCodec.checkFrameLength(h.getInt(0)));
            fill(body);
            return body.array();
        }

        private void fill(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                if (ch.read(b) < 0) {
                    throw new IOException("client closed");
                }
            }
        }

        /** Reads until the client closes; true if it did. */
        boolean awaitClose() throws IOException {
            ByteBuffer b = ByteBuffer.allocate(256);
            while (ch.read(b) >= 0) {
                b.clear();
            }
            return true;
        }
    }

    final Path dir;
    final Path socket;
    private final ServerSocketChannel server;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    FakeMaster(Script script) throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "fm");
        socket = dir.resolve("s");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(() -> {
            try (SocketChannel ch = server.accept()) {
                script.run(new Conn(ch));
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "fake-master");
        t.setDaemon(true);
        t.start();
    }

    void awaitScript() throws Exception {
        done.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }
}
