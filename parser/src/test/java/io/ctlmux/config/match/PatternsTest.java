package io.ctlmux.config.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternsTest {

    // OpenSSH regress/unittests/match/tests.c, "match_pattern" and "match_pattern wildcard".
    @ParameterizedTest(name = "\"{0}\" ~ \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''   | ''        | true
            ''   | aaa       | false
            aaa  | ''        | false
            aaa  | aaaa      | false
            aaaa | aaa       | false
            abc  | abc       | true
            abc  | abd       | false
            abc  | abcd      | false
            abcd | abc       | false
            ''   | *         | true
            ''   | **        | true
            ''   | ***       | true
            ''   | ?         | false
            ''   | *?        | false
            ''   | ?*        | false
            ''   | **a*      | false
            a    | ?         | true
            aa   | a?        | true
            a    | *         | true
            aa   | a*        | true
            aa   | ?*        | true
            aa   | ?a        | true
            aa   | *a        | true
            ba   | a?        | false
            ba   | a*        | false
            ab   | ?a        | false
            ab   | *a        | false
            aa   | **        | true
            ab   | a***b     | true
            axb  | a***b     | true
            axxb | a***b     | true
            ax   | a***b     | false
            abbb | a*b*b     | true
            abbb | a*b*c     | false
            aaaaaaaaac | a*a*a*a*b | false
            aaaaaaaaab | a*a*a*a*b | true
            ab   | *b        | true
            ab   | *a*       | true
            ab   | *a*b      | true
            ab   | *a*c      | false
            abc  | a?c       | true
            abc  | ??c       | true
            abc  | ???       | true
            abc  | a?d       | false
            ab   | ???       | false
            abc  | ab*       | true
            ab   | ab*       | true
            a    | ab*       | false
            abc  | ab?       | true
            ab   | ab?       | false
            abcd | ab?       | false
            abc  | ?bc       | true
            abc  | ?b*       | true
            abc  | ?c        | false
            abc  | a*?c      | true
            ac   | a*?c      | false
            abbc | a*?c      | true
            abc  | a?*c      | true
            ac   | a?*c      | false
            abbc | a?*c      | true
            abc  | a*?*c     | true
            ac   | a*?*c     | false
            abc  | ?*c       | true
            ac   | ?*c       | true
            c    | ?*c       | false
            abc  | *?c       | true
            ac   | *?c       | true
            c    | *?c       | false
            abc  | a?*       | true
            ab   | a?*       | true
            a    | a?*       | false
            abc  | a*?       | true
            ab   | a*?       | true
            a    | a*?       | false
            abb  | a*b       | true
            abbc | a*b       | false
            """)
    void matchPatternTruthTable(String s, String pattern, boolean expected) {
        assertEquals(expected, Patterns.matchPattern(s, pattern));
    }

    @Test
    void caseSensitiveAndNoClassesOrEscapes() {
        assertFalse(Patterns.matchPattern("FOO", "foo"));
        assertFalse(Patterns.matchPattern("a", "[a]"));
        assertTrue(Patterns.matchPattern("[a]", "[a]"));
        assertFalse(Patterns.matchPattern("x", "\\x"));
        assertTrue(Patterns.matchPattern("\\x", "\\?"));
        // one char per byte: '?' is one byte, so a two-byte UTF-8 char needs '??'
        String eAcuteUtf8AsLatin1 = "\u00c3\u00a9";
        assertFalse(Patterns.matchPattern(eAcuteUtf8AsLatin1, "?"));
        assertTrue(Patterns.matchPattern(eAcuteUtf8AsLatin1, "??"));
    }

    /** Mirrors OpenSSH's exhaustive check of the NFA against the original matcher (smaller bounds). */
    @Test
    void exhaustiveAgainstReference() {
        String patternAlphabet = "abx?*";
        String inputAlphabet = "abc";
        long checked = 0;
        for (int ilen = 0; ilen <= 5; ilen++) {
            for (String input : words(inputAlphabet, ilen)) {
                for (int plen = 0; plen <= 6; plen++) {
                    for (String pattern : words(patternAlphabet, plen)) {
                        boolean expected = PatternReference.matches(input, pattern);
                        if (expected != Patterns.matchPattern(input, pattern)) {
                            assertEquals(expected, Patterns.matchPattern(input, pattern),
                                    "input=\"" + input + "\" pattern=\"" + pattern + "\"");
                        }
                        checked++;
                    }
                }
            }
        }
        assertEquals(364L * 19531L, checked);
    }

    /** The pre-10.4 recursive matcher takes exponential time here; this one must not. */
    @Test
    void noExponentialBacktracking() {
        String pattern = "a*".repeat(40) + "b";
        String input = "a".repeat(5000) + "c";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(Patterns.matchPattern(input, pattern)));
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertTrue(Patterns.matchPattern("a".repeat(5000) + "b", pattern)));
    }

    // regress/unittests/match/tests.c "match_pattern_list" and "match_pattern_list lowercase".
    @ParameterizedTest(name = "\"{0}\" in \"{1}\" (lower={2}) -> {3}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''  | ''      | false | 0
            ''  | *       | false | 1
            ''  | !*      | false | -1
            ''  | !a,*    | false | 1
            ''  | *,!a    | false | 1
            ''  | a,!*    | false | -1
            ''  | !*,a    | false | -1
            a   | ''      | false | 0
            a   | *       | false | 1
            a   | !*      | false | -1
            a   | !a      | false | -1
            a   | !b      | false | 0
            a   | !a,*    | false | -1
            b   | !a,*    | false | 1
            a   | *,!a    | false | -1
            b   | *,!a    | false | 1
            a   | a,!*    | false | -1
            b   | a,!*    | false | -1
            a   | a,!a    | false | -1
            b   | a,!a    | false | 0
            a   | !*,a    | false | -1
            b   | !*,a    | false | -1
            abc | ABC     | false | 0
            ABC | abc     | false | 0
            abc | ABC     | true  | 1
            ABC | abc     | true  | 0
            ''  | ',a'    | false | 1
            ''  | 'a,'    | false | 0
            ''  | 'a,,b'  | false | 1
            ''  | !       | false | -1
            x   | !       | false | 0
            !a  | !!a     | false | -1
            a,b | 'a,b'   | false | 0
            """)
    void matchPatternListTruthTable(String s, String list, boolean dolower, int expected) {
        assertEquals(expected, Patterns.matchPatternList(s, list, dolower));
    }

    @Test
    void overlongSubpatternFailsTheWholeList() {
        String ok = "*".repeat(Patterns.MAX_SUBPATTERN - 1);
        String tooLong = "*".repeat(Patterns.MAX_SUBPATTERN);
        assertEquals(1, Patterns.matchPatternList("x", ok, false));
        assertEquals(0, Patterns.matchPatternList("x", tooLong, false));
        // even after an earlier positive match, and before a later negative one
        assertEquals(0, Patterns.matchPatternList("x", "x," + tooLong + ",!x", false));
        assertEquals(0, Patterns.matchPatternList("x", "x,!" + tooLong, false));
        assertEquals(-1, Patterns.matchPatternList("x", "!x," + tooLong, false));
    }

    @Test
    void matchHostnameLowersBothSidesAsciiOnly() {
        assertEquals(1, Patterns.matchHostname("FOO.Example", "*.example"));
        assertEquals(1, Patterns.matchHostname("foo", "FOO,bar"));
        assertEquals(-1, Patterns.matchHostname("Bar", "*,!bar"));
        assertEquals(0, Patterns.matchHostname("\u00c9", "\u00e9"));
        assertEquals("abc\u00c9", Patterns.asciiLower("ABC\u00c9"));
    }

    private static Iterable<String> words(String alphabet, int len) {
        int count = (int) Math.pow(alphabet.length(), len);
        java.util.List<String> out = new java.util.ArrayList<>(count);
        char[] w = new char[len];
        for (int v = 0; v < count; v++) {
            int x = v;
            for (int i = 0; i < len; i++) {
                w[i] = alphabet.charAt(x % alphabet.length());
                x /= alphabet.length();
            }
            out.add(new String(w));
        }
        return out;
    }
}
