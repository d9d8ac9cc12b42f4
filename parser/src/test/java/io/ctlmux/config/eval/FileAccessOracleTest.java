package io.ctlmux.config.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.resolved.Diagnostic;
import io.ctlmux.config.testing.RealSsh;
import io.ctlmux.config.text.Vis;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files ssh cannot open, or will not read, are errors and not empty files: each case runs the installed ssh and
 * ctlmux's resolution on the same files and compares the exit code and stderr (and stdout when both succeed). These
 * need things the conformance harness cannot make (symbolic links, modes other than 0644, devices, another user).
 * The cases that need an unprivileged user run ssh and ctlmux (in a JVM of its own) as {@code nobody} through
 * {@code setpriv}; that needs root, and they are skipped with the reason otherwise.
 */
class FileAccessOracleTest {
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path tmp;

    private record Outcome(int rc, String stdout, List<String> stderr) {
    }

    private static Dialect dialect() {
        String banner = RealSsh.assumeAvailable();
        Optional<Dialect> d = Dialect.fromVersionBanner(banner);
        assumeTrue(d.isPresent(), "ctlmux has no dialect for " + banner);
        return d.get();
    }

    /** A directory that every user can enter, inside the test's temporary directory. */
    private Path dir() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("w"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        return d;
    }

    private static Path write(Path file, String text, String mode) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static Outcome ctlmux(String... args) {
        try {
            SshConfig.Resolution r = SshConfig.resolveFull(List.of(args), dialect(), Evaluator.ExecPolicy.NEVER);
            return new Outcome(0, r.options().render(), r.stderr().stream().map(Vis::log).toList());
        } catch (SshConfigException e) {
            return new Outcome(e.exitCode(), "", e.stderrLines().stream().map(Vis::log).toList());
        }
    }

