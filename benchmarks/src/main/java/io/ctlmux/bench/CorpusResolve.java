package io.ctlmux.bench;

import io.ctlmux.config.eval.Environment;
import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.load.SystemEnvironment;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Resolves every (file, host) pair of a corpus {@code hosts.tsv} in one JVM, the way {@code ctlmux config -F FILE
 * HOST} does ({@link SshConfig#resolveFull}, rendered to {@code ssh -G} text), {@code PASSES} times over. Prints one
 * line per pass (in-process time, the part of it spent on {@code Match exec} processes, and this thread's CPU time,
 * which a loaded machine disturbs less), then a
 * {@code summary:} line: the first pass and the median of the second half of the passes (the first half is
 * warm-up). Used by {@code bench/corpus-resolve.sh}.
 *
 * <pre>java -cp benchmarks/target/ctlmux-benchmarks.jar io.ctlmux.bench.CorpusResolve DIR [PASSES]</pre>
 */
public final class CorpusResolve {
    private CorpusResolve() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: CorpusResolve CORPUS_DIR [PASSES]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        if (passes < 1) {
            System.err.println("CorpusResolve: PASSES must be at least 1");
            System.exit(2);
        }
        List<List<String>> pairs = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("hosts.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            String file = dir.resolve(f[0]).toString();
            for (String host : f[1].split(" ")) {
                pairs.add(List.of("-F", file, host));
            }
        }
        double[] total = new double[passes];
        double[] exec = new double[passes];
        double[] cpu = new double[passes];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int execs = 0;
        for (int pass = 0; pass < passes; pass++) {
            TimedExec timer = new TimedExec();
            int failed = 0;
            long bytes = 0;
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (List<String> pair : pairs) {
                try {
                    bytes += SshConfig.resolveFull(pair, Dialect.DEBIAN_9_2, Evaluator.ExecPolicy.RUN,
                            timer.wrap(new SystemEnvironment())).options().render().length();
                } catch (SshConfigException e) {
                    failed++;
                }
            }
            total[pass] = (System.nanoTime() - t0) / 1e6;
            cpu[pass] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            exec[pass] = timer.nanos / 1e6;
            execs = timer.count;
            System.out.printf("pass %d: %d pairs (%d fail as ssh would), %d bytes of -G output, %.1f ms in-process"
                    + " (%.3f ms/pair), of which %.1f ms in %d Match exec processes; %.1f ms CPU of this thread%n",
                    pass + 1, pairs.size(), failed, bytes, total[pass], total[pass] / pairs.size(), exec[pass],
                    timer.count, cpu[pass]);
        }
        int from = passes / 2;
        System.out.printf("summary: pairs=%d passes=%d first_ms=%.1f first_exec_ms=%.1f steady_ms=%.1f"
                + " steady_exec_ms=%.1f steady_cpu_ms=%.1f execs_per_pass=%d (steady = median of passes %d..%d)%n",
                pairs.size(), passes, total[0], exec[0], median(total, from), median(exec, from), median(cpu, from),
                execs, from + 1, passes);
    }

    private static double median(double[] values, int from) {
        double[] v = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Counts and times {@link Environment#exec} (the {@code Match exec} processes); everything else delegates. */
    private static final class TimedExec {
        long nanos;
        int count;

        Environment wrap(Environment d) {
            return new Environment() {
                @Override
                public int exec(String command) {
                    long t0 = System.nanoTime();
                    try {
                        return d.exec(command);
                    } finally {
                        nanos += System.nanoTime() - t0;
                        count++;
                    }
                }

                @Override
                public String getenv(String name) {
                    return d.getenv(name);
                }

                @Override
                public String userName() {
                    return d.userName();
                }

                @Override
                public long uid() {
                    return d.uid();
                }

                @Override
                public String home() {
                    return d.home();
                }

                @Override
                public Optional<String> homeOf(String user) {
                    return d.homeOf(user);
                }

                @Override
                public String hostName() {
                    return d.hostName();
                }

                @Override
                public Optional<byte[]> readFile(String path) throws IOException {
                    return d.readFile(path);
                }

                @Override
                public FileFacts fileFacts(String path) {
                    return d.fileFacts(path);
                }

                @Override
                public Optional<GroupFacts> group(long gid) {
                    return d.group(gid);
                }

                @Override
                public Optional<String> userNameOf(long uid) {
                    return d.userNameOf(uid);
                }

                @Override
                public Optional<ConfigInput> open(String path) throws IOException {
                    return d.open(path);
                }

                @Override
                public List<String> glob(String pattern) {
                    return d.glob(pattern);
                }

                @Override
                public Optional<InetAddress[]> resolve(String host) {
                    return d.resolve(host);
                }

                @Override
                public List<InetAddress> localAddresses() {
                    return d.localAddresses();
                }
            };
        }
    }
}
