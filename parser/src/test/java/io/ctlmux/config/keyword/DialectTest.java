package io.ctlmux.config.keyword;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dialect names (--openssh, CTLMUX_OPENSSH, the dialect cache) and ssh -V banners. */
class DialectTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            9.2-debian       | DEBIAN_9_2
            9.2-Debian       | DEBIAN_9_2
            debian-9.2       | DEBIAN_9_2
            9.2debian        | DEBIAN_9_2
            9.2-debian-u10   | DEBIAN_9_2
            9.2-debian-u12   | DEBIAN_9_2
            9.2-debian-u9    | DEBIAN_9_2_U8
            9.2-debian-u8    | DEBIAN_9_2_U8
            9.2-debian-u7    | DEBIAN_9_2_U6
            9.2-debian-u6    | DEBIAN_9_2_U6
            9.2-debian-u2    | DEBIAN_9_2_U6
            9.2              | OPENSSH_9_2
            9.2p1            | OPENSSH_9_2
            OpenSSH_10.5p1   | OPENSSH_10_5
            """)
    void parsesNames(String name, Dialect want) {
        assertEquals(Optional.of(want), Dialect.parse(name));
    }

    @ParameterizedTest
    @CsvSource({"9.2-debian-", "9.2-debian-x6", "9.3", "debian", "''"})
    void rejectsOtherNames(String name) {
        assertEquals(Optional.empty(), Dialect.parse(name));
    }

    @Test
    void everyIdParsesToItsDialect() {
        for (Dialect d : Dialect.values()) {
            assertEquals(Optional.of(d), Dialect.parse(d.id), d.id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 27 Jan 2026 | DEBIAN_9_2
            OpenSSH_9.2p1 Debian-2+deb12u11, OpenSSL 3.0.19 27 Jan 2026 | DEBIAN_9_2
            OpenSSH_9.2p1 Debian-2+deb12u9, OpenSSL 3.0.18 30 Sep 2025  | DEBIAN_9_2_U8
            OpenSSH_9.2p1 Debian-2+deb12u8, OpenSSL 3.0.18 30 Sep 2025  | DEBIAN_9_2_U8
            OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.15 3 Sep 2024   | DEBIAN_9_2_U6
            OpenSSH_9.2p1 Debian-2+deb12u1, OpenSSL 3.0.9 30 May 2023   | DEBIAN_9_2_U6
            OpenSSH_9.2p1 Debian-2, OpenSSL 3.0.8 7 Feb 2023            | DEBIAN_9_2_U6
            OpenSSH_9.2p1, OpenSSL 3.0.8 7 Feb 2023                     | OPENSSH_9_2
            OpenSSH_10.5p1, OpenSSL 3.5.0 8 Apr 2025                    | OPENSSH_10_5
            """)
    void mapsBanners(String banner, Dialect want) {
        assertEquals(Optional.of(want), Dialect.fromVersionBanner(banner));
    }

    @Test
    void unknownReleaseHasNoDialect() {
        assertEquals(Optional.empty(), Dialect.fromVersionBanner("OpenSSH_9.6p1 Ubuntu-3ubuntu13.5, OpenSSL 3.0.13"));
    }
}
