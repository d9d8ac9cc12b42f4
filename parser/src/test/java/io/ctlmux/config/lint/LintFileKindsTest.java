package io.ctlmux.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lint runs unattended (CI), so it reads regular files only: a device may never end and a FIFO blocks until someone
 * writes to it. Each is refused before it is opened, as an I/O error (the CLI's exit status 2) that names it.
 */
class LintFileKindsTest {
    @TempDir
    Path dir;

    private Linter.Report lint(String... files) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new Linter(
                new LintOptions(LintFixture.TARGETS, Platform.LINUX, false, Set.of()), LintFixture.env(dir))
                .lint(List.of(files)));
    }

    private static String refused(String path) {
        return path + ": not a regular file; lint reads only regular files (and directories, as empty)";
    }

    @Test
    void devicesAreRefused() {
        Linter.Report r = lint("/dev/zero", "/dev/urandom");
        assertEquals(List.of(refused("/dev/zero"), refused("/dev/urandom")), r.ioErrors());
        assertEquals(List.of(), r.findings());
    }

    @Test
    void fifoIsRefusedAtTopLevelAndAsAnInclude() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available");
        Path cfg = LintFixture.write(dir, "config", "Include " + fifo + "\nHost a\n    User b\n");
        Linter.Report r = lint(fifo.toString(), cfg.toString());
        assertEquals(List.of(refused(fifo.toString()), refused(fifo.toString())), r.ioErrors());
    }

    @Test
    void regularFilesAndMissingOnesAreNotRefused() throws Exception {
        Path cfg = LintFixture.write(dir, "config", "Include " + dir.resolve("none") + "\nHost a\n    User b\n");
        Linter.Report r = lint(cfg.toString(), dir.resolve("missing").toString());
        assertEquals(List.of(dir.resolve("missing") + ": No such file or directory"), r.ioErrors());
        assertTrue(Files.isRegularFile(cfg));
    }
}
