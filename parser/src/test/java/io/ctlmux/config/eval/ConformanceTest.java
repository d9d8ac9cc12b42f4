package io.ctlmux.config.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.render.GRenderer;
import io.ctlmux.config.text.Vis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance cases in {@code testdata/conformance/<case>/}: ctlmux's resolution of {@code args} must give the
 * stdout, stderr lines and exit code that the real {@code ssh -G} gave when {@code testdata/record.sh} recorded
 * them. Placeholders in the recorded files ({@code {dir} {home} {user} {uid} {hostname} {shorthost} {C}}) are
 * replaced with this machine's values. A case with a {@code known-difference} file is reported as skipped while it
 * still differs, and fails once it agrees (so the file gets deleted).
 */
class ConformanceTest {
    private static final SystemEnvironment HERE = new SystemEnvironment();

    @TempDir
    static Path scratch;

    static Path casesDir() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("testdata/conformance");
            if (Files.isDirectory(c)) {
                return c;
            }
        }
        return null;
    }

    static List<Path> cases() throws IOException {
        Path dir = casesDir();
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("args"))).sorted().toList();
        }
    }

    @Test
    void recordedWithTheDialectTheTestUses() throws IOException {
        Path dir = casesDir();
        assertTrue(dir != null, "testdata/conformance not found above " + System.getProperty("user.dir"));
        String version = Files.readString(dir.resolve("OPENSSH_VERSION")).trim();
        assertTrue(version.startsWith("OpenSSH_9.2p1 Debian"),
                "cases were recorded with " + version + " but are compared with Dialect.DEBIAN_9_2");
        List<Path> all = cases();
        assertTrue(all.size() >= 150, "expected at least 150 cases, found " + all.size());
        for (Path c : all) {
            for (String f : List.of("expected.stdout", "expected.stderr", "expected.rc")) {
                assertTrue(Files.isRegularFile(c.resolve(f)), c.getFileName() + " has no " + f
                        + " (run testdata/record.sh)");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithRecordedSshG() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path caseDir) throws Exception {
        Path work = Files.createTempDirectory(scratch, caseDir.getFileName().toString());
        String dir = work.toString();
        copyFilled(caseDir, work, dir);
        List<String> args = new ArrayList<>();
        for (String a : Files.readAllLines(caseDir.resolve("args"), StandardCharsets.UTF_8)) {
            args.add(fill(a, dir));
        }
        Outcome got = Files.isRegularFile(caseDir.resolve("env")) ? runWithEnv(args, readEnv(caseDir, dir))
                : run(args);

        String wantOut = fill(read(caseDir.resolve("expected.stdout")), dir);
        wantOut = wantOut.replace("{C}", connectionHash(wantOut));
        List<String> wantErr = lines(fill(read(caseDir.resolve("expected.stderr")), dir)
                .replace("{C}", connectionHash(wantOut)));
        int wantRc = Integer.parseInt(read(caseDir.resolve("expected.rc")).trim());

        String problem = null;
        if (got.rc != wantRc) {
            problem = "exit " + got.rc + ", ssh " + wantRc + "; stderr " + got.stderr + ", ssh " + wantErr;
        } else if (!got.stdout.equals(wantOut)) {
            problem = "stdout differs:\n" + CorpusDifferentialTest.diff(wantOut, got.stdout);
        } else if (!got.stderr.equals(wantErr)) {
            problem = "stderr " + got.stderr + ", ssh " + wantErr;
        }
        Path known = caseDir.resolve("known-difference");
        if (Files.isRegularFile(known)) {
            if (problem == null) {
                fail(caseDir.getFileName() + " now agrees with ssh: delete its known-difference file");
            }
            assumeTrue(false, "known difference: " + Files.readString(known).trim() + " | " + problem);
        }
        if (problem != null) {
            fail(caseDir.getFileName() + ": " + problem);
        }
    }

    private record Outcome(int rc, String stdout, List<String> stderr) {
    }

    private static Outcome run(List<String> args) {
        try {
            SshConfig.Resolution r = SshConfig.resolveFull(args, Dialect.DEBIAN_9_2, Evaluator.ExecPolicy.RUN);
            return new Outcome(0, r.options().render(), vis(r.stderr()));
        } catch (SshConfigException e) {
            return new Outcome(e.exitCode(), "", vis(e.stderrLines()));
        }
    }

    private static Outcome runWithEnv(List<String> args, Map<String, String> env) {
        try {
            Resolver.Result r = Resolver.resolve(args, Dialect.DEBIAN_9_2, new SystemEnvironment(env),
                    Evaluator.ExecPolicy.RUN);
            GRenderer.Rendered g = GRenderer.render(r.options(), Dialect.DEBIAN_9_2, r.hostArg(), r.host());
            List<String> err = new ArrayList<>(r.stderr());
            err.addAll(g.stderr());
            return new Outcome(0, g.options().render(), vis(err));
        } catch (Resolver.Failure f) {
            return new Outcome(f.exitCode(), "", vis(f.stderr()));
        }
    }

    /** The environment record.sh gives ssh: PATH, HOME and the case's {@code env} lines. */
    private static Map<String, String> readEnv(Path caseDir, String dir) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", HERE.home());
        for (String l : Files.readAllLines(caseDir.resolve("env"), StandardCharsets.UTF_8)) {
            int eq = l.indexOf('=');
            env.put(l.substring(0, eq), fill(l.substring(eq + 1), dir));
        }
        return env;
    }

    /** ssh's log encoding, one element per printed line (a ctlmux message may hold several lines). */
    private static List<String> vis(List<String> lines) {
        return lines.stream().flatMap(l -> Stream.of(l.split("\n", -1))).map(Vis::log).toList();
    }

    /** Copies a case's input files with {dir}, {home} and {user} filled in, mode 0644 (ssh checks permissions). */
    private static void copyFilled(Path from, Path to, String dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (f.getParent().equals(from) && (name.startsWith("expected.") || name.equals("args")
                    || name.equals("env") || name.equals("known-difference"))) {
                continue;
            }
            Path out = to.resolve(from.relativize(f).toString());
            Files.createDirectories(out.getParent());
            Files.write(out, fill(read(f), dir).getBytes(StandardCharsets.ISO_8859_1));
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static String fill(String text, String dir) {
        String host = HERE.hostName();
        int dot = host.indexOf('.');
        return text.replace("{dir}", dir).replace("{home}", HERE.home()).replace("{user}", HERE.userName())
                .replace("{uid}", Long.toString(HERE.uid())).replace("{hostname}", host)
                .replace("{shorthost}", dot < 0 ? host : host.substring(0, dot));
    }

    /** %C for the header (hostname, port, user) of an expected -G output, with this machine's host name. */
    private static String connectionHash(String out) throws NoSuchAlgorithmException {
        Map<String, String> head = new LinkedHashMap<>();
        for (String l : out.lines().limit(4).toList()) {
            int sp = l.indexOf(' ');
            if (sp > 0) {
                head.put(l.substring(0, sp), l.substring(sp + 1));
            }
        }
        if (!head.keySet().containsAll(List.of("hostname", "port", "user"))) {
            return "{C}";
        }
        String in = HERE.hostName() + head.get("hostname") + head.get("port") + head.get("user");
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(in.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }

    private static List<String> lines(String s) {
        return s.lines().filter(l -> !l.isEmpty()).toList();
    }
}
