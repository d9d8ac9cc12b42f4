package io.ctlmux.mux.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.mux.codec.Forward;
import io.ctlmux.mux.codec.ForwardType;
import io.ctlmux.mux.codec.MuxCodec;
import io.ctlmux.mux.codec.MuxHello;
import io.ctlmux.mux.codec.MuxProtocolException;
import io.ctlmux.mux.codec.MuxReply;
import io.ctlmux.mux.codec.MuxRequest;
import io.ctlmux.mux.codec.MuxRequestDeniedException;
import io.ctlmux.mux.transport.ControlSocketException;
import io.ctlmux.mux.transport.PeerClosedException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** MuxClient against a scripted master, including hostile ones: every case ends with a clear error in time. */
class MuxClientTest {
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final MuxClientOptions OPTS = MuxClientOptions.defaults().withTimeout(TIMEOUT);

    /** The options every test connects with; {@link MuxClientJunixTest} runs the same tests over junixsocket. */
    MuxClientOptions opts() {
        return OPTS;
    }

    private static MuxHello hello(FakeMaster.Conn c) throws IOException {
        c.send(new MuxHello(4, List.of()));
        return (MuxHello) MuxCodec.decodeRequest(c.readFrame());
    }

    private static <T extends Throwable> T failsWithin(Class<T> type, Executable e) {
        long start = System.nanoTime();
        T t = assertThrows(type, e);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < TIMEOUT.toMillis() + 2000, "took " + ms + " ms");
        return t;
    }

    @Test
    void checkReturnsThePidAndCountsRequestIds() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            assertEquals(MuxHello.client(), hello(c));
            for (int i = 0; i < 2; i++) {
                MuxRequest.AliveCheck a = (MuxRequest.AliveCheck) MuxCodec.decodeRequest(c.readFrame());
                assertEquals(i, a.requestId());
                c.send(new MuxReply.Alive(a.requestId(), 4242));
            }
        }); MuxClient client = MuxClient.connect(m.socket, opts())) {
            assertEquals(4242, client.check());
            assertEquals(4242, client.check());
            m.awaitScript();
        }
    }

    @Test
    void wrongProtocolVersion() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            c.send(new MuxHello(5, List.of()));
            c.awaitClose();
        })) {
            MuxProtocolException e = failsWithin(MuxProtocolException.class, () -> MuxClient.connect(m.socket, opts()));
            assertEquals("Unsupported multiplexing protocol version 5 (expected 4)", e.getMessage());
        }
    }

    @Test
    void garbageInsteadOfAHello() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            c.raw("SSH-2.0-OpenSSH_9.2\r\n".getBytes());
            c.awaitClose();
        })) {
            MuxProtocolException e = failsWithin(MuxProtocolException.class, () -> MuxClient.connect(m.socket, opts()));
            assertEquals("frame length 1397966893 exceeds the limit of 262144 bytes", e.getMessage());
        }
    }

    @Test
    void aReplyThatIsNotAHello() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            c.send(new MuxReply.Ok(0));
            c.awaitClose();
        })) {
            MuxProtocolException e = failsWithin(MuxProtocolException.class, () -> MuxClient.connect(m.socket, opts()));
            assertEquals("expected HELLO (1) got 2147483649", e.getMessage());
        }
    }

    @Test
    void twoGigabyteLengthHeader() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            c.readFrame();
            c.raw(HexFormat.of().parseHex("80000000"));
            c.awaitClose();
        }); MuxClient client = MuxClient.connect(m.socket, opts())) {
            MuxProtocolException e = failsWithin(MuxProtocolException.class, client::check);
            assertEquals("frame length 2147483648 exceeds the limit of 262144 bytes", e.getMessage());
        }
    }

    @Test
    void silenceAfterAccept() throws Exception {
        try (FakeMaster m = new FakeMaster(FakeMaster.Conn::awaitClose)) {
            SocketTimeoutException e = failsWithin(SocketTimeoutException.class,
                    () -> MuxClient.connect(m.socket, opts()));
            assertEquals("master did not send its hello within 400 ms", e.getMessage());
        }
    }

    @Test
    void silenceAfterARequest() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            c.awaitClose();
        }); MuxClient client = MuxClient.connect(m.socket, opts())) {
            SocketTimeoutException e = failsWithin(SocketTimeoutException.class, client::check);
            assertEquals("master did not answer the request within 400 ms", e.getMessage());
        }
    }

    @Test
    void replyWithTheWrongRequestId() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            c.readFrame();
            c.send(new MuxReply.Alive(5, 1));
            c.awaitClose();
        }); MuxClient client = MuxClient.connect(m.socket, opts())) {
            MuxProtocolException e = failsWithin(MuxProtocolException.class, client::check);
            assertEquals("out of sequence reply: my id 0 theirs 5", e.getMessage());
        }
    }

    @Test
    void closeInTheMiddleOfAFrame() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            c.readFrame();
            byte[] f = MuxCodec.frame(new MuxReply.Alive(0, 77));
            c.raw(java.util.Arrays.copyOf(f, 7));
        }); MuxClient client = MuxClient.connect(m.socket, opts())) {
            MuxProtocolException e = failsWithin(MuxProtocolException.class, client::check);
            assertEquals("master closed the connection inside a frame (3 of 12 bytes)", e.getMessage());
        }
    }

    @Test
    void closeBeforeTheHello() throws Exception {
        // the master closes with our hello unread: the client sees EOF, a reset or (writing the hello after the
        // close) a broken pipe, never a hang
        try (FakeMaster m = new FakeMaster(c -> { })) {
            IOException e = failsWithin(IOException.class, () -> MuxClient.connect(m.socket, opts()));
            assertTrue(e instanceof PeerClosedException || e.getMessage().contains("reset")
                    || e.getMessage().contains("Broken pipe"), e.toString());
        }
    }

    @Test
    void exitCountsAnEarlyCloseAsSuccess() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            assertInstanceOf(MuxRequest.Terminate.class, MuxCodec.decodeRequest(c.readFrame()));
        }); MuxClient client = MuxClient.connect(m.socket, opts())) {
            client.exit();
            m.awaitScript();
        }
    }

    @Test
    void refusalsCarryTheirKindAndReason() throws Exception {
        Forward f = new Forward(ForwardType.REMOTE, "", 0, "localhost", 22);
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            MuxRequest.OpenForward o = (MuxRequest.OpenForward) MuxCodec.decodeRequest(c.readFrame());
            assertEquals(f, o.forward());
            c.send(new MuxReply.RemotePort(o.requestId(), 40123));
            c.send(new MuxReply.Failure(((MuxRequest.CloseForward) MuxCodec.decodeRequest(c.readFrame()))
                    .requestId(), "port not forwarded"));
            c.send(new MuxReply.PermissionDenied(((MuxRequest.StopListening) MuxCodec.decodeRequest(c.readFrame()))
                    .requestId(), "Permission denied"));
            c.awaitClose();
        }); MuxClient client = MuxClient.connect(m.socket, opts())) {
            assertEquals(OptionalInt.of(40123), client.forward(f));
            MuxRequestDeniedException e = assertThrows(MuxRequestDeniedException.class, () -> client.cancel(f));
            assertEquals(MuxRequestDeniedException.Kind.FAILURE, e.kind());
            assertEquals("port not forwarded", e.reason());
            e = assertThrows(MuxRequestDeniedException.class, client::stop);
            assertEquals(MuxRequestDeniedException.Kind.PERMISSION_DENIED, e.kind());
        }
    }

    @Test
    void infoIsNotSentUnlessTheMasterAdvertisedIt() throws Exception {
        List<byte[]> seen = new ArrayList<>();
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            try {
                while (true) {
                    seen.add(c.readFrame());
                }
            } catch (IOException closed) {
                // client went away
            }
        })) {
            try (MuxClient client = MuxClient.connect(m.socket, opts())) {
                MuxUnsupportedException e = assertThrows(MuxUnsupportedException.class,
                        () -> client.info("connection"));
                assertEquals("mux server does not support info request", e.getMessage());
            }
            m.awaitScript();
            assertEquals(0, seen.size());
        }
    }

    @Test
    void infoFromA103Master() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            c.send(new MuxHello(4, List.of(new MuxHello.Extension("info", "0"))));
            MuxCodec.decodeRequest(c.readFrame());
            MuxRequest.ExtInfo q = (MuxRequest.ExtInfo) MuxCodec.decodeRequest(c.readFrame());
            assertEquals("channels", q.name());
            c.send(new MuxReply.ExtInfo(q.requestId(), 1, "#0 x\r\n"));
            c.awaitClose();
        }); MuxClient client = MuxClient.connect(m.socket, opts())) {
            assertTrue(client.supportsInfo());
            assertEquals("#0 x\r\n", client.info("channels").text());
        }
    }

    /** Bytes a real OpenSSH 10.5p1 master sent, recorded with a socket proxy ({@code ssh -O channels}). */
    private static final String MASTER_105_HELLO = "00000015000000010000000400000004696e666f0000000130";
    private static final String MASTER_105_CHANNELS_REPLY =
            "000001809000000100000000000000010000017054686520666f6c6c6f77696e6720636f6e6e656374696f6e73206172"
            + "65206f70656e3a0d0a20202331206d75782d636f6e74726f6c2028743136205b6d75782d636f6e74726f6c5d206e7230"
            + "206d302069302f30206f302f3020655b636c6f7365645d2f3020666420352f352f2d3120736f636b2035206363202d31"
            + "20633220696f20307830312f307830302049290d0a2020233220636c69656e742d73657373696f6e20287434205b7365"
            + "7373696f6e3a636f6d6d616e645d207230206e6d302069332f30206f302f3020655b77726974655d2f30206664202d31"
            + "2f382f3920736f636b202d312063632031206e633020696f20307830302f307830302042290d0a20202334206d75782d"
            + "636f6e74726f6c2028743136205b6d75782d636f6e74726f6c5d206e7230206d302069302f30206f302f3020655b636c"
            + "6f7365645d2f3020666420362f362f2d3120736f636b2036206363202d31206e633020696f20307830312f3078303120"
            + "49290d0a";
    /** What the 10.5 client sent to it: its hello, then MUX_C_EXT_INFO id 0 "channels". */
    private static final String CLIENT_105_HELLO = "0000000100000004";
    private static final String CLIENT_105_CHANNELS = "2000000100000000000000086368616e6e656c73";

    @Test
    void infoAgainstTheRecordedBytesOfA105Master() throws Exception {
        HexFormat hex = HexFormat.of();
        try (FakeMaster m = new FakeMaster(c -> {
            c.raw(hex.parseHex(MASTER_105_HELLO));
            assertEquals(CLIENT_105_HELLO, hex.formatHex(c.readFrame()));
            assertEquals(CLIENT_105_CHANNELS, hex.formatHex(c.readFrame()));
            c.raw(hex.parseHex(MASTER_105_CHANNELS_REPLY));
            c.awaitClose();
        }); MuxClient client = MuxClient.connect(m.socket, opts())) {
            assertTrue(client.supportsInfo());
            MuxReply.ExtInfo info = client.info("channels");
            assertEquals(1, info.status());
            assertEquals(String.join("\r\n", "The following connections are open:",
                    "  #1 mux-control (t16 [mux-control] nr0 m0 i0/0 o0/0 e[closed]/0 fd 5/5/-1 sock 5 cc -1 c2 "
                            + "io 0x01/0x00 I)",
                    "  #2 client-session (t4 [session:command] r0 nm0 i3/0 o0/0 e[write]/0 fd -1/8/9 sock -1 cc 1 "
                            + "nc0 io 0x00/0x00 B)",
                    "  #4 mux-control (t16 [mux-control] nr0 m0 i0/0 o0/0 e[closed]/0 fd 6/6/-1 sock 6 cc -1 nc0 "
                            + "io 0x01/0x01 I)", ""), info.text());
        }
    }

    @Test
    void sessionPassesThreeDescriptorsAndReturnsTheExitStatus() throws Exception {
        Path tmp = Files.createTempFile("mux", ".txt");
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            MuxRequest.AliveCheck a = (MuxRequest.AliveCheck) MuxCodec.decodeRequest(c.readFrame());
            c.send(new MuxReply.Alive(a.requestId(), 99));
            MuxRequest.NewSession s = (MuxRequest.NewSession) MuxCodec.decodeRequest(c.readFrame());
            assertEquals("exit 3", s.command());
            ByteBuffer fdBytes = ByteBuffer.allocate(3);
            while (fdBytes.hasRemaining()) {
                if (c.ch.read(fdBytes) < 0) {
                    throw new IOException("closed before three descriptor messages");
                }
            }
            assertEquals("000000", HexFormat.of().formatHex(fdBytes.array()));
            c.send(new MuxReply.SessionOpened(s.requestId(), 7));
            c.send(new MuxReply.ExitMessage(7, 3));
        }); FileInputStream in = new FileInputStream(tmp.toFile());
             FileOutputStream out = new FileOutputStream(tmp.toFile())) {
            MuxClient client = MuxClient.connect(m.socket, opts().withPassDescriptors(true));
            MuxSession s = client.openSession(SessionSpec.command("exit 3"), in.getFD(), out.getFD(),
                    FileDescriptor.err);
            assertEquals(99, s.masterPid());
            assertEquals(3, s.waitForExitCode());
            m.awaitScript();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Test
    void closingASessionFromAnotherThreadEndsItsWait() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            c.send(new MuxReply.Alive(((MuxRequest.AliveCheck) MuxCodec.decodeRequest(c.readFrame())).requestId(),
                    1));
            MuxRequest.NewSession s = (MuxRequest.NewSession) MuxCodec.decodeRequest(c.readFrame());
            c.ch.read(ByteBuffer.allocate(3));
            c.send(new MuxReply.SessionOpened(s.requestId(), 7));
            assertTrue(c.awaitClose(), "the master sees the session's connection close");
            Thread.sleep(2000); // holds its end open: the wait must end by the client's close alone
        })) {
            MuxClient client = MuxClient.connect(m.socket, opts().withPassDescriptors(true));
            MuxSession s = client.openSession(SessionSpec.command("sleep 60"), FileDescriptor.in,
                    FileDescriptor.out, FileDescriptor.err);
            java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
            Thread closer = new Thread(() -> {
                try {
                    waiting.await();
                    Thread.sleep(300);
                    s.close();
                } catch (InterruptedException | IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            closer.setDaemon(true);
            closer.start();
            long t0 = System.nanoTime();
            waiting.countDown();
            assertThrows(java.nio.channels.AsynchronousCloseException.class, s::waitFor);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 1500, "took " + ms + " ms");
            m.awaitScript();
            assertThrows(java.nio.channels.AsynchronousCloseException.class, s::waitFor, "and stays ended");
        }
    }

    @Test
    void aRefusedTtyIsReportedWhenItHappensNotWhenTheSessionEnds() throws Exception {
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            c.send(new MuxReply.Alive(((MuxRequest.AliveCheck) MuxCodec.decodeRequest(c.readFrame())).requestId(),
                    1));
            MuxRequest.NewSession s = (MuxRequest.NewSession) MuxCodec.decodeRequest(c.readFrame());
            ByteBuffer fdBytes = ByteBuffer.allocate(3);
            while (fdBytes.hasRemaining() && c.ch.read(fdBytes) >= 0) {
                // all three descriptor messages, so that closing later is not a reset
            }
            c.send(new MuxReply.SessionOpened(s.requestId(), 7));
            c.send(new MuxReply.TtyAllocFail(7));
            assertTrue(reported.await(10, java.util.concurrent.TimeUnit.SECONDS),
                    "the client reacts while the session still runs");
            c.send(new MuxReply.ExitMessage(7, 0));
        })) {
            MuxClient client = MuxClient.connect(m.socket, opts().withPassDescriptors(true));
            MuxSession s = client.openSession(new SessionSpec("", true, "xterm", List.of(), false,
                    MuxRequest.ESCAPE_NONE, false, false), FileDescriptor.in, FileDescriptor.out, FileDescriptor.err);
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            assertEquals(0, s.waitForExitCode(() -> {
                calls.incrementAndGet();
                reported.countDown();
            }));
            assertEquals(1, calls.get());
            assertTrue(s.ttyRefused());
            m.awaitScript();
        }
    }

    @Test
    void sessionExitForAnotherSessionIsAnError() throws Exception {
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            c.send(new MuxReply.Alive(((MuxRequest.AliveCheck) MuxCodec.decodeRequest(c.readFrame())).requestId(),
                    1));
            MuxRequest.NewSession s = (MuxRequest.NewSession) MuxCodec.decodeRequest(c.readFrame());
            c.ch.read(ByteBuffer.allocate(3));
            c.send(new MuxReply.SessionOpened(s.requestId(), 7));
            c.send(new MuxReply.ExitMessage(8, 0));
            c.awaitClose();
        })) {
            MuxClient client = MuxClient.connect(m.socket, opts().withPassDescriptors(true));
            MuxSession s = client.openSession(SessionSpec.command("true"), FileDescriptor.in, FileDescriptor.out,
                    FileDescriptor.err);
            MuxProtocolException e = assertThrows(MuxProtocolException.class, s::waitFor);
            assertEquals("exit on unknown session: my id 7 theirs 8", e.getMessage());
            s.close();
        }
    }

    @Test
    void missingStaleAndNotASocket() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "cs");
        try {
            ControlSocketException e = assertThrows(ControlSocketException.class,
                    () -> MuxClient.connect(dir.resolve("none"), opts()));
            assertEquals(ControlSocketException.Kind.MISSING, e.kind());
            assertEquals("Control socket connect(" + dir.resolve("none") + "): No such file or directory",
                    e.getMessage());
            Path stale = dir.resolve("stale");
            try (var s = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                s.bind(java.net.UnixDomainSocketAddress.of(stale));
            }
            e = assertThrows(ControlSocketException.class, () -> MuxClient.connect(stale, opts()));
            assertEquals(ControlSocketException.Kind.REFUSED, e.kind());
            assertEquals("Control socket connect(" + stale + "): Connection refused", e.getMessage());
            Path file = Files.createFile(dir.resolve("file"));
            e = assertThrows(ControlSocketException.class, () -> MuxClient.connect(file, opts()));
            assertEquals(ControlSocketException.Kind.NOT_A_SOCKET, e.kind());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void foreignSocketsAreRefusedUnlessAllowed() throws Exception {
        assumeTrue(io.ctlmux.mux.transport.ControlSockets.currentUid() == 0,
                "needs root to give a socket to another uid");
        try (FakeMaster m = new FakeMaster(c -> {
            hello(c);
            MuxRequest.AliveCheck a = (MuxRequest.AliveCheck) MuxCodec.decodeRequest(c.readFrame());
            c.send(new MuxReply.Alive(a.requestId(), 5));
            c.awaitClose();
        })) {
            Files.setAttribute(m.socket, "unix:uid", 12345);
            ControlSocketException e = assertThrows(ControlSocketException.class,
                    () -> MuxClient.connect(m.socket, opts()));
            assertEquals(ControlSocketException.Kind.FOREIGN, e.kind());
            assertEquals("Control socket " + m.socket + " is owned by uid 12345, not by uid 0 or root; refusing to "
                    + "use it (--allow-foreign overrides)", e.getMessage());
            assertEquals(5, checkAllowed(m.socket));
        }
    }

    private long checkAllowed(Path socket) throws IOException {
        try (MuxClient c = MuxClient.connect(socket, opts().withAllowForeign(true))) {
            return c.check();
        }
    }
}
