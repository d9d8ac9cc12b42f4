package io.ctlmux.mux.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ctlmux.mux.codec.MuxCodec;
import io.ctlmux.mux.codec.MuxProtocolException;
import io.ctlmux.mux.codec.MuxReply;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Frame reading over in-memory inputs, including one that delivers a single byte per read. */
class FramesTest {
    enum Source {
        WHOLE(Integer.MAX_VALUE), TRICKLE(1), PAIRS(2);

        final int chunk;

        Source(int chunk) {
            this.chunk = chunk;
        }

        /** An input over {@code data} that hands out at most {@code chunk} bytes per read; counts bytes taken. */
        Counting over(byte[] data) {
            return new Counting(data, chunk);
        }
    }

    static final class Counting implements WireInput {
        final ByteBuffer data;
        final int chunk;

        Counting(byte[] bytes, int chunk) {
            this.data = ByteBuffer.wrap(bytes);
            this.chunk = chunk;
        }

        @Override
        public int read(ByteBuffer dst, Deadline deadline) {
            if (!data.hasRemaining()) {
                return -1;
            }
            int n = Math.min(Math.min(chunk, dst.remaining()), data.remaining());
            for (int i = 0; i < n; i++) {
                dst.put(data.get());
            }
            return n;
        }
    }

    private static final Deadline SOON = Deadline.after(Duration.ofSeconds(5));

    @ParameterizedTest
    @EnumSource(Source.class)
    void readsExactlyOneFrameAndNoMore(Source src) throws Exception {
        byte[] one = MuxCodec.frame(new MuxReply.Alive(0, 42));
        byte[] two = MuxCodec.frame(new MuxReply.Ok(1));
        byte[] both = ByteBuffer.allocate(one.length + two.length + 1).put(one).put(two).put((byte) 0).array();
        Counting in = src.over(both);
        assertArrayEquals(MuxCodec.encode(new MuxReply.Alive(0, 42)), Frames.readFrame(in, SOON));
        assertEquals(one.length, in.data.position(), "no read-ahead past the first frame");
        assertArrayEquals(MuxCodec.encode(new MuxReply.Ok(1)), Frames.readFrame(in, SOON));
        assertEquals(1, in.data.remaining());
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void endOfStreamBetweenFramesIsAPeerClose(Source src) {
        assertThrows(PeerClosedException.class, () -> Frames.readFrame(src.over(new byte[0]), SOON));
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void endOfStreamInsideAFrameIsAProtocolError(Source src) {
        byte[] cut = HexFormat.of().parseHex("0000000c800000050000");
        MuxProtocolException e = assertThrows(MuxProtocolException.class, () -> Frames.readFrame(src.over(cut), SOON));
        assertEquals("master closed the connection inside a frame (6 of 12 bytes)", e.getMessage());
        byte[] header = HexFormat.of().parseHex("0000");
        assertThrows(MuxProtocolException.class, () -> Frames.readFrame(src.over(header), SOON));
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void aTwoGigabyteHeaderIsRefusedWithoutReadingTheBody(Source src) {
        Counting in = src.over(HexFormat.of().parseHex("80000000ffffffff"));
        MuxProtocolException e = assertThrows(MuxProtocolException.class, () -> Frames.readFrame(in, SOON));
        assertEquals("frame length 2147483648 exceeds the limit of 262144 bytes", e.getMessage());
        assertEquals(4, in.data.position());
    }
}
