package io.ctlmux.config.keyword;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link KeywordTable#lookup} answers per dialect (readconf's table, Debian's patches, versions). */
class KeywordTableTest {
    @Test
    void debianAliasesExistOnlyInDebian() {
        assertEquals("serveraliveinterval",
                KeywordTable.lookup("protocolkeepalives", Dialect.DEBIAN_9_2).orElseThrow().name());
        assertEquals("serveraliveinterval", KeywordTable.lookup("setuptimeout", Dialect.DEBIAN_9_2).orElseThrow().name());
        assertEquals(Optional.empty(), KeywordTable.lookup("protocolkeepalives", Dialect.OPENSSH_9_2));
        assertEquals(Optional.empty(), KeywordTable.lookup("setuptimeout", Dialect.OPENSSH_10_5));
    }

    @Test
    void gssapiIsUnsupportedUpstreamAndDebianKeywordsAreDebianOnly() {
        assertEquals(Kind.FLAG, KeywordTable.lookup("gssapiauthentication", Dialect.DEBIAN_9_2).orElseThrow().kind());
        assertEquals(Kind.UNSUPPORTED,
                KeywordTable.lookup("gssapiauthentication", Dialect.OPENSSH_9_2).orElseThrow().kind());
        assertEquals(Kind.UNSUPPORTED,
                KeywordTable.lookup("gssapidelegatecredentials", Dialect.OPENSSH_10_5).orElseThrow().kind());
        assertTrue(KeywordTable.lookup("gssapikeyexchange", Dialect.DEBIAN_9_2).isPresent());
        assertEquals(Optional.empty(), KeywordTable.lookup("gssapikeyexchange", Dialect.OPENSSH_10_5));
    }

    @Test
    void newerKeywordsFromTheirVersionAndUnknownNamesNowhere() {
        assertEquals(Optional.empty(), KeywordTable.lookup("channeltimeout", Dialect.DEBIAN_9_2));
        assertEquals("channeltimeout", KeywordTable.lookup("channeltimeout", Dialect.OPENSSH_10_5).orElseThrow().name());
        assertEquals("pkcs11provider", KeywordTable.lookup("smartcarddevice", Dialect.OPENSSH_9_2).orElseThrow().name());
        assertEquals(Optional.empty(), KeywordTable.lookup("nosuchkeyword", Dialect.DEBIAN_9_2));
        assertEquals(Optional.empty(), KeywordTable.lookup("Port", Dialect.DEBIAN_9_2)); // callers lower-case first
    }
}
