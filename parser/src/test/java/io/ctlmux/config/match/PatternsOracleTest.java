package io.ctlmux.config.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.testing.RealSsh;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks pattern and pattern-list matching against the installed {@code ssh -G}. */
class PatternsOracleTest {
    @TempDir
    Path dir;

    /** {@code Host p} applies when match_pattern(typed host, p) holds (one pattern per line, case-sensitive). */
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
            foo,bar      | foo,bar
            foo          | foo,bar
            [a]          | [a]
            a            | [a]
            """)
    void hostPattern(String host, String pattern) throws Exception {
        String config = "Host " + pattern + "\n  Port 1234\n";
        RealSsh.Result r = RealSsh.g(dir, config, Map.of(), host);
        // Whether ssh takes the host name at all depends on the client (deb12u10 and 10.x refuse a comma): ctlmux
        // resolving as the installed client must agree, and where both take it, Host must match as ssh does.
        Outcome mine = ctlmux(config, host);
        assertEquals(r.exitCode(), mine.exitCode(), () -> "ssh " + r.err() + ", ctlmux " + mine.err());
        assertEquals(r.err(), mine.err());
        if (r.exitCode() == 0) {
            assertEquals(Patterns.matchPattern(host, pattern), "1234".equals(r.value("port")));
        }
    }

    private record Outcome(int exitCode, List<String> err) {
    }

    /** ctlmux's {@code -G} resolution of {@code host} as the installed client. */
    private Outcome ctlmux(String config, String host) throws Exception {
        Optional<Dialect> d = Dialect.fromVersionBanner(RealSsh.assumeAvailable());
        assumeTrue(d.isPresent(), "ctlmux has no dialect for the installed ssh");
        Path cfg = Files.createTempFile(dir, "ctlmux_config", "");
        Files.write(cfg, config.getBytes(StandardCharsets.ISO_8859_1));
        try {
            SshConfig.Resolution res = SshConfig.resolveFull(List.of("-F", cfg.toString(), "-T", host), d.get(),
                    Evaluator.ExecPolicy.NEVER);
            return new Outcome(0, res.stderr());
        } catch (SshConfigException e) {
            return new Outcome(e.exitCode(), e.stderrLines());
        }
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
