package io.ctlmux.mux.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/** The one primitive a frame reader needs: read some bytes, waiting at most until the deadline. */
@FunctionalInterface
public interface WireInput {
    /**
     * Reads at most {@code dst.remaining()} bytes into {@code dst}.
     *
     * @return the number of bytes read (at least 1), or -1 at end of stream
     * @throws java.net.SocketTimeoutException when nothing arrived before the deadline
     */
    int read(ByteBuffer dst, Deadline deadline) throws IOException;
}
