package io.ctlmux.mux.codec;

import java.util.Objects;

/**
 * One forwarding as the mux protocol carries it. A host field holds a Unix socket path when its port is
 * {@link #PORT_STREAMLOCAL}; an empty listen host means the default bind address.
 *
 * @param type        local, remote or dynamic
 * @param listenHost  bind address, {@code ""} for the default, {@code "*"} for all, or a socket path
 * @param listenPort  0..65535 or {@link #PORT_STREAMLOCAL}
 * @param connectHost target host or socket path ({@code ""} for dynamic forwards)
 * @param connectPort 0..65535 or {@link #PORT_STREAMLOCAL}
 */
public record Forward(ForwardType type, String listenHost, int listenPort, String connectHost, int connectPort) {
    /** The port value that marks the host field as a Unix socket path (-2, sent as 0xfffffffe). */
    public static final int PORT_STREAMLOCAL = -2;

    public Forward {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(connectHost, "connectHost");
        checkPort("listen", listenPort);
        checkPort("connect", connectPort);
    }

    static boolean validPort(int port) {
        return port == PORT_STREAMLOCAL || (port >= 0 && port <= 65535);
    }

    private static void checkPort(String what, int port) {
        if (!validPort(port)) {
            throw new IllegalArgumentException(what + " port out of range: " + Integer.toUnsignedString(port));
        }
    }

    /** A short human description: {@code local [127.0.0.1]:8080 -> [host]:80}. */
    public String describe() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + " " + end(listenHost, listenPort) + " -> "
                + end(connectHost, connectPort);
    }

    private static String end(String host, int port) {
        return port == PORT_STREAMLOCAL ? host : "[" + host + "]:" + port;
    }
}
