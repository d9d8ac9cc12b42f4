package io.ctlmux.bench;

import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.eval.Resolver;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.render.GRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Parse + resolve + render ({@code ctlmux config}'s work without JVM start-up): reading the config file(s),
 * {@link Resolver#resolve} and {@link GRenderer#render} to {@code ssh -G} text.
 *
 * <p>{@code resolveBigConfig}: the generated 10,000-block config ({@code -Dctlmux.bigConfig=FILE}, default
 * {@code bench/out/big-10000.conf}), destination = the last block's alias, parsed afresh each time.
 * {@code resolveCorpus}: one op = every (file, host) pair of {@code hosts.tsv} in the corpus
 * ({@code -Dctlmux.corpus=DIR}), the figure issue 2 compares with one {@code ssh -G} per pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResolverBenchmark {
    private static final String BIG_LAST_HOST = "dev-09999";

    private final SystemEnvironment env = new SystemEnvironment();
    private String bigConfig;
    private final List<List<String>> corpusArgs = new ArrayList<>();

    @Setup(Level.Trial)
    public void load() throws IOException, InterruptedException {
        bigConfig = BenchInputs.bigConfigPath().toString();
        Path corpus = BenchInputs.corpusDir();
        List<String> lines = Files.readAllLines(corpus.resolve("hosts.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            for (String host : f[1].split(" ")) {
                corpusArgs.add(List.of("-F", corpus.resolve(f[0]).toString(), host));
            }
        }
    }

    /** Read, parse, resolve and render the 10,000-block config for its last alias. */
    @Benchmark
    public String resolveBigConfig() throws Resolver.Failure {
        return resolveAndRender(List.of("-F", bigConfig, BIG_LAST_HOST));
    }

    /**
     * Every corpus pair (1358) once, exactly as {@code ctlmux config -F FILE HOST} resolves one
     * ({@link SshConfig#resolveFull}: files read every time, trees from {@link io.ctlmux.config.load.ParseCache},
     * Match exec run); failures (where ssh fails too) are consumed like results.
     */
    @Benchmark
    public void resolveCorpus(Blackhole bh) {
        for (List<String> args : corpusArgs) {
            try {
                bh.consume(SshConfig.resolveFull(args, Dialect.DEBIAN_9_2, Evaluator.ExecPolicy.RUN).options()
                        .render());
            } catch (SshConfigException f) {
                bh.consume(f);
            }
        }
    }

    private String resolveAndRender(List<String> args) throws Resolver.Failure {
        ResolvedConfig r = Resolver.resolve(args, Dialect.DEBIAN_9_2, env, Evaluator.ExecPolicy.RUN);
        return GRenderer.render(r).options().render();
    }
}
