package io.ctlmux.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ctlmux.config.text.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Lint never throws and never reports an internal error, whatever the file holds. In {@code mvn verify} only the
 * seed inputs run; fuzz with {@code JAZZER_FUZZ=1 mvn -pl parser test -Dtest=LintFuzzTest}.
 */
class LintFuzzTest {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("ctlmux-lint-fuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void lintAnyBytes(byte[] data) throws IOException {
        Path f = DIR.resolve("config");
        Files.write(f, data);
        Linter.Report r = new Linter(new LintOptions(LintFixture.TARGETS, Platform.LINUX, false, Set.of()),
                LintFixture.env(DIR)).lint(List.of(f.toString()));
        List<Diagnostic> internal = r.findings().stream().filter(d -> d.code().equals("internal-error")).toList();
        assertEquals(List.of(), internal);
        for (LintOutput o : LintOutput.values()) {
            o.render(r.findings(), "x");
        }
    }
}
