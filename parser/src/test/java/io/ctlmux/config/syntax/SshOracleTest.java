package io.ctlmux.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.text.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks parsed {@code User} values against the installed OpenSSH client ({@code ssh -F file -G host}). */
class SshOracleTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void needSsh() {
        assumeTrue(run(null, "-V") != null, "no ssh client on PATH");
    }

    /** Runs ssh with the args; stdout+stderr as ISO-8859-1, or null when ssh cannot run or hangs. */
    private static String run(Path config, String... args) {
        try {
            var cmd = new java.util.ArrayList<String>();
            cmd.add("ssh");
            if (config != null) {
                cmd.add("-F");
                cmd.add(config.toString());
            }
            cmd.addAll(java.util.List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String sshUser(String line) throws IOException {
        Path f = dir.resolve("config");
        Files.write(f, line.getBytes(StandardCharsets.ISO_8859_1));
        String out = run(f, "-T", "-G", "oracle.example");
        assumeTrue(out != null, "ssh did not answer");
        String user = out.lines().filter(l -> l.startsWith("user ")).findFirst().orElse(null);
        assertTrue(user != null, () -> "ssh -G gave no user line: " + out);
        return user.substring("user ".length());
    }

    /** Lines OpenSSH ignores: ssh keeps the default user (the local one) and the parser gives Trivia. */
    @ParameterizedTest
    @ValueSource(strings = {"  \"\"User bob\n", "==User bob\n", "\"User bob\n", "#User bob\n", " = =User bob\n"})
    void ignoredLinesAreIgnoredBySsh(String line) throws IOException {
        String user = sshUser(line);
        assertEquals(System.getProperty("user.name"), user);
        assertTrue(SyntaxChecks.parseChecked(SourceText.of("t", line)).lines().get(0) instanceof Trivia);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "User bob # c\n", "User=foo=bar\n", "\"User\" bob\n", "=User bob\n", "User bob\r\n", "User bob\r\r\n",
        "User\rbob\n", "User a\\\"b\n", "User 'a b'\n", "User a\"b c\"d\n", "User x\0y\n", "User a\\ \n",
        "User \\\\ \n", "User bob#x\n", "\"\"User\t=\tbob\n", "User \"#bob\"\n", "User a\\tb\n"})
    void userValueMatchesSsh(String line) throws IOException {
        String user = sshUser(line);
        Directive d = SyntaxChecks.parseChecked(SourceText.of("t", line)).directives().get(0);
        assertEquals("user", d.keywordLower());
        assertEquals(user, d.args().get(0).value());
    }
}
