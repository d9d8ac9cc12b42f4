package io.ctlmux.config.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of one config file (or of the command line), with the name OpenSSH uses for it in messages.
 * OpenSSH works on bytes; ctlmux decodes them as ISO-8859-1 so that every byte maps to one char and
 * printing the text back as ISO-8859-1 gives the input byte for byte.
 */
public final class SourceText {
    private final String name;
    private final String text;

    private SourceText(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
    }

    /** A file's bytes; {@code name} is the path as OpenSSH would print it. */
    public static SourceText ofBytes(String name, byte[] bytes) {
        return new SourceText(name, new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Text whose chars are all below 256 (one char per byte). */
    public static SourceText of(String name, String latin1Text) {
        for (int i = 0; i < latin1Text.length(); i++) {
            if (latin1Text.charAt(i) > 0xff) {
                // Re-encode as UTF-8 bytes so that the one-char-per-byte rule holds.
                return ofBytes(name, latin1Text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new SourceText(name, latin1Text);
    }

    public String name() {
        return name;
    }

    /** The content, one char per byte (ISO-8859-1). */
    public String text() {
        return text;
    }

    public byte[] bytes() {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return name + " (" + text.length() + " bytes)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceText s && s.name.equals(name) && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {name, text});
    }
}
