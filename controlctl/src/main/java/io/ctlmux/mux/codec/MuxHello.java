package io.ctlmux.mux.codec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code MUX_MSG_HELLO}, sent by both sides first. OpenSSH 10.3+ masters advertise the extension {@code info}.
 *
 * @param version    the protocol version (4)
 * @param extensions name/value pairs in wire order
 */
public record MuxHello(int version, List<Extension> extensions) implements MuxRequest, MuxReply {
    /** The only protocol version OpenSSH has used since 5.x. */
    public static final int VERSION = 4;

    public MuxHello {
        extensions = List.copyOf(extensions);
    }

    /** The stock client hello: version 4, no extensions. */
    public static MuxHello client() {
        return new MuxHello(VERSION, List.of());
    }

    public boolean hasExtension(String name) {
        return extension(name).isPresent();
    }

    public Optional<String> extension(String name) {
        return extensions.stream().filter(e -> e.name().equals(name)).map(Extension::value).findFirst();
    }

    @Override
    public int code() {
        return MuxType.HELLO.code();
    }

    /** One hello extension. */
    public record Extension(String name, String value) {
        public Extension {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
