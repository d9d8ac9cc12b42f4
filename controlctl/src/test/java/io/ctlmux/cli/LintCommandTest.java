package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctlmux.config.lint.Rules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ctlmux lint}: exit codes, --fail-on, --disable, --list-rules and formats through the real CLI. */
class LintCommandTest {
    @TempDir
    Path dir;

    private record Run(int rc, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine cl = CommandLines.create();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new Run(rc, out.toString(), err.toString());
    }

    private String file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void exitCodesFollowFailOn() throws Exception {
        String clean = file("clean", "Host a\n  User b\n");
        String warn = file("warn", "Host *\n  ForwardAgent yes\n");
        String bad = file("bad", "Host a\n  Bogus 1\n");
        String[] t = {"--target-openssh", "9.2-debian,10.5"};
        assertEquals(0, run("lint", t[0], t[1], clean).rc());
        assertEquals(0, run("lint", t[0], t[1], warn).rc());
        assertEquals(1, run("lint", t[0], t[1], "--fail-on", "warning", warn).rc());
        Run r = run("lint", t[0], t[1], clean, bad);
        assertEquals(1, r.rc());
        assertTrue(r.out().contains(bad + ":2:3: error: Bad configuration option: bogus"), r.out());
        assertTrue(r.out().contains("[unknown-keyword]"), r.out());
        assertEquals(0, run("lint", t[0], t[1], "--disable", "unknown-keyword", bad).rc());
    }

    @Test
    void usageAndIoErrorsExit2() throws Exception {
        String clean = file("clean", "Host a\n  User b\n");
        Run missing = run("lint", dir.resolve("missing").toString());
        assertEquals(2, missing.rc());
        assertTrue(missing.err().contains("No such file"), missing.err());
        assertEquals(2, run("lint", "--disable", "no-such-rule", clean).rc());
        assertEquals(2, run("lint", "--target-openssh", "banana", clean).rc());
        assertEquals(2, run("lint", "--format", "xml", clean).rc());
        assertEquals(2, run("lint", "--fail-on", "never", clean).rc());
        assertEquals(2, run("lint", "--platform", "windows", clean).rc());
        assertEquals(2, run("lint", "--no-such-option", clean).rc());
    }

    @Test
    void listRulesDocumentsEveryRule() {
        Run r = run("lint", "--list-rules");
        assertEquals(0, r.rc());
        for (var info : Rules.infos()) {
            assertTrue(r.out().contains(info.id() + " (" + info.severity().label()), info.id());
            assertTrue(r.out().contains(info.summary()), info.id());
        }
    }

    @Test
    void formatsThroughTheCli() throws Exception {
        String warn = file("warn", "Host *\n  ForwardAgent yes\n");
        Run json = run("lint", "--format", "json", warn);
        assertTrue(json.out().startsWith("{\"findings\":["), json.out());
        assertTrue(json.out().contains("\"rule\":\"insecure-global-option\""), json.out());
        Run gh = run("lint", "--format", "github", warn);
        assertTrue(gh.out().startsWith("::warning file=" + warn + ",line=2,col=3,title=insecure-global-option::"),
                gh.out());
        Run sarif = run("lint", "--format", "sarif", warn);
        assertTrue(sarif.out().contains("\"version\": \"2.1.0\""), sarif.out());
    }
}
