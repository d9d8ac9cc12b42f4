package io.ctlmux.config.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** getaddrinfo(AI_NUMERICHOST) then getnameinfo(NI_NUMERICHOST), as ssh -G shows them (Debian 12, glibc 2.36). */
class NumericHostTest {
    @ParameterizedTest(name = "{0} as family {1} -> {2}")
    @CsvSource({
        "0x1, 0, 0.0.0.1", "0X1f, 0, 0.0.0.31", "010.1, 0, 8.0.0.1", "127.1, 2, 127.0.0.1",
        "4294967295, 0, 255.255.255.255", "1.16777215, 0, 1.255.255.255",
        "0:0::1, 0, ::1", "1:0:0:0:1:0:0:1, 0, 1::1:0:0:1", "::FFFF:0102:0304, 0, ::ffff:1.2.3.4",
        "::1.2.3.4, 0, ::1.2.3.4", "::2, 10, ::2", "::, 0, ::", "1:2:3:4:5:6:7:8, 0, 1:2:3:4:5:6:7:8",
        "1:0:0:2:0:0:0:3, 0, 1:0:0:2::3", "1:0:2:0:3:0:4:0, 0, 1:0:2:0:3:0:4:0", "abcd:0:0::, 0, abcd::",
        "fe80::0%0, 0, fe80::", "1::%5, 0, 1::%5", "::ffff:1.2.3.4, 2, 1.2.3.4",
    })
    void canonicalText(String text, int family, String expected) {
        assertEquals(expected, NumericHost.canonical(text, family));
    }

    @ParameterizedTest(name = "not an address: {0}")
    @ValueSource(strings = {"0x", "0x.1.2.3", "1.0x", "08", "1.2.3.4.", "4294967296", "1.16777216", "h", "1::%x",
        "1::%4294967296", ""})
    void notAddresses(String text) {
        assertNull(NumericHost.canonical(text, NumericHost.ANY));
    }

    @ParameterizedTest(name = "{0} is not an address of family {1}")
    @CsvSource({"0x7f.1, 10", "1.2.3.4, 10", "0:0::1, 2", "::1, 2"})
    void familyMismatch(String text, int family) {
        assertNull(NumericHost.parse(text, family));
    }
}
