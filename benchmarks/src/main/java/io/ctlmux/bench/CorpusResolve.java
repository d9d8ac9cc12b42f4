package io.ctlmux.bench;

import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves every (file, host) pair of a corpus {@code hosts.tsv} in one JVM, the way {@code ctlmux config -F FILE
 * HOST} does ({@link SshConfig#resolveFull}, rendered to {@code ssh -G} text), and prints the pair count, failures
 * and the in-process time. Used by {@code bench/corpus-resolve.sh}, which times the whole process.
 *
 * <pre>java -cp benchmarks/target/ctlmux-benchmarks.jar io.ctlmux.bench.CorpusResolve DIR [ROUNDS]</pre>
 */
public final class CorpusResolve {
    private CorpusResolve() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: CorpusResolve CORPUS_DIR [ROUNDS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<String> lines = Files.readAllLines(dir.resolve("hosts.tsv"));
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            int pairs = 0;
            int failed = 0;
            long bytes = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                String file = dir.resolve(f[0]).toString();
                for (String host : f[1].split(" ")) {
                    pairs++;
                    try {
                        bytes += SshConfig.resolveFull(List.of("-F", file, host), Dialect.DEBIAN_9_2,
                                Evaluator.ExecPolicy.RUN).options().render().length();
                    } catch (SshConfigException e) {
                        failed++;
                    }
                }
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf("round %d: %d pairs (%d fail as ssh would), %d bytes of -G output, %.1f ms in-process"
                    + " (%.3f ms/pair)%n", round, pairs, failed, bytes, ms, ms / pairs);
        }
    }
}
