package io.ctlmux.bench;

import io.ctlmux.config.syntax.ConfigFile;
import io.ctlmux.config.syntax.ConfigParser;
import io.ctlmux.config.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link ConfigParser#parse} throughput on the generated 10,000-block config and on the real-world corpus.
 *
 * <p>Inputs: {@code -Dctlmux.bigConfig=FILE} (default: {@code bench/out/big-10000.conf}, generated with
 * {@code bench/gen-big-config.py} when missing) and {@code -Dctlmux.corpus=DIR} (default: the
 * {@code shared/corpus/realworld} directory found by walking up from the working directory).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConfigParserBenchmark {
    private static final long GENERATOR_TIMEOUT_SECONDS = 120;

    private byte[] bigConfig;
    private final List<String> corpusNames = new ArrayList<>();
    private final List<byte[]> corpusFiles = new ArrayList<>();

    @Setup(Level.Trial)
    public void load() throws IOException, InterruptedException {
        bigConfig = Files.readAllBytes(bigConfigPath());
        Path corpus = corpusDir();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList()) {
                corpusNames.add(f.toString());
                corpusFiles.add(Files.readAllBytes(f));
            }
        }
        if (corpusFiles.isEmpty()) {
            throw new IllegalStateException("no *.conf files in " + corpus);
        }
    }

    /** One parse of the whole ~1 MB, 10,000-block config. */
    @Benchmark
    public ConfigFile parseBigConfig() {
        return ConfigParser.parse(SourceText.ofBytes("big-10000.conf", bigConfig));
    }

    /** One parse of every corpus file (about 280 files, 1.4 MB in all). */
    @Benchmark
    public void parseCorpus(Blackhole bh) {
        for (int i = 0; i < corpusFiles.size(); i++) {
            bh.consume(ConfigParser.parse(SourceText.ofBytes(corpusNames.get(i), corpusFiles.get(i))));
        }
    }

    private static Path bigConfigPath() throws IOException, InterruptedException {
        String configured = System.getProperty("ctlmux.bigConfig");
        if (configured != null) {
            return Paths.get(configured);
        }
        Path repo = findUp("bench/gen-big-config.py")
                .orElseThrow(() -> new IllegalStateException(
                        "bench/gen-big-config.py not found above " + cwd() + "; pass -Dctlmux.bigConfig=FILE"))
                .getParent().getParent();
        Path out = repo.resolve("bench/out/big-10000.conf");
        if (!Files.isRegularFile(out)) {
            Files.createDirectories(out.getParent());
            Process p = new ProcessBuilder("python3", repo.resolve("bench/gen-big-config.py").toString(),
                    "--hosts", "10000", "-o", out.toString()).inheritIO().start();
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

    private static Path corpusDir() {
        String configured = System.getProperty("ctlmux.corpus");
        if (configured != null) {
            return Paths.get(configured);
        }
        return findUp("shared/corpus/realworld")
                .or(() -> findUp("../shared/corpus/realworld"))
                .orElseThrow(() -> new IllegalStateException(
                        "shared/corpus/realworld not found above " + cwd() + "; pass -Dctlmux.corpus=DIR"));
    }

    /** The first {@code dir/relative} that exists, for dir = the working directory and its ancestors. */
    private static java.util.Optional<Path> findUp(String relative) {
        for (Path dir = cwd(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative).normalize();
            if (Files.exists(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    private static Path cwd() {
        return Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    }
}
