package io.ctlmux.config.match;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

/** The addresses of this machine's interfaces that are up, as {@code Match localnetwork} sees them (getifaddrs). */
@FunctionalInterface
public interface LocalAddresses {
    /**
     * IPv4 and IPv6 addresses of every up interface. IPv6 link-local addresses carry their scope id, as the
     * kernel reports them. Fails when the list cannot be read (OpenSSH then treats the criterion as false).
     */
    List<InetAddress> upInterfaceAddresses() throws IOException;
}
