package io.ctlmux.config.resolved;

import io.ctlmux.config.text.ByteText;
import java.nio.file.Path;

/**
 * A file or socket path exactly as OpenSSH would pass it to the operating system: its bytes, carried as a String
 * with one char per byte (0x00-0xFF, ISO-8859-1 decoding), as every config value is.
 *
 * @param bytes the path's bytes, one char each
 */
public record BytePath(String bytes) {
    public BytePath {
        if (bytes == null || bytes.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
    }

    /** The path for JDK file APIs, reaching the kernel as these bytes ({@link ByteText#path}). */
    public Path toPath() {
        return ByteText.path(bytes);
    }

    /** The number of bytes (what sun_path's limit counts). */
    public int length() {
        return bytes.length();
    }

    @Override
    public String toString() {
        return bytes;
    }
}
