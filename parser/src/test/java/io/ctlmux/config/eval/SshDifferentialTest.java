package io.ctlmux.config.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.keyword.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short, fixed-seed run of {@link SshDifferential} against the installed {@code ssh}: every generated case must
 * give what {@code ssh -G} gives (stdout, stderr, exit status, -E's file). Skipped when there is no {@code ssh}, or
 * one no dialect of ctlmux reproduces. Long runs: {@code bench/differential.sh}. A divergence is written as a
 * conformance case under {@code target/differential/} for recording with {@code testdata/record.sh}.
 */
class SshDifferentialTest {
    /** Cases per run: one ssh process each (10 ms on a quiet machine). */
    private static final int CASES = Integer.getInteger("ctlmux.diff.cases", 100);
    private static final long SEED = Long.getLong("ctlmux.diff.seed", 20261202L);

    @TempDir
    Path scratch;

    @Test
    void generatedCasesAreReproducible() {
        assertEquals(SshDifferential.generate(7, 3), SshDifferential.generate(7, 3));
        assertNotEquals(SshDifferential.generate(7, 3), SshDifferential.generate(7, 4));
    }

    @Test
    void installedSshAgreesOnGeneratedCases() throws Exception {
        String banner = SshDifferential.banner("ssh");
        assumeTrue(banner != null, "no ssh client on PATH: the differential run against ssh -G is skipped");
        Dialect d = ConformanceTest.dialectOfBanner(banner);
        assumeTrue(d != null, "no ctlmux dialect reproduces the installed " + banner
                + ": the differential run against ssh -G is skipped");
        SshDifferential.Summary s = new SshDifferential("ssh", d).run(SEED, CASES, scratch);
        assertEquals(CASES, s.ran());
        if (!s.divergences().isEmpty()) {
            Path out = Path.of("target", "differential");
            Files.createDirectories(out);
            for (SshDifferential.Divergence dv : s.divergences()) {
                SshDifferential.writeCase(dv, out);
            }
        }
        assertTrue(s.divergences().isEmpty(), s.divergences().size() + " of " + CASES + " generated cases differ from "
                + banner + " (written under target/differential/):\n" + s.divergences().stream()
                        .limit(5).map(SshDifferential.Divergence::describe).collect(Collectors.joining("\n")));
    }
}
