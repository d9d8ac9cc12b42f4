package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The release archive as a user gets it (run by failsafe after {@code package}): unpacked into a temporary prefix,
 * its launcher run from another directory, through a symlink and copied beside its jar; its completion loaded in
 * bash; its man pages read by man; the launcher's build and cache rules against a fake checkout and a real JDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistIT {
    Path tmp;
    Path prefix;
    Path elsewhere;
    Path cache;

    record Run(int rc, String out, String err) {
    }

    @BeforeAll
    void unpack() throws Exception {
        tmp = Files.createTempDirectory(Path.of("/tmp"), "ctlmux-dist");
        Path archive = Path.of(System.getProperty("ctlmux.archive", "target/ctlmux-"
                + System.getProperty("ctlmux.version") + ".tar.gz"));
        assertTrue(Files.isRegularFile(archive), "mvn package makes " + archive);
        prefix = Files.createDirectories(tmp.resolve("prefix"));
        elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        cache = tmp.resolve("cache");
        Run r = run(tmp, Map.of(), "tar", "-xzf", archive.toAbsolutePath().toString(), "-C", prefix.toString(),
                "--strip-components=1");
        assertEquals(0, r.rc(), r.err());
    }

    @AfterAll
    void remove() throws Exception {
        if (tmp != null) {
            try (var paths = Files.walk(tmp)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    Run run(Path dir, Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("CTLMUX_CACHE_DIR", cache.toString());
        pb.environment().put("CTLMUX_NO_CACHE", "1");
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("CTLMUX_JAVA_HOME");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", "");
        Path err = Files.createTempFile(tmp, "err", "");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + List.of(cmd));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String version() {
        return "ctlmux " + System.getProperty("ctlmux.version") + "\n";
    }

    @Test
    void theArchiveHoldsLauncherJarManPagesCompletionAndLicences() {
        for (String f : List.of("bin/ctlmux", "lib/ctlmux/ctlmux.jar", "share/man/man1/ctlmux.1",
                "share/man/man1/ctlmux-check.1", "share/bash-completion/completions/ctlmux",
                "share/ctlmux/completion/ctlmux.zsh", "share/doc/ctlmux/LICENSE", "share/doc/ctlmux/NOTICE")) {
            assertTrue(Files.isRegularFile(prefix.resolve(f)), f);
        }
        assertTrue(Files.isExecutable(prefix.resolve("bin/ctlmux")));
    }

    @Test
    void theInstalledLauncherRunsFromAnywhereThroughASymlinkAndBesideItsJar() throws Exception {
        Run direct = run(elsewhere, Map.of(), prefix.resolve("bin/ctlmux").toString(), "--version");
        assertEquals(0, direct.rc(), direct.err());
        assertTrue(direct.out().startsWith(version()), direct.out());

        Path link = Files.createSymbolicLink(elsewhere.resolve("cm"), prefix.resolve("bin/ctlmux"));
        Run viaLink = run(tmp, Map.of(), link.toString(), "--version");
        assertEquals(0, viaLink.rc(), viaLink.err());
        assertTrue(viaLink.out().startsWith(version()), viaLink.out());
        Run viaPath = run(tmp, Map.of("PATH", elsewhere + ":" + System.getenv("PATH")), "bash", "-c", "cm --version");
        assertEquals(0, viaPath.rc(), viaPath.err());

        // PREFIX2/bin/ctlmux with PREFIX2/ctlmux.jar, and the launcher in the jar's own directory
        Path other = Files.createDirectories(tmp.resolve("other/bin"));
        Files.copy(prefix.resolve("lib/ctlmux/ctlmux.jar"), other.getParent().resolve("ctlmux.jar"));
        Files.copy(prefix.resolve("bin/ctlmux"), other.resolve("ctlmux"), StandardCopyOption.COPY_ATTRIBUTES);
        Run beside = run(elsewhere, Map.of(), other.resolve("ctlmux").toString(), "--version");
        assertEquals(0, beside.rc(), beside.err());
        assertTrue(beside.out().startsWith(version()), beside.out());
        Path same = Files.createDirectories(tmp.resolve("same"));
        Files.copy(prefix.resolve("lib/ctlmux/ctlmux.jar"), same.resolve("ctlmux.jar"));
        Files.copy(prefix.resolve("bin/ctlmux"), same.resolve("ctlmux"), StandardCopyOption.COPY_ATTRIBUTES);
        assertEquals(0, run(elsewhere, Map.of(), same.resolve("ctlmux").toString(), "--version").rc());

        Path alone = Files.createDirectories(tmp.resolve("alone"));
        Files.copy(prefix.resolve("bin/ctlmux"), alone.resolve("ctlmux"), StandardCopyOption.COPY_ATTRIBUTES);
        Run lost = run(elsewhere, Map.of(), alone.resolve("ctlmux").toString(), "--version");
        assertEquals(1, lost.rc());
        assertTrue(lost.err().startsWith("ctlmux: cannot find the ctlmux jar"), lost.err());
    }

    @Test
    void javaHomePicksTheJdk() throws Exception {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        assumeTrue(Files.isExecutable(jdk17.resolve("bin/java")), "no Debian JDK 17 at " + jdk17);
        Run r = run(elsewhere, Map.of("JAVA_HOME", jdk17.toString()), prefix.resolve("bin/ctlmux").toString(),
                "--version");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().contains("JDK 17."), r.out());
        assertTrue(r.out().contains(" at " + jdk17), r.out());
        Run bad = run(elsewhere, Map.of("JAVA_HOME", tmp.toString()), prefix.resolve("bin/ctlmux").toString(),
                "--version");
        assertEquals(1, bad.rc());
        assertTrue(bad.err().startsWith("ctlmux: JAVA_HOME=" + tmp + " is not a JDK 17 or newer"), bad.err());
    }

    @Test
    void bashLoadsTheCompletionAndCompletesASubcommand() throws Exception {
        Path script = prefix.resolve("share/bash-completion/completions/ctlmux");
        Run r = run(elsewhere, Map.of(), "bash", "-c", "source \"$1\" && complete -p ctlmux"
                + " && COMP_WORDS=(ctlmux ch) COMP_CWORD=1 COMP_LINE='ctlmux ch' COMP_POINT=9 && _complete_ctlmux"
                + " && printf '%s\\n' \"${COMPREPLY[@]}\"", "bash", script.toString());
        assertEquals(0, r.rc(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("complete -o default -F _complete_ctlmux ctlmux", lines[0]);
        assertEquals(List.of("channels", "check"), List.of(lines).subList(1, lines.length).stream().sorted().toList());
        Run printed = run(elsewhere, Map.of(), prefix.resolve("bin/ctlmux").toString(), "completion", "bash");
        assertEquals(Files.readString(script), printed.out(), "the archive's script is what `completion bash` prints");
        Run zsh = run(elsewhere, Map.of(), prefix.resolve("bin/ctlmux").toString(), "completion", "zsh");
        assertEquals(Files.readString(prefix.resolve("share/ctlmux/completion/ctlmux.zsh")), zsh.out());
    }

    @Test
    void manReadsTheGeneratedPages() throws Exception {
        assumeTrue(CliConventionsTest.onPath("man"), "man is not installed (apt-get install man-db)");
        Run page = run(elsewhere, Map.of("MANWIDTH", "100"), "man", "--warnings", "-l",
                prefix.resolve("share/man/man1/ctlmux-check.1").toString());
        assertEquals(0, page.rc(), page.err());
        assertEquals("", page.err(), "troff warnings");
        assertTrue(page.out().contains("ctlmux-check - Check that the master for a destination is running"),
                page.out());
        for (String section : List.of("SYNOPSIS", "OPTIONS", "EXIT STATUS", "SEE ALSO")) {
            assertTrue(page.out().contains("\n" + section + "\n"), section);
        }
        Run root = run(elsewhere, Map.of("MANWIDTH", "100"), "man", "--warnings", "-l",
                prefix.resolve("share/man/man1/ctlmux.1").toString());
        assertEquals("", root.err());
        assertTrue(root.out().contains("ctlmux-prune(1)"), root.out());
        // man finds the pages of an installed ctlmux through PATH (PREFIX/bin -> PREFIX/share/man)
        Run where = run(elsewhere, Map.of("PATH", prefix.resolve("bin") + ":/usr/bin:/bin"), "man", "-w", "ctlmux");
        assertEquals(prefix.resolve("share/man/man1/ctlmux.1").toString(), where.out().strip(), where.err());
    }

    /** A checkout of its own whose mvn only counts its runs and copies the real jar into place. */
    @Test
    void theCheckoutLauncherBuildsOnlyWhenASourceChanged() throws Exception {
        Path co = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(prefix.resolve("bin/ctlmux"), co.resolve("ctlmux"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(co.resolve("pom.xml"), "<project/>");
        for (String m : List.of("grammar", "parser", "controlctl")) {
            Files.createDirectories(co.resolve(m + "/src/main/java/x"));
            Files.writeString(co.resolve(m + "/pom.xml"), "<project/>");
            Files.writeString(co.resolve(m + "/src/main/java/x/A.java"), "class A {}");
        }
        Path bin = Files.createDirectories(tmp.resolve("fakebin"));
        Path count = tmp.resolve("mvn-runs");
        // like Maven, it leaves a jar as it was when its content would not change
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho \"$*\" >>'" + count + "'\nmkdir -p controlctl/target"
                + " && { [ -f controlctl/target/ctlmux-all.jar ] || cp '" + prefix.resolve("lib/ctlmux/ctlmux.jar")
                + "' controlctl/target/ctlmux-all.jar; }\n");
        Files.setPosixFilePermissions(bin.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
        String launcher = co.resolve("ctlmux").toString();
        Path jar = co.resolve("controlctl/target/ctlmux-all.jar");

        assertEquals(0, run(elsewhere, env, launcher, "--version").rc());
        assertEquals(1, runs(count), "first use builds");
        assertTrue(Files.readString(count).contains("-Dctlmux.dist.skip=true"), "the launcher skips the archive");
        assertTrue(Files.exists(co.resolve("controlctl/target/.ctlmux-build.lock")), "the lock is the checkout's");
        assertEquals(0, run(elsewhere, env, launcher, "--version").rc());
        assertEquals(1, runs(count), "nothing changed");

        // what mvn clean verify leaves: new target directories in every module, a new jar, no source list
        for (String m : List.of("grammar", "parser")) {
            Files.createDirectories(co.resolve(m + "/target/classes"));
        }
        Files.delete(co.resolve("controlctl/target/.ctlmux-sources"));
        Thread.sleep(20);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis()));
        Run after = run(elsewhere, env, launcher, "--version");
        assertEquals(0, after.rc(), after.err());
        assertEquals(1, runs(count), "a jar Maven built from unchanged sources is used as it is");

        Thread.sleep(20);
        Files.setLastModifiedTime(co.resolve("parser/src/main/java/x/A.java"),
                FileTime.fromMillis(System.currentTimeMillis()));
        assertEquals(0, run(elsewhere, env, launcher, "--version").rc());
        assertEquals(2, runs(count), "a changed source rebuilds");
        assertEquals(0, run(elsewhere, env, launcher, "--version").rc());
        assertEquals(2, runs(count), "once, also when Maven left the jar as it was");

        Thread.sleep(20);
        Files.writeString(co.resolve("grammar/src/main/java/x/B.java"), "class B {}");
        assertEquals(0, run(elsewhere, env, launcher, "--version").rc());
        assertEquals(3, runs(count), "a new source rebuilds");
    }

    private static int runs(Path count) throws IOException {
        return Files.exists(count) ? Files.readAllLines(count).size() : 0;
    }

    @Test
    void theStartUpCacheIsTrainedOnceSaysSoAndPrunesDeadSlots() throws Exception {
        Path dead = Files.createDirectories(cache.resolve("0badc0de"));
        Files.writeString(dead.resolve("slot"), tmp.resolve("gone/ctlmux.jar") + "\n/usr\n4\n");
        Path foreign = Files.createDirectories(cache.resolve("not-a-slot"));
        Map<String, String> withCache = new HashMap<>(Map.of("CTLMUX_NO_CACHE", ""));
        String launcher = prefix.resolve("bin/ctlmux").toString();
        Run first = run(elsewhere, withCache, launcher, "--version");
        assertEquals(0, first.rc(), first.err());
        assertTrue(first.out().startsWith(version()));
        assertTrue(first.err().startsWith("ctlmux: preparing the start-up cache for this jar and JDK "), first.err());
        assertTrue(first.err().contains("ctlmux: start-up cache ready after "), first.err());
        assertFalse(Files.exists(dead), "the slot of a jar that is gone is removed");
        assertTrue(Files.exists(foreign), "only slot directories are touched");

        Run second = run(elsewhere, withCache, launcher, "--version");
        assertEquals("", second.err(), "trained once");
        withCache.put("CTLMUX_PRINT_COMMAND", "1");
        String command = run(elsewhere, withCache, launcher, "check", "-S", "/nonexistent", "h").out();
        assertTrue(command.contains("-XX:AOTCache=" + cache) || command.contains("-XX:SharedArchiveFile=" + cache),
                command);
        assertTrue(command.contains("-cp " + cache), "the cache's copy of the jar: " + command);
        Run check = run(elsewhere, Map.of("CTLMUX_NO_CACHE", ""), launcher, "check", "-S",
                tmp.resolve("none").toString(), "h");
        assertEquals(255, check.rc());
        assertEquals("Control socket connect(" + tmp.resolve("none") + "): No such file or directory\r\n",
                check.err(), "runs with the check archive");
    }
}
