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
 * The conformance cases: ctlmux's resolution of a case's {@code args} must give the stdout, stderr lines and exit
 * code that the real {@code ssh -G} gave when {@code testdata/record.sh} recorded them. Cases come in sets,
 * {@code testdata/conformance*}{@code /<case>/}, each recorded with the client named in its {@code OPENSSH_VERSION}
 * and compared with that client's dialect (Debian's revisions differ: {@code conformance} is deb12u6,
 * {@code conformance-deb12u10} is deb12u10). A set with an {@code inherits} file also holds for the cases of the set
 * named there that it does not record itself (record.sh --inherit checked them against its client), so those run
 * under its dialect as well. Placeholders in the recorded files ({@code {dir} {home} {user} {uid} {hostname}
 * {shorthost} {C}}) are replaced with this machine's values. A case with a {@code known-difference} file is reported
 * as skipped while it still differs, and fails once it agrees (so the file gets deleted).
 */
class ConformanceTest {
    private static final SystemEnvironment HERE = new SystemEnvironment();

    @TempDir
    static Path scratch;

    /** {@code testdata/} above the working directory, or null. */
    static Path testdata() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("testdata/conformance");
            if (Files.isDirectory(c)) {
                return c.getParent();
            }
        }
        return null;
    }

    /** The case sets: {@code testdata/conformance*} directories with an OPENSSH_VERSION file. */
    static List<Path> sets() throws IOException {
        Path t = testdata();
        if (t == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(t)) {
            return s.filter(p -> p.getFileName().toString().startsWith("conformance")
                    && Files.isRegularFile(p.resolve("OPENSSH_VERSION"))).sorted().toList();
        }
    }

    static List<Path> cases(Path set) throws IOException {
        try (Stream<Path> s = Files.list(set)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("args"))).sorted().toList();
        }
    }

    /** The client a set was recorded with ({@code ssh -V} without the OpenSSL part). */
    static String recordedWith(Path set) throws IOException {
        return Files.readString(set.resolve("OPENSSH_VERSION")).trim();
    }

    /** The dialect that reproduces the client a set was recorded with, or null when ctlmux models none. */
    static Dialect dialectOf(Path set) throws IOException {
        String version = recordedWith(set);
        Dialect d = Dialect.fromVersionBanner(version).orElse(null);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("deb\\d+u(\\d+)").matcher(version);
        if (d != null && d.debian && (!m.find() || Integer.parseInt(m.group(1)) != d.debianRevision)) {
            return null; // a Debian revision ctlmux has no exact dialect for
        }
        return d;
    }

    /** The set named in {@code set/inherits}, or null. */
    static Path inherited(Path set) throws IOException {
        Path f = set.resolve("inherits");
        return Files.isRegularFile(f) ? set.resolveSibling(Files.readString(f).trim()) : null;
    }

    @Test
    void everySetNamesTheClientItWasRecordedWith() throws IOException {
        assertTrue(testdata() != null, "testdata/conformance not found above " + System.getProperty("user.dir"));
        List<Path> sets = sets();
        assertTrue(sets.stream().anyMatch(p -> p.getFileName().toString().equals("conformance")),
                "no testdata/conformance/OPENSSH_VERSION");
        int total = 0;
        for (Path set : sets) {
            String version = recordedWith(set);
            assertTrue(dialectOf(set) != null, set.getFileName() + " was recorded with " + version
                    + ", which no dialect reproduces exactly");
            Path base = inherited(set);
            assertTrue(base == null || sets.contains(base), set.getFileName() + " inherits a missing set " + base);
            for (Path c : cases(set)) {
                total++;
                for (String f : List.of("expected.stdout", "expected.stderr", "expected.rc")) {
                    assertTrue(Files.isRegularFile(c.resolve(f)), set.getFileName() + "/" + c.getFileName()
                            + " has no " + f + " (run testdata/record.sh)");
                }
            }
        }
        assertTrue(total >= 150, "expected at least 150 cases, found " + total);
    }

    @Test
    void debianRevisionsAreBothCovered() throws IOException {
        List<Dialect> covered = new ArrayList<>();
        for (Path set : sets()) {
            covered.add(dialectOf(set));
        }
        assertTrue(covered.contains(Dialect.DEBIAN_9_2_U6) && covered.contains(Dialect.DEBIAN_9_2),
                "expected sets recorded with Debian deb12u6 and deb12u10, found " + covered);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithRecordedSshG() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path set : sets()) {
            Dialect d = dialectOf(set);
            String name = set.getFileName().toString();
            List<Path> own = cases(set);
            for (Path c : own) {
                tests.add(DynamicTest.dynamicTest(name + "/" + c.getFileName(), () -> check(c, d)));
            }
            Path base = inherited(set);
            if (base != null) {
                List<String> mine = own.stream().map(c -> c.getFileName().toString()).toList();
                for (Path c : cases(base)) {
                    if (!mine.contains(c.getFileName().toString())) {
                        tests.add(DynamicTest.dynamicTest(name + "/" + base.getFileName() + "/" + c.getFileName(),
                                () -> check(c, d)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void check(Path caseDir, Dialect dialect) throws Exception {
        Path work = Files.createTempDirectory(scratch, caseDir.getFileName().toString());
        String dir = work.toString();
        copyFilled(caseDir, work, dir);
        List<String> args = new ArrayList<>();
        for (String a : Files.readAllLines(caseDir.resolve("args"), StandardCharsets.UTF_8)) {
            args.add(fill(a, dir));
        }
        Outcome got = Files.isRegularFile(caseDir.resolve("env"))
                ? runWithEnv(args, readEnv(caseDir, dir), dialect) : run(args, dialect);

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
        } else if (!got.stderr.equals(wantErr) && !bothUsage(got.stderr, wantErr)) {
            problem = "stderr " + got.stderr + ", ssh " + wantErr;
        }
        Path known = caseDir.resolve("known-difference");
        if (Files.isRegularFile(known)) {
            if (problem == null) {
                fail(label(caseDir, dialect) + " now agrees with ssh: delete its known-difference file");
            }
            assumeTrue(false, "known difference: " + Files.readString(known).trim() + " | " + problem);
        }
        if (problem != null) {
            fail(label(caseDir, dialect) + ": " + problem);
        }
    }

    /** ssh prints its seven-line usage text where ctlmux prints a one-line summary of it (Resolver). */
    private static boolean bothUsage(List<String> got, List<String> want) {
        return got.size() == 1 && got.get(0).startsWith("usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] ") && want.size() == 7
                && want.get(0).startsWith("usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] ");
    }

    private static String label(Path caseDir, Dialect dialect) {
        return caseDir.getParent().getFileName() + "/" + caseDir.getFileName() + " as " + dialect.id;
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
