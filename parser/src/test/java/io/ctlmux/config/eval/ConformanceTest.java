package io.ctlmux.config.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.GRun;
import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.resolved.MessageRoute;
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
 * as skipped while it still differs, and fails once it agrees (so the file gets deleted). ctlmux runs as
 * {@code ctlmux config} does ({@link GRun}): stderr as ssh's with its stdin not a terminal, minus the pseudo-terminal
 * notice that record.sh drops (except in a case with a {@code full-stderr} file); a case with a {@code logfile} file
 * (the file it gives {@code -E}) compares that file with {@code expected.log}.
 *
 * <p>Upstream builds have sets of expectations only, {@code testdata/conformance-upstream/<version>/<case>/}: the
 * inputs are those of the set named in its {@code inputs} file (with what that set inherits), and each is compared
 * with the upstream dialect its {@code OPENSSH_VERSION} names.
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

    /** The upstream sets: {@code testdata/conformance-upstream/*} directories with an OPENSSH_VERSION file. */
    static List<Path> upstreamSets() throws IOException {
        Path t = testdata();
        if (t == null || !Files.isDirectory(t.resolve("conformance-upstream"))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(t.resolve("conformance-upstream"))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("OPENSSH_VERSION"))).sorted().toList();
        }
    }

    /**
     * The client a set was recorded with ({@code ssh -V} without the OpenSSL part: the first line of
     * OPENSSH_VERSION; an upstream set describes the build on later lines).
     */
    static String recordedWith(Path set) throws IOException {
        return Files.readAllLines(set.resolve("OPENSSH_VERSION")).get(0).trim();
    }

    /** The dialect that reproduces the client a set was recorded with, or null when ctlmux models none. */
    static Dialect dialectOf(Path set) throws IOException {
        return dialectOfBanner(recordedWith(set));
    }

    /** The dialect that reproduces the client {@code ssh -V} names (without the OpenSSL part), or null. */
    static Dialect dialectOfBanner(String version) {
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

    /** A set's cases by name: its own, then those it inherits and does not hold itself. */
    static Map<String, Path> casesWithInherited(Path set) throws IOException {
        Map<String, Path> all = new java.util.TreeMap<>();
        Path base = inherited(set);
        if (base != null) {
            for (Path c : cases(base)) {
                all.put(c.getFileName().toString(), c);
            }
        }
        for (Path c : cases(set)) {
            all.put(c.getFileName().toString(), c);
        }
        return all;
    }

    /** The Debian set an upstream set takes its inputs from ({@code inputs} file). */
    static Path inputsOf(Path upstreamSet) throws IOException {
        Path f = upstreamSet.resolve("inputs");
        assertTrue(Files.isRegularFile(f), upstreamSet + " has no 'inputs' file naming the set of its inputs");
        return testdata().resolve(Files.readString(f).trim());
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
        for (Path set : upstreamSets()) {
            String version = recordedWith(set);
            Dialect d = dialectOf(set);
            assertTrue(d != null && !d.debian, set + " was recorded with " + version + ", not an upstream release");
            Path in = inputsOf(set);
            assertTrue(sets().contains(in), set + " takes its inputs from a missing set " + in);
            for (String c : casesWithInherited(in).keySet()) {
                for (String f : List.of("expected.stdout", "expected.stderr", "expected.rc")) {
                    assertTrue(Files.isRegularFile(set.resolve(c).resolve(f)), set.getFileName() + "/" + c
                            + " has no " + f + " (run testdata/record.sh --ssh BUILD/ssh --into " + set + ")");
                }
            }
        }
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

    @Test
    void upstreamReleasesAreBothCovered() throws IOException {
        List<Dialect> covered = new ArrayList<>();
        for (Path set : upstreamSets()) {
            covered.add(dialectOf(set));
        }
        assertTrue(covered.contains(Dialect.OPENSSH_9_2) && covered.contains(Dialect.OPENSSH_10_5),
                "expected sets recorded with upstream 9.2p1 and 10.5p1, found " + covered);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithRecordedSshG() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path set : sets()) {
            Dialect d = dialectOf(set);
            String name = set.getFileName().toString();
            for (Path c : casesWithInherited(set).values()) {
                String label = c.getParent().equals(set) ? name + "/" + c.getFileName()
                        : name + "/" + c.getParent().getFileName() + "/" + c.getFileName();
                tests.add(DynamicTest.dynamicTest(label, () -> check(c, c, d)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithUpstreamBuilds() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path set : upstreamSets()) {
            Dialect d = dialectOf(set);
            String name = "conformance-upstream/" + set.getFileName();
            for (Map.Entry<String, Path> c : casesWithInherited(inputsOf(set)).entrySet()) {
                Path exp = set.resolve(c.getKey());
                tests.add(DynamicTest.dynamicTest(name + "/" + c.getKey(), () -> check(c.getValue(), exp, d)));
            }
        }
        return tests.stream();
    }

    /** Runs the inputs in {@code caseDir} with {@code dialect}; compares with the expectations in {@code expDir}. */
    private static void check(Path caseDir, Path expDir, Dialect dialect) throws Exception {
        Path work = Files.createTempDirectory(scratch, caseDir.getFileName().toString());
        String dir = work.toString();
        copyFilled(caseDir, work, dir);
        List<String> args = new ArrayList<>();
        for (String a : Files.readAllLines(caseDir.resolve("args"), StandardCharsets.ISO_8859_1)) {
            args.add(fill(a, dir));
        }
        Map<String, String> env = Files.isRegularFile(caseDir.resolve("env")) ? readEnv(caseDir, dir) : null;
        Outcome got = run(args, dialect, env, Files.isRegularFile(caseDir.resolve("full-stderr")));

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
        } else if (!got.stderr.equals(wantErr) && !bothUsage(got.stderr, wantErr)) {
            problem = "stderr " + got.stderr + ", ssh " + wantErr;
        } else if (Files.isRegularFile(caseDir.resolve("logfile"))) {
            problem = logFileProblem(work.resolve(Files.readString(caseDir.resolve("logfile")).trim()),
                    expDir.resolve("expected.log"), dir, hash);
        }
        Path known = expDir.resolve("known-difference");
        if (Files.isRegularFile(known)) {
            if (problem == null) {
                fail(label(expDir, dialect) + " now agrees with ssh: delete its known-difference file");
            }
            assumeTrue(false, "known difference: " + Files.readString(known).trim() + " | " + problem);
        }
        if (problem != null) {
            fail(label(expDir, dialect) + ": " + problem);
        }
    }

    /**
     * ssh prints its usage text (seven lines in 9.2, eight with {@code -Z} and {@code -P} in 10.5) where ctlmux prints a
     * one-line summary of it (Resolver); the lines before it (getopt's message) must be the same.
     */
    static boolean bothUsage(List<String> got, List<String> want) {
        int g = got.size() - 1;
        int w = 0;
        while (w < want.size() && !want.get(w).startsWith("usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy")) {
            w++;
        }
        return g >= 0 && got.get(g).startsWith("usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] ") && want.size() - w >= 7
                && got.subList(0, g).equals(want.subList(0, w));
    }

    private static String label(Path caseDir, Dialect dialect) {
        return caseDir.getParent().getFileName() + "/" + caseDir.getFileName() + " as " + dialect.id;
    }

    private record Outcome(int rc, String stdout, List<String> stderr) {
    }

    /**
     * Runs ctlmux's {@code ssh -G} (stdin not a terminal, as record.sh runs ssh) in the environment {@code env}
     * (null: this process's). record.sh drops ssh's pseudo-terminal notice unless the case has a
     * {@code full-stderr} file, so it is dropped here too then.
     */
    private static Outcome run(List<String> args, Dialect dialect, Map<String, String> env, boolean fullStderr) {
        GRun g = GRun.run(args, dialect, Evaluator.ExecPolicy.RUN,
                env == null ? new SystemEnvironment() : new SystemEnvironment(env), false);
        List<String> err = fullStderr ? g.stderr()
                : g.stderr().stream().filter(l -> !l.equals(MessageRoute.TTY_NOTICE)).toList();
        return new Outcome(g.exitCode(), g.stdout(), vis(err));
    }

    /**
     * A case with a {@code logfile} file (naming the file it gives -E, relative to the case directory): the file
     * must hold what ssh wrote there ({@code expected.log}), or not exist when ssh did not create it.
     */
    private static String logFileProblem(Path log, Path expected, String dir, String hash) throws IOException {
        if (!Files.isRegularFile(expected)) {
            return Files.exists(log) ? "ssh wrote no log file, ctlmux wrote " + log : null;
        }
        if (!Files.isRegularFile(log)) {
            return "ctlmux wrote no log file " + log;
        }
        String want = fill(read(expected), dir).replace("{C}", hash);
        String got = read(log);
        return got.equals(want) ? null : "log file differs:\n" + CorpusDifferentialTest.diff(want, got);
    }

    /** The environment record.sh gives ssh: PATH, HOME and the case's {@code env} lines. */
    private static Map<String, String> readEnv(Path caseDir, String dir) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", HERE.home());
        for (String l : Files.readAllLines(caseDir.resolve("env"), StandardCharsets.ISO_8859_1)) {
            int eq = l.indexOf('=');
            env.put(l.substring(0, eq), fill(l.substring(eq + 1), dir));
        }
        return env;
    }

    /** ssh's log encoding, one element per printed line (a ctlmux message may hold several lines). */
    private static List<String> vis(List<String> lines) {
        return lines.stream().flatMap(l -> Stream.of(l.split("\n", -1))).map(Vis::log).toList();
    }

    /** Files of a case that are not copied to its directory (as record.sh's INPUT_SKIP). */
    private static final List<String> INPUT_SKIP = List.of("args", "env", "known-difference", "full-stderr",
            "logfile");

    /** Copies a case's input files with {dir}, {home} and {user} filled in, mode 0644 (ssh checks permissions). */
    private static void copyFilled(Path from, Path to, String dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (f.getParent().equals(from) && (name.startsWith("expected.") || INPUT_SKIP.contains(name))) {
                continue;
            }
            Path out = to.resolve(from.relativize(f)); // a Path keeps a name's bytes; its toString may not
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
