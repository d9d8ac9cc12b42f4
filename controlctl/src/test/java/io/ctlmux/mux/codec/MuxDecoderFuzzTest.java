package io.ctlmux.mux.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The decoders either produce a message or throw MuxProtocolException; decoded messages re-encode stably. */
class MuxDecoderFuzzTest {
    @FuzzTest
    void decodeReply(byte[] body) {
        MuxReply r;
        try {
            r = MuxCodec.decodeReply(body);
        } catch (MuxProtocolException e) {
            return;
        }
        byte[] again = encodeIfAllowed(r);
        if (again != null) {
            try {
                assertEquals(r, MuxCodec.decodeReply(again));
            } catch (MuxProtocolException e) {
                throw new AssertionError("re-encoded message does not decode: " + r, e);
            }
        }
    }

    @FuzzTest
    void decodeRequest(byte[] body) {
        MuxRequest r;
        try {
            r = MuxCodec.decodeRequest(body);
        } catch (MuxProtocolException e) {
            return;
        }
        byte[] again = encodeIfAllowed(r);
        if (again != null) {
            try {
                assertArrayEquals(again, MuxCodec.encode(MuxCodec.decodeRequest(again)));
            } catch (MuxProtocolException e) {
                throw new AssertionError("re-encoded message does not decode: " + r, e);
            }
        }
    }

    private static byte[] encodeIfAllowed(MuxMessage m) {
        if (m instanceof MuxUnknown u && MuxType.fromCode(u.code()).isPresent()) {
            return null; // a known type in the wrong direction: the encoder refuses these on purpose
        }
        return MuxCodec.encode(m);
    }
}