    /** Runs a command (stdin /dev/null, a new session: no controlling terminal), bounded. */
    private static Outcome run(List<String> cmd) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("setsid", "-w"));
        full.addAll(cmd);
        Process p = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        List<String> errLines = new ArrayList<>();
        for (String l : new String(err.join(), StandardCharsets.ISO_8859_1).split("\r?\n")) {
            if (!l.isEmpty() && !l.startsWith("Pseudo-terminal will not be allocated")) {
                errLines.add(l);
            }
        }
        return new Outcome(p.exitValue(), new String(out.join(), StandardCharsets.ISO_8859_1), errLines);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static Outcome ssh(List<String> prefix, String... args) throws IOException, InterruptedException {
        dialect();
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add("ssh");
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static void assertSame(Outcome ssh, Outcome ours) {
        assertEquals(ssh.rc(), ours.rc(), "exit code; ssh said " + ssh.stderr() + ", ctlmux " + ours.stderr());
        assertEquals(ssh.stderr(), ours.stderr(), "stderr");
        if (ssh.rc() == 0) {
            assertEquals(ssh.stdout(), ours.stdout(), "stdout");
        }
    }

    /** ssh and ctlmux (in this JVM) on {@code -F config -G host}. */
    private static Outcome compare(String config) throws IOException, InterruptedException {
        Outcome s = ssh(List.of(), "-F", config, "-T", "-G", "h");
        Outcome c = ctlmux("-F", config, "-T", "-G", "h");
        assertSame(s, c);
        return s;
    }

    /** a -> b -> a in {@code d}. */
    private static void symlinkLoop(Path d) throws IOException {
        Files.createSymbolicLink(d.resolve("a"), d.resolve("b"));
        Files.createSymbolicLink(d.resolve("b"), d.resolve("a"));
    }

    // -------------------------------------------------------------------------------------------------------------
    // -F

    @Test
    void configSymlinkLoop() throws Exception {
        Path d = dir();
        symlinkLoop(d);
        Outcome s = compare(d.resolve("a").toString());
        assertEquals(255, s.rc());
        assertEquals(List.of("Can't open user config file " + d.resolve("a") + ": Too many levels of symbolic links"),
                s.stderr());
        Diagnostic fatal = failure(d.resolve("a").toString()).diagnostics().get(0);
        assertEquals(Diagnostic.Kind.CANNOT_OPEN, fatal.kind());
        assertEquals(Diagnostic.Level.FATAL, fatal.level());
    }

    @Test
    void configUnderARegularFile() throws Exception {
        Path f = write(dir().resolve("f"), "User x\n", "rw-r--r--");
        Outcome s = compare(f + "/config");
        assertEquals(List.of("Can't open user config file " + f + "/config: Not a directory"), s.stderr());
    }

    @Test
    void configNameTooLong() throws Exception {
        Outcome s = compare(dir().resolve("n".repeat(300)).toString());
        assertEquals(255, s.rc());
        assertTrue(s.stderr().get(0).endsWith(": File name too long"), s.stderr().toString());
        assertEquals("Can't open user config file ".length() + 100 + ": File name too long".length(),
                s.stderr().get(0).length(), "the name is cut at 100 bytes");
    }

    @Test
    void configEmptyName() throws Exception {
        Outcome s = compare("");
        assertEquals(List.of("Can't open user config file : No such file or directory"), s.stderr());
    }

    @Test
    void configDevTtyWithoutTerminal() throws Exception {
        // ssh runs in a new session (setsid); so must this JVM, which cannot leave its own: skip when it has one
        assumeTrue(!canOpen("/dev/tty"), "this JVM has a controlling terminal, so /dev/tty opens here");
        Outcome s = compare("/dev/tty");
        assertEquals(List.of("Can't open user config file /dev/tty: No such device or address"), s.stderr());
    }

    @Test
    void configDirectoryReadsAsEmpty() throws Exception {
        assertEquals(0, compare(dir().toString()).rc());
    }

    private static boolean canOpen(String path) {
        try (InputStream in = Files.newInputStream(Paths.get(path))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Include

    @Test
    void includeSymlinkLoop() throws Exception {
        Path d = dir();
        symlinkLoop(d);
        Path cfg = write(d.resolve("cfg"), "Include " + d.resolve("a") + "\nUser after\n", "rw-r--r--");
        Outcome s = compare(cfg.toString());
        assertEquals(List.of("Can't open user config file " + d.resolve("a") + ": Too many levels of symbolic links",
                cfg + ": terminating, 1 bad configuration options"), s.stderr());
        Diagnostic cannot = failure(cfg.toString()).diagnostics().get(0);
        assertEquals(new Diagnostic(Diagnostic.Kind.CANNOT_OPEN, Diagnostic.Level.ERROR, cfg.toString(), 1, 1,
                s.stderr().get(0), d.resolve("a").toString(), true), cannot);
    }

    /** The typed outcome of {@code -F config h}, which must fail. */
    private static Resolver.Failure failure(String config) {
        return assertThrows(Resolver.Failure.class, () -> Resolver.resolve(List.of("-F", config, "h"), dialect(),
                new SystemEnvironment(), Evaluator.ExecPolicy.NEVER));
    }

    @Test
    void includeOfDevicesIsRejectedBeforeReading() throws Exception {
        for (String dev : List.of("/dev/zero", "/dev/null", "/dev/urandom")) {
            Path cfg = write(dir().resolve("cfg"), "Include " + dev + "\n", "rw-r--r--");
            Outcome s = assertTimeoutPreemptively(Duration.ofSeconds(TIMEOUT_SECONDS), () -> compare(cfg.toString()));
            assertEquals(List.of("Bad owner or permissions on " + dev), s.stderr());
        }
    }

    @Test
    void includeOfDirectoryAndDanglingLinkReadNothing() throws Exception {
        Path d = dir();
        Files.createSymbolicLink(d.resolve("dangling"), d.resolve("nowhere"));
        Path sub = Files.createDirectories(d.resolve("sub"));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cfg = write(d.resolve("cfg"), "Include " + sub + " " + d.resolve("dangling") + "\nUser after\n",
                "rw-r--r--");
        assertEquals(0, compare(cfg.toString()).rc());
    }

    /**
     * Group write permission on an included file: upstream always refuses it; Debian allows it when the group's only
     * member is the user (its per-user group), and refuses a group with other members, or with none.
     */
    @Test
    void includeGroupWritable() throws Exception {
        assumeTrue(new SystemEnvironment().uid() == 0, "changing a file's group to any group needs root");
        List<Long> gids = new ArrayList<>(List.of(0L));
        otherUsersGroup().ifPresent(gids::add);
        emptyGroup().ifPresent(gids::add);
        for (long gid : gids) {
            Path inc = write(dir().resolve("inc" + gid), "User inc\n", "rw-rw-r--");
            Files.setAttribute(inc, "unix:gid", (int) gid);
            Path cfg = write(dir().resolve("cfg" + gid), "Include " + inc + "\nUser after\n", "rw-r--r--");
            Outcome s = compare(cfg.toString());
            if (gid != 0) {
                assertEquals(List.of("Bad owner or permissions on " + inc), s.stderr(), "group " + gid);
            }
        }
        assertTrue(gids.size() > 1, "no group with another member or without members in /etc/group");
    }

    /** The primary group of a passwd entry that is not the current user's, other than root's group. */
    private static Optional<Long> otherUsersGroup() throws IOException {
        long me = new SystemEnvironment().uid();
        for (String l : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.ISO_8859_1)) {
            String[] f = l.split(":", -1);
            if (f.length >= 4 && Long.parseLong(f[2]) != me && !f[3].equals("0")) {
                return Optional.of(Long.parseLong(f[3]));
            }
        }
        return Optional.empty();
    }

    /** A group that is nobody's primary group and lists no members. */
    private static Optional<Long> emptyGroup() throws IOException {
        List<String> primary = Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.ISO_8859_1).stream()
                .map(l -> l.split(":", -1)).filter(f -> f.length >= 4).map(f -> f[3]).toList();
        for (String l : Files.readAllLines(Path.of("/etc/group"), StandardCharsets.ISO_8859_1)) {
            String[] f = l.split(":", -1);
            if (f.length >= 4 && f[3].isEmpty() && !primary.contains(f[2])) {
                return Optional.of(Long.parseLong(f[2]));
            }
        }
        return Optional.empty();
    }

    // -------------------------------------------------------------------------------------------------------------
    // Endless input: ssh reads it line by line until memory runs out (/dev/zero) or forever (/dev/urandom), so
    // these are not compared with ssh; ctlmux refuses them in bounded time and memory, naming the file.

    @Test
    void endlessConfigIsRefused() {
        for (String dev : List.of("/dev/zero", "/dev/urandom")) {
            Outcome c = assertTimeoutPreemptively(Duration.ofSeconds(TIMEOUT_SECONDS),
                    () -> ctlmux("-F", dev, "-T", "-G", "h"));
            assertEquals(255, c.rc(), dev);
            assertEquals(List.of(dev + ": more than 16 MiB, the most ctlmux reads of a configuration file"),
                    c.stderr());
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // As an unprivileged user

    /** setpriv's arguments that switch to nobody, or skips. */
    private static List<String> asNobody() throws IOException, InterruptedException {
        assumeTrue(new SystemEnvironment().uid() == 0, "running as another user needs root (setpriv)");
        String[] nobody = null;
        for (String l : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.ISO_8859_1)) {
            String[] f = l.split(":", -1);
            if (f.length >= 4 && f[0].equals("nobody")) {
                nobody = f;
            }
        }
        assumeTrue(nobody != null, "no user nobody in /etc/passwd");
        List<String> prefix = List.of("setpriv", "--reuid=" + nobody[2], "--regid=" + nobody[3], "--clear-groups");
        List<String> probe = new ArrayList<>(prefix);
        probe.add("true");
        assumeTrue(run(probe).rc() == 0, "setpriv cannot switch to nobody here");
        return prefix;
    }

    /**
     * ctlmux's resolution as nobody: FileAccessProbe in a JVM of its own, with the classes copied where nobody can
     * read them (the build's directories may be under a private home).
     */
    private Outcome ctlmuxAs(List<String> prefix, String... args) throws IOException, InterruptedException {
        Path cp = tmp.resolve("cp");
        if (!Files.isDirectory(cp)) {
            for (Class<?> c : List.of(Resolver.class, FileAccessProbe.class)) {
                Path from = Path.of(java.net.URI.create(
                        c.getProtectionDomain().getCodeSource().getLocation().toString()));
                copyTree(from, cp);
            }
        }
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", cp.toString(),
                FileAccessProbe.class.getName(), dialect().id));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                    Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    private Outcome compareAs(List<String> prefix, String config) throws IOException, InterruptedException {
        Outcome s = ssh(prefix, "-F", config, "-T", "-G", "h");
        Outcome c = ctlmuxAs(prefix, "-F", config, "-T", "-G", "h");
        assertSame(s, c);
        return s;
    }

    @Test
    void unreadableConfigAsUser() throws Exception {
        List<String> nobody = asNobody();
        Path f = write(dir().resolve("secret"), "User x\n", "rw-------");
        Outcome s = compareAs(nobody, f.toString());
        assertEquals(List.of("Can't open user config file " + f + ": Permission denied"), s.stderr());
    }

    @Test
    void includesAsUser() throws Exception {
        List<String> nobody = asNobody();
        Path d = dir();
        long uid = Long.parseLong(nobody.get(1).substring("--reuid=".length()));
        // unreadable
        Path secret = write(d.resolve("secret"), "User x\n", "rw-------");
        Path cfg = write(d.resolve("cfg1"), "Include " + secret + "\nUser after\n", "rw-r--r--");
        Outcome s = compareAs(nobody, cfg.toString());
        assertEquals(List.of("Can't open user config file " + secret + ": Permission denied",
                cfg + ": terminating, 1 bad configuration options"), s.stderr());
        // readable, but owned by neither root nor the user
        Path foreign = write(d.resolve("foreign"), "User x\n", "rw-r--r--");
        Files.setAttribute(foreign, "unix:uid", 1);
        cfg = write(d.resolve("cfg2"), "Include " + foreign + "\nUser after\n", "rw-r--r--");
        assertEquals(List.of("Bad owner or permissions on " + foreign), compareAs(nobody, cfg.toString()).stderr());
        // the user's own, group-writable, in the user's primary group (which has other members or none)
        Path own = write(d.resolve("own"), "User own\n", "rw-rw-r--");
        Files.setAttribute(own, "unix:uid", (int) uid);
        Files.setAttribute(own, "unix:gid", Integer.parseInt(nobody.get(2).substring("--regid=".length())));
        cfg = write(d.resolve("cfg3"), "Include " + own + "\nUser after\n", "rw-r--r--");
        compareAs(nobody, cfg.toString());
        // the user's own, readable: fine
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, compareAs(nobody, cfg.toString()).rc());
    }
}
