package io.ctlmux.mux.transport;

import io.ctlmux.mux.codec.MuxCodec;
import io.ctlmux.mux.codec.MuxProtocolException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads exactly one frame: the 4-byte header, a length check, then exactly the body. Never reads past the frame, so
 * descriptors or data that follow on the socket are left alone.
 */
public final class Frames {
    private Frames() {
    }

    /**
     * Reads one frame body.
     *
     * @throws PeerClosedException   if the stream ended before the first header byte
     * @throws MuxProtocolException  if it ended inside a frame, or the length is out of range
     * @throws java.net.SocketTimeoutException if the deadline passed
     */
    public static byte[] readFrame(WireInput in, Deadline deadline) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4);
        if (!fill(in, header, deadline)) {
            if (header.position() == 0) {
                throw new PeerClosedException("master closed the connection");
            }
            throw new MuxProtocolException("master closed the connection inside a frame header ("
                    + header.position() + " of 4 bytes)");
        }
        int len = MuxCodec.checkFrameLength(header.getInt(0));
        ByteBuffer body = ByteBuffer.allocate(len);
        if (!fill(in, body, deadline)) {
            throw new MuxProtocolException("master closed the connection inside a frame (" + body.position()
                    + " of " + len + " bytes)");
        }
        return body.array();
    }

    /** Fills {@code buf}; false if the stream ended first. */
    private static boolean fill(WireInput in, ByteBuffer buf, Deadline deadline) throws IOException {
        while (buf.hasRemaining()) {
            int n = in.read(buf, deadline);
            if (n < 0) {
                return false;
            }
        }
        return true;
    }
}
