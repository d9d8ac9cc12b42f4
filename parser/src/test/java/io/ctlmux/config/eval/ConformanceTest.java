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
import java.util.Optional;
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
 *
 * <p>The same inputs recorded with upstream builds live in {@code testdata/conformance-upstream/<version>/<case>/}
 * (expectations only) and are checked with the matching upstream dialect.
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

    /** The expectations recorded with the upstream build of {@code version} ("9.2", "10.5"). */
    static Path upstreamDir(String version) {
        Path dir = casesDir();
        return dir == null ? null : dir.resolveSibling("conformance-upstream").resolve(version);
    }

    @Test
    void recordedWithTheDialectTheTestUses() throws IOException {
        checkRecording(casesDir(), Dialect.DEBIAN_9_2);
    }

    @Test
    void upstream92RecordedWithUpstream92() throws IOException {
        checkRecording(upstreamDir("9.2"), Dialect.OPENSSH_9_2);
    }

    @Test
    void upstream105RecordedWithUpstream105() throws IOException {
        checkRecording(upstreamDir("10.5"), Dialect.OPENSSH_10_5);
    }

    /** The recording's banner names {@code dialect}, and every input case has all three expectations there. */
    private static void checkRecording(Path dir, Dialect dialect) throws IOException {
        assertTrue(dir != null && Files.isDirectory(dir), "conformance expectations for " + dialect.id
                + " not found above " + System.getProperty("user.dir"));
        String banner = Files.readAllLines(dir.resolve("OPENSSH_VERSION")).get(0).trim();
        assertEquals(Optional.of(dialect), Dialect.fromVersionBanner(banner),
                dir + " was recorded with " + banner + " but is compared with " + dialect);
        List<Path> all = cases();
        assertTrue(all.size() >= 150, "expected at least 150 cases, found " + all.size());
        for (Path c : all) {
            for (String f : List.of("expected.stdout", "expected.stderr", "expected.rc")) {
                assertTrue(Files.isRegularFile(dir.resolve(c.getFileName().toString()).resolve(f)),
                        c.getFileName() + " has no " + f + " in " + dir + " (run testdata/record.sh)");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithRecordedSshG() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
                () -> check(c, c, Dialect.DEBIAN_9_2)));
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithUpstream92() throws IOException {
        return upstream("9.2", Dialect.OPENSSH_9_2);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithUpstream105() throws IOException {
        return upstream("10.5", Dialect.OPENSSH_10_5);
    }

    private static Stream<DynamicTest> upstream(String version, Dialect dialect) throws IOException {
        Path dir = upstreamDir(version);
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
                () -> check(c, dir.resolve(c.getFileName().toString()), dialect)));
    }

    /** Runs the inputs in {@code caseDir} with {@code dialect}; compares with the expectations in {@code expDir}. */
    private static void check(Path caseDir, Path expDir, Dialect dialect) throws Exception {
        Path work = Files.createTempDirectory(scratch, caseDir.getFileName().toString());
        String dir = work.toString();
        copyFilled(caseDir, work, dir);
        List<String> args = new ArrayList<>();
        for (String a : Files.readAllLines(caseDir.resolve("args"), StandardCharsets.UTF_8)) {
            args.add(fill(a, dir));
        }
        Outcome got = Files.isRegularFile(caseDir.resolve("env")) ? runWithEnv(args, readEnv(caseDir, dir), dialect)
                : run(args, dialect);

        String wantOut = fill(read(expDir.resolve("expected.stdout")), dir);
        String hash = connectionHash(wantOut, dialect);
        wantOut = wantOut.replace("{C}", hash);
        List<String> wantErr = lines(fill(read(expDir.resolve("expected.stderr")), dir).replace("{C}", hash));
        int wantRc = Integer.parseInt(read(expDir.resolve("expected.rc")).trim());

        String problem = null;
        if (got.rc != wantRc) {
            problem = "exit " + got.rc + ", ssh " + wantRc + "; stderr " + got.stderr + ", ssh " + wantErr;
        } else if (!got.stdout.equals(wantOut)) {
            problem = "stdout differs:\n" + CorpusDifferentialTest.diff(wantOut, got.stdout);
        } else if (!got.stderr.equals(wantErr)) {
            problem = "stderr " + got.stderr + ", ssh " + wantErr;
        }
        Path known = expDir.resolve("known-difference");
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

    private static Outcome run(List<String> args, Dialect dialect) {
        try {
            SshConfig.Resolution r = SshConfig.resolveFull(args, dialect, Evaluator.ExecPolicy.RUN);
            return new Outcome(0, r.options().render(), vis(r.stderr()));
        } catch (SshConfigException e) {
            return new Outcome(e.exitCode(), "", vis(e.stderrLines()));
        }
    }

    private static Outcome runWithEnv(List<String> args, Map<String, String> env, Dialect dialect) {
        try {
            Resolver.Result r = Resolver.resolve(args, dialect, new SystemEnvironment(env), Evaluator.ExecPolicy.RUN);
            GRenderer.Rendered g = GRenderer.render(r.options(), dialect, r.hostArg(), r.host());
            List<String> err = new ArrayList<>(r.printed());
            if (r.errorsPrinted()) {
                err.addAll(g.stderr());
            }
            return new Outcome(0, g.options().render(), vis(err));
        } catch (Resolver.Failure f) {
            return new Outcome(f.exitCode(), "", vis(f.printed()));
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

    /**
     * %C for the header (hostname, port, user) of an expected -G output, with this machine's host name; from 9.6
     * the last ProxyJump hop's host is part of it.
     */
    private static String connectionHash(String out, Dialect dialect) throws NoSuchAlgorithmException {
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
        String jump = "";
        if (dialect.atLeast(9, 6)) {
            jump = out.lines().filter(l -> l.startsWith("proxyjump ")).findFirst()
                    .map(l -> lastHopHost(l.substring("proxyjump ".length()))).orElse("");
        }
        String in = HERE.hostName() + head.get("hostname") + head.get("port") + head.get("user") + jump;
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(in.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The host of the last hop of a printed ProxyJump ({@code [user@]host[:port]} or {@code [user@][addr]:port}). */
    static String lastHopHost(String jump) {
        String hop = jump.substring(jump.lastIndexOf(',') + 1);
        hop = hop.substring(hop.lastIndexOf('@') + 1);
        if (hop.startsWith("[")) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        return colon < 0 ? hop : hop.substring(0, colon);
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }

    private static List<String> lines(String s) {
        return s.lines().filter(l -> !l.isEmpty()).toList();
    }
}
