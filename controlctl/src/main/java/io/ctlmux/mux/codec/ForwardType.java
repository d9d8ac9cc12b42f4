package io.ctlmux.mux.codec;

import java.util.Optional;

/**
 * The forwarding type of OPEN_FWD / CLOSE_FWD. Only these three values exist, so a request with any other value (which
 * kills real masters) cannot be built.
 */
public enum ForwardType {
    LOCAL(1),
    REMOTE(2),
    DYNAMIC(3);

    private final int code;

    ForwardType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ForwardType> fromCode(int code) {
        for (ForwardType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
