package io.ctlmux.mux.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MuxCodecTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void clientHelloIsTypeAndVersionOnly() {
        assertEquals("00000008" + "00000001" + "00000004", hex(MuxCodec.frame(MuxHello.client())));
    }

    @Test
    void decodesTheHelloOfAn92Master() throws Exception {
        MuxReply r = MuxCodec.decodeReply(hex("00000001 00000004"));
        MuxHello h = assertInstanceOf(MuxHello.class, r);
        assertEquals(4, h.version());
        assertTrue(h.extensions().isEmpty());
        assertFalse(h.hasExtension("info"));
    }

    @Test
    void decodesTheHelloOfA103Master() throws Exception {
        byte[] body = hex("000000010000000400000004696e666f0000000130");
        MuxHello h = (MuxHello) MuxCodec.decodeReply(body);
        assertEquals(List.of(new MuxHello.Extension("info", "0")), h.extensions());
        assertTrue(h.hasExtension("info"));
        assertArrayEquals(body, MuxCodec.encode(h));
    }

    /** Mux strings are bytes: invalid UTF-8, Latin-1 and every byte value survive decoding and encoding. */
    @Test
    void stringsAreBytesAndRoundTripWhateverTheirEncoding() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int b = 1; b < 256; b++) {
            all.append((char) b);
        }
        String invalid = "echo \u00ff\u00fe\u00c0\u0080 \u00ed\u00a0\u0080"; // bytes ff fe c0 80 ed a0 80
        String utf8 = "cm\u00c3\u00bc"; // "cmü" as its UTF-8 bytes
        MuxRequest.NewSession s = new MuxRequest.NewSession(7, false, false, false, false, MuxRequest.ESCAPE_NONE,
                "xterm\u00e9", invalid, List.of("A=" + utf8, "B=" + all));
        byte[] body = MuxCodec.encode(s);
        assertTrue(hex(body).contains("0000000d" + "6563686f20" + "fffec080" + "20" + "eda080"), hex(body));
        assertEquals(s, MuxCodec.decodeRequest(body));
        assertArrayEquals(body, MuxCodec.encode(MuxCodec.decodeRequest(body)));

        // a master's error text with bytes that are not UTF-8 reaches the caller byte for byte
        MuxReply r = MuxCodec.decodeReply(hex("80000003" + "00000007" + "00000004" + "636dffc0"));
        assertEquals(new MuxReply.Failure(7, "cm\u00ff\u00c0"), r);
        assertArrayEquals(hex("80000003" + "00000007" + "00000004" + "636dffc0"), MuxCodec.encode(r));
    }

    @Test
    void aliveCheckGoldenFrame() {
        assertEquals("00000008" + "10000004" + "00000000", hex(MuxCodec.frame(new MuxRequest.AliveCheck(0))));
    }

    @Test
    void newSessionFlagsAreUint32() {
        byte[] body = MuxCodec.encode(new MuxRequest.NewSession(1, true, false, true, false,
                MuxRequest.ESCAPE_NONE, "xterm", "true", List.of("A=b")));
        assertEquals("10000002" + "00000001" + "00000000" // rid, reserved ""
                + "00000001" + "00000000" + "00000001" + "00000000" // tty, x11, agent, subsystem
                + "ffffffff" // escape none
                + "00000005" + hex("xterm".getBytes()) + "00000004" + hex("true".getBytes())
                + "00000003" + hex("A=b".getBytes()), hex(body));
    }

    @Test
    void openForwardGoldenAndStreamlocalPort() {
        Forward f = new Forward(ForwardType.LOCAL, "/tmp/l", Forward.PORT_STREAMLOCAL, "/tmp/r",
                Forward.PORT_STREAMLOCAL);
        assertEquals("10000006" + "00000007" + "00000001"
                + "00000006" + hex("/tmp/l".getBytes()) + "fffffffe"
                + "00000006" + hex("/tmp/r".getBytes()) + "fffffffe",
                hex(MuxCodec.encode(new MuxRequest.OpenForward(7, f))));
    }

    @Test
    void exitMessageGolden() throws Exception {
        MuxReply r = MuxCodec.decodeReply(hex("80000004 00000002 00000003"));
        assertEquals(new MuxReply.ExitMessage(2, 3), r);
    }

    static Stream<MuxMessage> everyMessage() {
        Forward remote = new Forward(ForwardType.REMOTE, "", 0, "localhost", 22);
        Forward dynamic = new Forward(ForwardType.DYNAMIC, "*", 1080, "socks", 0);
        return Stream.of(
                MuxHello.client(),
                new MuxHello(4, List.of(new MuxHello.Extension("info", "0"), new MuxHello.Extension("x", ""))),
                new MuxRequest.NewSession(3, false, true, false, true, '~', "", "cat", List.of()),
                new MuxRequest.NewSession(-1, true, true, true, true, MuxRequest.ESCAPE_NONE, "vt100", "",
                        List.of("LANG=C", "TERM=x")),
                new MuxRequest.AliveCheck(0),
                new MuxRequest.Terminate(0xfffffffe),
                new MuxRequest.OpenForward(1, remote),
                new MuxRequest.CloseForward(2, dynamic),
                new MuxRequest.NewStdioForward(4, "host", 22),
                new MuxRequest.NewStdioForward(4, "/run/sock", Forward.PORT_STREAMLOCAL),
                new MuxRequest.StopListening(5),
                new MuxRequest.Proxy(6),
                new MuxRequest.ExtInfo(7, "connection"),
                new MuxReply.Ok(1),
                new MuxReply.PermissionDenied(2, "Permission denied"),
                new MuxReply.Failure(3, "port not forwarded"),
                new MuxReply.ExitMessage(4, 255),
                new MuxReply.Alive(5, 12345),
                new MuxReply.SessionOpened(6, 2),
                new MuxReply.RemotePort(7, 40001),
                new MuxReply.TtyAllocFail(8),
                new MuxReply.Proxy(9),
                new MuxReply.ExtInfo(10, 1, "ssh connection:\r\n  -> 127.0.0.1:22\r\n"),
                new MuxUnknown(0x12345678, new byte[] {1, 2, 3}));
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void everyMessageRoundTrips(MuxMessage m) throws Exception {
        byte[] body = MuxCodec.encode(m);
        MuxMessage back = m instanceof MuxReply && !(m instanceof MuxHello) && !(m instanceof MuxUnknown)
                ? MuxCodec.decodeReply(body)
                : MuxCodec.decodeRequest(body);
        if (m instanceof MuxHello || m instanceof MuxUnknown) {
            assertEquals(m, MuxCodec.decodeReply(body));
        }
        assertEquals(m, back);
        byte[] frame = MuxCodec.frame(m);
        assertEquals(body.length, MuxCodec.checkFrameLength(java.nio.ByteBuffer.wrap(frame).getInt()));
    }

    @Test
    void trailingBytesAreTolerated() throws Exception {
        assertEquals(new MuxReply.Alive(0, 99), MuxCodec.decodeReply(hex("80000005 00000000 00000063 deadbeef")));
        assertEquals(new MuxRequest.AliveCheck(3), MuxCodec.decodeRequest(hex("10000004 00000003 00")));
    }

    @Test
    void frameLengthsOutsideTheLimitsAreRefusedBeforeAllocation() throws Exception {
        MuxProtocolException e = assertThrows(MuxProtocolException.class, () -> MuxCodec.checkFrameLength(0x80000000));
        assertEquals("frame length 2147483648 exceeds the limit of 262144 bytes", e.getMessage());
        assertThrows(MuxProtocolException.class, () -> MuxCodec.checkFrameLength(-1));
        assertThrows(MuxProtocolException.class, () -> MuxCodec.checkFrameLength(MuxCodec.MAX_FRAME + 1));
        assertThrows(MuxProtocolException.class, () -> MuxCodec.checkFrameLength(3));
        assertEquals(MuxCodec.MAX_FRAME, MuxCodec.checkFrameLength(MuxCodec.MAX_FRAME));
    }

    @Test
    void truncatedBodiesAreProtocolErrors() {
        MuxProtocolException e = assertThrows(MuxProtocolException.class,
                () -> MuxCodec.decodeReply(hex("80000005 00000000 0000")));
        assertEquals("truncated message: pid needs 4 bytes, 2 left", e.getMessage());
        assertThrows(MuxProtocolException.class, () -> MuxCodec.decodeReply(hex("8000")));
        // a string length larger than the body must not allocate it
        e = assertThrows(MuxProtocolException.class, () -> MuxCodec.decodeReply(hex("80000003 00000001 7fffffff 41")));
        assertEquals("truncated message: reason length 2147483647 exceeds the 1 bytes left", e.getMessage());
        assertThrows(MuxProtocolException.class, () -> MuxCodec.decodeReply(hex("00000001 00000004 00000004 696e666f")));
    }

    @Test
    void forwardingTypesOutsideOneToThreeCannotBeSentOrAccepted() {
        MuxProtocolException e = assertThrows(MuxProtocolException.class, () -> MuxCodec.decodeRequest(hex(
                "10000006 00000001 00000004 00000000 00000050 00000000 00000050")));
        assertEquals("invalid forwarding type 4 (expected 1, 2 or 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MuxCodec.encode(new MuxUnknown(MuxType.C_OPEN_FWD.code(), hex("00000001 00000004"))));
        assertThrows(IllegalArgumentException.class, () -> new Forward(ForwardType.LOCAL, "", 65536, "h", 1));
        assertThrows(MuxProtocolException.class, () -> MuxCodec.decodeRequest(hex(
                "10000007 00000001 00000001 00000000 00010000 00000000 00000050")));
    }

    @Test
    void requestCodesInAReplyPositionAreUnknown() throws Exception {
        MuxReply r = MuxCodec.decodeReply(hex("10000004 00000000"));
        assertEquals(MuxType.C_ALIVE_CHECK.code(), assertInstanceOf(MuxUnknown.class, r).code());
    }

    @Test
    void typeLookup() {
        assertEquals(MuxType.S_EXT_INFO, MuxType.fromCode(0x90000001).orElseThrow());
        assertTrue(MuxType.fromCode(0x10000003).isEmpty());
    }

    @Test
    void frameLogIsOneLine() {
        assertEquals("> ALIVE_CHECK rid=0", FrameLog.format(true, new MuxRequest.AliveCheck(0)));
        assertEquals("< HELLO version=4 \"info\"=\"0\"",
                FrameLog.format(false, new MuxHello(4, List.of(new MuxHello.Extension("info", "0")))));
        assertEquals("< EXT_INFO rid=4294967295 status=1 text=\"a\\r\\nb\\x01\"",
                FrameLog.format(false, new MuxReply.ExtInfo(-1, 1, "a\r\nb\u0001")));
        assertEquals("> OPEN_FWD rid=2 remote [*]:0 -> /tmp/s", FrameLog.format(true, new MuxRequest.OpenForward(2,
                new Forward(ForwardType.REMOTE, "*", 0, "/tmp/s", Forward.PORT_STREAMLOCAL))));
        everyMessage().forEach(m -> assertFalse(FrameLog.describe(m).contains("\n"), m.toString()));
    }
}
