package io.ctlmux.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.text.Diagnostic;
import io.ctlmux.config.text.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lints every file of the real-world corpus in one run, for three targets: no file breaks lint, and every file the
 * installed ssh rejects (validation.tsv, exit status 255) gets at least one error at a line of that file.
 */
class CorpusLintTest {
    static Path corpus() {
        return io.ctlmux.config.testing.Corpus.dir();
    }

    @Test
    void wholeCorpusLintsWithoutCrashAndRejectedFilesGetErrors() throws Exception {
        Path corpus = corpus();
        assumeTrue(corpus != null, "shared/corpus/realworld not found next to the repository: skipped");
        List<String> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".conf")).map(Path::toString).sorted()
                    .toList();
        }
        assertTrue(files.size() > 100, "corpus looks incomplete: " + files.size());
        Linter.Report r = new Linter(new LintOptions(LintFixture.TARGETS, Platform.LINUX, false, Set.of()),
                new SystemEnvironment()).lint(files);
        assertEquals(List.of(), r.ioErrors());
        List<Diagnostic> internal = r.findings().stream().filter(d -> d.code().equals("internal-error")).toList();
        assertEquals(List.of(), internal);

        Set<String> rejected = new TreeSet<>();
        for (String line : Files.readAllLines(corpus.resolve("validation.tsv"), StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\t", -1);
            if (f.length >= 3 && f[2].equals("255")) {
                rejected.add(corpus.resolve(f[0]).toString());
            }
        }
        assertTrue(rejected.size() > 10, "validation.tsv lists few rejected files: " + rejected.size());
        List<String> withoutError = new ArrayList<>();
        for (String file : rejected) {
            boolean hasError = r.findings().stream().anyMatch(d -> d.severity() == Severity.ERROR
                    && d.span().file().equals(file) && d.span().line() >= 1);
            if (!hasError) {
                withoutError.add(file);
            }
        }
        assertEquals(List.of(), withoutError, "files OpenSSH rejects but lint reports no error for");
    }
}
