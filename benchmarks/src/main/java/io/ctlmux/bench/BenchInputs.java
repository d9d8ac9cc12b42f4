package io.ctlmux.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Locates benchmark inputs: the generated big config and the real-world corpus (see {@link ResolverBenchmark}). */
final class BenchInputs {
    private static final long GENERATOR_TIMEOUT_SECONDS = 120;

    private BenchInputs() {
    }

    /** {@code -Dctlmux.bigConfig}, else {@code bench/out/big-10000.conf}, generated when missing. */
    static Path bigConfigPath() throws IOException, InterruptedException {
        String configured = System.getProperty("ctlmux.bigConfig");
        if (configured != null) {
            return Paths.get(configured);
        }
        Path gen = findUp("bench/gen-big-config.py").orElseThrow(() -> new IllegalStateException(
                "bench/gen-big-config.py not found above " + cwd() + "; pass -Dctlmux.bigConfig=FILE"));
        Path out = gen.getParent().resolve("out/big-10000.conf");
        if (!Files.isRegularFile(out)) {
            Files.createDirectories(out.getParent());
            Process p = new ProcessBuilder("python3", gen.toString(), "--hosts", "10000", "-o", out.toString())
                    .inheritIO().start();
            if (!p.waitFor(GENERATOR_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("gen-big-config.py did not finish in " + GENERATOR_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("gen-big-config.py failed with exit code " + p.exitValue());
            }
        }
        return out;
    }

    /** {@code -Dctlmux.corpus}, else {@code shared/corpus/realworld} found by walking up from the working directory. */
    static Path corpusDir() {
        String configured = System.getProperty("ctlmux.corpus");
        if (configured != null) {
            return Paths.get(configured);
        }
        return findUp("shared/corpus/realworld").or(() -> findUp("../shared/corpus/realworld"))
                .orElseThrow(() -> new IllegalStateException(
                        "shared/corpus/realworld not found above " + cwd() + "; pass -Dctlmux.corpus=DIR"));
    }

    private static Optional<Path> findUp(String relative) {
        for (Path dir = cwd(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative).normalize();
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path cwd() {
        return Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    }
}
