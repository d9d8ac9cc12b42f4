package io.ctlmux.config.eval;

import java.io.IOException;

/**
 * A configuration file that exists (or may exist) but cannot be opened: {@code fopen} failed with an error other than
 * ENOENT. The message is the system's wording of that error ({@code strerror}), as ssh prints it, e.g. "Permission
 * denied" or "Too many levels of symbolic links".
 */
public final class CannotOpenException extends IOException {
    private static final long serialVersionUID = 1L;

    public CannotOpenException(String reason) {
        super(reason);
    }
}
