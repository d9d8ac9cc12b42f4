package io.ctlmux.config.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.match.Cidr;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemLocalAddressesTest {
    @Test
    void loopbackIsUpAndMatchesLocalnetwork() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/sys/class/net/lo")), "no Linux loopback interface");
        List<InetAddress> addrs = new SystemLocalAddresses().upInterfaceAddresses();
        assertTrue(addrs.contains(InetAddress.getByName("127.0.0.1")), addrs::toString);
        assertTrue(Cidr.anyMatch(Cidr.parseList("192.0.2.0/24,127.0.0.0/8"), addrs));
        assertFalse(Cidr.anyMatch(Cidr.parseList("0.0.0.0/32,255.255.255.255/32"), addrs));
        // link-local addresses come with their scope id, as from getifaddrs, so OpenSSH never matches them
        List<InetAddress> linkLocal = addrs.stream().filter(InetAddress::isLinkLocalAddress).toList();
        assertFalse(Cidr.anyMatch(Cidr.parseList("fe80::/10,169.254.0.0/16"), linkLocal), linkLocal::toString);
    }
}
