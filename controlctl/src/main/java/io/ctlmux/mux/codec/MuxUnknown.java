package io.ctlmux.mux.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A message whose type this side does not expect in this direction; kept whole so the caller can report it.
 *
 * @param code the type code
 * @param body the bytes after the type code
 */
public record MuxUnknown(int code, byte[] body) implements MuxRequest, MuxReply {
    public MuxUnknown {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MuxUnknown u && u.code == code && Arrays.equals(u.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "MuxUnknown[" + MuxType.hex(code) + ", " + HexFormat.of().formatHex(body) + "]";
    }
}
