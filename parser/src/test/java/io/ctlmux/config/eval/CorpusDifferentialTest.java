package io.ctlmux.config.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.text.Vis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test: for every (file, host) pair of the real-world corpus, ctlmux's resolution must print exactly
 * what the installed {@code ssh -G} prints, and fail exactly where it fails (same exit code and error lines).
 * {@code -Dctlmux.oracle.ssh=/path/to/ssh} compares with another client (e.g. an upstream build) in the dialect
 * its {@code ssh -V} names.
 */
class CorpusDifferentialTest {
    /** The client to compare with: {@code ssh} on PATH unless the system property names another. */
    static final String SSH = System.getProperty("ctlmux.oracle.ssh", "ssh");

    static Path corpus() {
        return io.ctlmux.config.testing.Corpus.dir();
    }

    record SshRun(int rc, String stdout, List<String> stderr) {
    }

    static boolean hasSsh() {
        try {
            Process p = new ProcessBuilder(SSH, "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static SshRun ssh(List<String> args, boolean offline) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (offline) {
            cmd.add("unshare");
            cmd.add("-n");
        }
        cmd.add(SSH);
        cmd.add("-G");
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        int rc = p.waitFor();
        List<String> errLines = new ArrayList<>();
        for (String l : new String(err, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            if (!l.isEmpty() && !l.startsWith("Pseudo-terminal will not be allocated")) {
                errLines.add(l);
            }
        }
        return new SshRun(rc, new String(out, StandardCharsets.ISO_8859_1), errLines);
    }

    @Test
    void everyCorpusPairAgreesWithSshG() throws Exception {
        Path dir = corpus();
        assumeTrue(dir != null, "shared/corpus/realworld not found next to the repository: corpus test skipped");
        assumeTrue(hasSsh(), "no ssh client installed: differential test skipped");
        Dialect dialect;
        if (SSH.equals("ssh")) {
            dialect = SshConfig.defaultDialect();
            assumeTrue(dialect.debian && dialect.version == 902,
                    "installed ssh is not Debian OpenSSH 9.2p1 (the corpus verdicts are for it): skipped");
        } else {
            dialect = oracleDialect();
        }
        boolean offline = unshareWorks();
        List<String> lines = Files.readAllLines(dir.resolve("hosts.tsv"));
        int pairs = 0;
        List<String> failures = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            String file = dir.resolve(f[0]).toString();
            for (String host : f[1].split(" ")) {
                pairs++;
                List<String> args = List.of("-F", file, host);
                SshRun want = ssh(args, offline);
                int rc;
                String out = "";
                List<String> err;
                try {
                    SshConfig.Resolution r = SshConfig.resolveFull(args, dialect, Evaluator.ExecPolicy.RUN);
                    rc = 0;
                    out = r.options().render();
                    err = r.stderr();
                } catch (SshConfigException e) {
                    rc = e.exitCode();
                    err = e.stderrLines();
                }
                // one element per printed line (a ctlmux message may hold several lines)
                List<String> errVis = err.stream().flatMap(l -> java.util.Arrays.stream(l.split("\n", -1)))
                        .map(Vis::log).toList();
                if (rc != want.rc()) {
                    failures.add(f[0] + " " + host + ": exit " + rc + " want " + want.rc() + " " + want.stderr()
                            + " got " + errVis);
                } else if (rc == 0 && !out.equals(want.stdout())) {
                    failures.add(f[0] + " " + host + ": stdout differs:\n" + diff(want.stdout(), out));
                } else if (rc != 0 && !errVis.equals(want.stderr())) {
                    failures.add(f[0] + " " + host + ": stderr differs: want " + want.stderr() + " got " + errVis);
                }
            }
        }
        assertTrue(pairs > 1000, "expected the whole corpus, read " + pairs + " pairs");
        assertEquals(List.of(), failures.size() > 40 ? failures.subList(0, 40) : failures,
                failures.size() + " of " + pairs + " pairs differ");
    }

    /** The dialect {@code SSH -V} names; fails the test when ctlmux has none for it. */
    private static Dialect oracleDialect() throws Exception {
        Process p = new ProcessBuilder(SSH, "-V").redirectErrorStream(true).start();
        String banner = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).trim();
        p.waitFor();
        return Dialect.fromVersionBanner(banner)
                .orElseThrow(() -> new AssertionError("no ctlmux dialect for " + SSH + ": " + banner));
    }

    static String diff(String want, String got) {
        String[] a = want.split("\n");
        String[] b = got.split("\n");
        StringBuilder sb = new StringBuilder();
        int n = Math.max(a.length, b.length);
        int shown = 0;
        for (int i = 0; i < n && shown < 6; i++) {
            String x = i < a.length ? a[i] : "<none>";
            String y = i < b.length ? b[i] : "<none>";
            if (!x.equals(y)) {
                sb.append("  line ").append(i + 1).append(": want [").append(x).append("] got [").append(y)
                        .append("]\n");
                shown++;
            }
        }
        return sb.toString();
    }
}
