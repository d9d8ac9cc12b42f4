package io.ctlmux.config.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctlmux.config.testing.RealSsh;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks pattern and pattern-list matching against the installed {@code ssh -G}. */
class PatternsOracleTest {
    @TempDir
    Path dir;

    /**
     * {@code Host p} applies when match_pattern(typed host, p) holds (one pattern per line, case-sensitive). A typed
     * host with a comma is refused since 10.0 (and Debian's deb12u10); s8-02 conformance cases keep that corner.
     */
    @ParameterizedTest(name = "Host {1} vs {0}")
    @CsvSource(delimiter = '|', textBlock = """
            foo          | foo
            FOO          | foo
            foo.example  | *.example
            foo.example  | *.EXAMPLE
            ab           | a***b
            aaaaaaaaac   | a*a*a*a*b
            abbc         | a*?c
            ac           | a*?c
            c            | ?*c
            foo          | foo,bar
            [a]          | [a]
            a            | [a]
            """)
    void hostPattern(String host, String pattern) throws Exception {
        RealSsh.Result r = RealSsh.g(dir, "Host " + pattern + "\n  Port 1234\n", Map.of(), host);
        assertEquals(0, r.exitCode(), () -> String.join("\n", r.err()));
        assertEquals(Patterns.matchPattern(host, pattern), "1234".equals(r.value("port")));
    }

    /** {@code Match user LIST} uses match_pattern_list(user, LIST, 0) == 1; the user comes from {@code -l}. */
    @ParameterizedTest(name = "Match user {1} vs {0}")
    @CsvSource(delimiter = '|', textBlock = """
            alice | alice
            alice | ALICE
            alice | bob,al*
            alice | !alice,*
            alice | *,!alice
            alice | !bob
            alice | al?ce,!x
            alice | ',alice'
            """)
    void matchUserList(String user, String list) throws Exception {
        RealSsh.Result r = RealSsh.g(dir, "Match user " + list + "\n  Port 1234\n", Map.of(), "-l", user, "h");
        assertEquals(0, r.exitCode(), () -> String.join("\n", r.err()));
        assertEquals(Patterns.matchPatternList(user, list, false) == 1, "1234".equals(r.value("port")));
    }

    /** {@code Match host LIST} lower-cases the host and the patterns (match_hostname). */
    @ParameterizedTest(name = "Match host {1} vs {0}")
    @CsvSource(delimiter = '|', textBlock = """
            FOO      | foo
            foo      | FOO,bar
            Foo.Ex   | *.ex,!bar*
            Foo.Ex   | *,!FOO*
            """)
    void matchHostList(String host, String list) throws Exception {
        RealSsh.Result r = RealSsh.g(dir, "Match host " + list + "\n  Port 1234\n", Map.of(), host);
        assertEquals(0, r.exitCode(), () -> String.join("\n", r.err()));
        assertEquals(Patterns.matchHostname(host, list) == 1, "1234".equals(r.value("port")));
    }
}
