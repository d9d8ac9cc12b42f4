package io.ctlmux.config.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private static boolean inList(String address, String list) throws Exception {
        return Cidr.anyMatch(Cidr.parseList(list), List.of(ip(address)));
    }

    // The positive and plain-negative cases of regress/unittests/match/tests.c "addr_match_list" that a CIDR list
    // (no '!' and no wildcards in localnetwork) can express.
    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
        "127.0.0.1, 127.0.0.1, true",
        "127.0.0.1, 127.0.0.2, false",
        "127.0.0.255, 127.0.0.0/24, true",
        "127.0.1.1, 127.0.0.0/24, false",
        "127.0.0.1, 127.0.0.0/24, true",
        "127.0.0.1, 127.0.1.0/24, false",
        "127.0.0.1, '10.0.0.1,127.0.0.2', false",
        "127.0.0.1, '10.0.0.0/8,127.0.0.0/8', true",
        "10.1.2.3, 0.0.0.0/0, true",
        "::1, 0.0.0.0/0, false",
        "2001:db8::5, 2001:db8::/32, true",
        "2001:db9::5, 2001:db8::/32, false",
        "2001:db8::5, ::/0, true",
        "127.0.0.1, ::ffff:127.0.0.1, false",
        "10.0.0.1, 10.1, true",
        "10.0.0.1, 10.0.0.0/010, true",
        "8.0.0.1, 010.0.0.1, true",
        "1.2.0.3, 1.2.3, true",
    })
    void matching(String address, String list, boolean expected) throws Exception {
        assertEquals(expected, inList(address, list));
    }

    @Test
    void scopedIpv6AddressNeverMatchesAnUnscopedNetwork() throws Exception {
        List<Cidr> nets = Cidr.parseList("fe80::/10");
        InetAddress plain = ip("fe80::1");
        InetAddress scoped = Inet6Address.getByAddress(null, plain.getAddress(), 2);
        assertTrue(Cidr.anyMatch(nets, List.of(plain)));
        assertFalse(Cidr.anyMatch(nets, List.of(scoped)));
    }

    @Test
    void toStringShowsNetworkAndMask() throws Exception {
        assertEquals("[10.0.0.0/8, 0:0:0:0:0:0:0:1/128, 127.0.0.1/32]",
                Cidr.parseList("10.0.0.0/8,::1,127.1").toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "127.0.0.1/44, Inconsistent mask length for network \"127.0.0.1/44\"",
        "10.0.0.1/8, Inconsistent mask length for network \"10.0.0.1/8\"",
        "::1/129, Inconsistent mask length for network \"::1/129\"",
        "10.0.0.0/, Invalid network entry \"10.0.0.0/\"",
        "10.0.0.0/8/8, Invalid network entry \"10.0.0.0/8/8\"",
        "10.0.0.256, Invalid network entry \"10.0.0.256\"",
        "abc, Invalid network entry \"abc\"",
        "1:2:3:4:5:6::7:8, Invalid network entry \"1:2:3:4:5:6::7:8\"",
        "08.1.1.1, Invalid network entry \"08.1.1.1\"",
        "10.0.0.0/99999999999999999999, Invalid network entry \"10.0.0.0/99999999999999999999\"",
    })
    void invalidEntries(String list, String line) {
        CidrListException e = assertThrows(CidrListException.class, () -> Cidr.parseList(list));
        assertEquals(List.of(line), e.lines());
    }

    @Test
    void invalidCharactersAreReportedYetStillParsed() {
        CidrListException e = assertThrows(CidrListException.class, () -> Cidr.parseList("10.0.0.0/8,host.example"));
        assertEquals(List.of("addr_match_cidr_list: list entry \"host.example\" contains invalid characters",
                "Invalid network entry \"host.example\""), e.lines());
        // "0x0a000001" has an invalid char but parses (inet_aton hex), so the scan goes on to the next entry
        e = assertThrows(CidrListException.class, () -> Cidr.parseList("0x0a000001,1.2.3.4/33"));
        assertEquals(List.of("addr_match_cidr_list: list entry \"0x0a000001\" contains invalid characters",
                "Inconsistent mask length for network \"1.2.3.4/33\""), e.lines());
        e = assertThrows(CidrListException.class, () -> Cidr.parseList("fe80::1%2"));
        assertEquals(List.of("addr_match_cidr_list: list entry \"fe80::1%2\" contains invalid characters"), e.lines());
        e = assertThrows(CidrListException.class, () -> Cidr.parseList("10.0.0.0/ 8"));
        assertEquals(List.of("addr_match_cidr_list: list entry \"10.0.0.0/ 8\" contains invalid characters"),
                e.lines());
    }

    @Test
    void emptyEntryQuotesOnlyTheFirstEntry() {
        CidrListException e = assertThrows(CidrListException.class, () -> Cidr.parseList("10.0.0.0/8,1.2.3.4,,5.6.7.8"));
        assertEquals(List.of("addr_match_cidr_list: empty entry in list \"10.0.0.0/8\""), e.lines());
        e = assertThrows(CidrListException.class, () -> Cidr.parseList(",10.0.0.0/8"));
        assertEquals(List.of("addr_match_cidr_list: empty entry in list \"\""), e.lines());
        e = assertThrows(CidrListException.class, () -> Cidr.parseList("10.0.0.0/8,"));
        assertEquals(List.of("addr_match_cidr_list: empty entry in list \"10.0.0.0/8\""), e.lines());
        e = assertThrows(CidrListException.class, () -> Cidr.parseList(""));
        assertEquals(List.of("addr_match_cidr_list: empty entry in list \"\""), e.lines());
    }

    @Test
    void overlongEntry() {
        String entry = "1".repeat(50);
        CidrListException e = assertThrows(CidrListException.class, () -> Cidr.parseList("10.0.0.0/8," + entry));
        assertEquals(List.of("addr_match_cidr_list: list entry \"" + entry + "\" too long"), e.lines());
        assertThrows(CidrListException.class, () -> Cidr.parseList("1".repeat(49)));
    }

    // Expected values observed from glibc getaddrinfo(AI_NUMERICHOST) on Debian 12.
    @ParameterizedTest(name = "inet_aton {0} -> {1}")
    @CsvSource({
        "10.1, 10.0.0.1", "127.1, 127.0.0.1", "1, 0.0.0.1", "010.0.0.1, 8.0.0.1", "0xa.0.0.1, 10.0.0.1",
        "1.2.3, 1.2.0.3", "4294967295, 255.255.255.255", "1.16777215, 1.255.255.255", "1.2.65535, 1.2.255.255",
        "0X1f, 0.0.0.31", "037777777777, 255.255.255.255", "00, 0.0.0.0", "01.02.03.04, 1.2.3.4",
        "1.2.3.0x4, 1.2.3.4",
    })
    void inetAtonForms(String text, String dotted) throws Exception {
        assertArrayEquals(ip(dotted).getAddress(), NumericHost.inetAton(text));
    }

    @ParameterizedTest(name = "inet_aton rejects {0}")
    @ValueSource(strings = {"10.0.0.256", "1.2.3.4.", "4294967296", "1.16777216", "08.1.1.1", "1..2", ".1", "0x",
        "0x.1", "1.0x", "0x100000000", "040000000000", "1.2.3.4 ", "", "1.2.65536", "18446744073709551617"})
    void inetAtonRejects(String text) {
        assertNull(NumericHost.inetAton(text));
    }

    @ParameterizedTest(name = "inet_pton6 {0} -> {1}")
    @CsvSource({
        "::ffff:1.2.3.4, ::ffff:1.2.3.4", "::1.2.3.4, ::1.2.3.4", "::, ::", "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "0001:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
        "::1:2:3:4:5:6:7, 0:1:2:3:4:5:6:7", "1::2:3:4:5:6:7, 1:0:2:3:4:5:6:7", "ABCD::, abcd::",
        "1:2:3:4:5::1.2.3.4, 1:2:3:4:5:0:102:304",
    })
    void inetPton6Forms(String text, String canonical) throws Exception {
        assertArrayEquals(InetAddress.getByName(canonical).getAddress().length == 16
                ? InetAddress.getByName(canonical).getAddress()
                : v4Mapped(InetAddress.getByName(canonical).getAddress()), NumericHost.inetPton6(text));
    }

    @ParameterizedTest(name = "inet_pton6 rejects {0}")
    @ValueSource(strings = {"1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6::7:8", "00001::", "::ffff:1.2.3",
        "::ffff:1.2.3.4.5", "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5:6:7:8::", ":1::", ":::", "1:::2", "::01.2.3.4",
        "::1.2.3.04", "::256.1.1.1", "::1.2.3.4:5", "12345::", "1:2:3:4:5:6:7::1.2.3.4", "1.2.3.4::",
        "1:2:3:4:5:6:7:", ":1:2:3:4:5:6:7", ""})
    void inetPton6Rejects(String text) {
        assertNull(NumericHost.inetPton6(text));
    }

    /** Java turns ::ffff:a.b.c.d into an IPv4 address; rebuild the 16 bytes. */
    private static byte[] v4Mapped(byte[] v4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(v4, 0, b, 12, 4);
        return b;
    }
}
