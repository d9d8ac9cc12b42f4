package io.ctlmux.config.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ctlmux.config.syntax.ConfigFile;
import io.ctlmux.config.syntax.Directive;
import io.ctlmux.config.syntax.DirectParser;
import io.ctlmux.config.text.SourceText;
import org.junit.jupiter.api.Test;

class ParseCacheTest {
    private static final String NAME = "/parse-cache-test/" + ParseCacheTest.class.hashCode() + "/config";

    @Test
    void sameNameAndContentGiveTheSameTree() {
        ConfigFile a = ParseCache.parse(SourceText.of(NAME, "Host a\n  Port 1\n"));
        ConfigFile b = ParseCache.parse(SourceText.of(NAME, "Host a\n  Port 1\n"));
        assertSame(a, b);
    }

    @Test
    void changedContentIsParsedAgain() {
        ConfigFile before = ParseCache.parse(SourceText.of(NAME + "2", "Port 1\n"));
        ConfigFile after = ParseCache.parse(SourceText.of(NAME + "2", "Port 2\n"));
        assertNotSame(before, after);
        assertEquals("2", ((Directive) after.lines().get(0)).args().get(0).value());
        ConfigFile back = ParseCache.parse(SourceText.of(NAME + "2", "Port 1\n"));
        assertEquals(DirectParser.parse(SourceText.of(NAME + "2", "Port 1\n")), back);
    }

    @Test
    void sameContentUnderAnotherNameKeepsItsOwnName() {
        ConfigFile a = ParseCache.parse(SourceText.of(NAME + "-a", "User u\n"));
        ConfigFile b = ParseCache.parse(SourceText.of(NAME + "-b", "User u\n"));
        assertEquals(NAME + "-a", a.lines().get(0).span().file());
        assertEquals(NAME + "-b", b.lines().get(0).span().file());
    }
}
