package io.ctlmux.config.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.ParseCache;
import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.render.GRenderer;
import io.ctlmux.config.resolved.Diagnostic;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.resolved.ResolvedValue;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolving every destination a config names (what lint does) costs work linear in the config's size, not
 * quadratic, and the {@link InertBlocks} memo that makes it so changes no result. Work is counted in lines the
 * evaluator looks at, so the bounds hold on a loaded machine; the one timed check compares CPU time with a wide
 * margin (linear: 4x, quadratic: 16x).
 */
class InertBlocksTest {
    private static final Dialect DIALECT = Dialect.newest();

    @TempDir
    Path dir;

    /**
     * One file of {@code n} Host blocks with a few wildcard blocks and a Match in the middle; with {@code bad}, a
     * line ssh rejects (then every resolution fails, as with ssh).
     */
    private Path blocks(String name, int n, boolean bad) throws IOException {
        StringBuilder sb = new StringBuilder("User top\n");
        for (int i = 0; i < n; i++) {
            sb.append("Host h").append(i).append(" alias").append(i).append('\n');
            sb.append("    HostName h").append(i).append(".example.net\n");
            sb.append("    Port ").append(1000 + i % 50000).append('\n');
            sb.append("    IdentityFile ~/.ssh/id_").append(i % 7).append('\n');
            sb.append("    LocalForward ").append(2000 + i % 1000).append(" localhost:22\n");
            if (i % 97 == 0) {
                sb.append("Host *.zone").append(i % 3).append("\n    ForwardAgent yes\n");
            }
            if (i == n / 2) {
                sb.append("Match user nobody\n    Compression yes\n");
                sb.append("Host h").append(i).append("x\n    Port ").append(bad ? "notanumber" : "7").append('\n');
                sb.append("    IgnoreUnknown Frob*\nHost h").append(i).append("y\n    FrobNicate yes\n");
            }
        }
        sb.append("Host *\n    ControlPath ~/.ssh/cm-%C\n    ServerAliveInterval 30\n");
        return write(dir.resolve(name), sb.toString());
    }

    /** A config including {@code n} files of one Host block each. */
    private Path includes(String name, int n) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name + ".d"));
        for (int i = 0; i < n; i++) {
            write(d.resolve(String.format("f%06d.conf", i)),
                    "Host h" + i + "\n    User u" + i + "\n    Port " + (1000 + i) + "\n");
        }
        return write(dir.resolve(name), "Include " + d + "/*.conf\nHost *\n    ControlPath ~/.ssh/cm-%C\n");
    }

    private static Path write(Path p, String text) throws IOException {
        Files.write(p, text.getBytes(StandardCharsets.ISO_8859_1));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    private static List<String> destinations(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("h" + i);
        }
        out.add("h" + (n / 2) + "x");
        out.add("h" + (n / 2) + "y");
        out.add("a.zone1");
        out.add("nosuch.invalid");
        return out;
    }

    /** The -G lines and the messages, or the failure's messages. */
    private static String resolve(Path file, String dest, InertBlocks memo) {
        Evaluator ev = new Evaluator(DIALECT, new SystemEnvironment(), Evaluator.ExecPolicy.NEVER, ParseCache::parse);
        if (memo != null) {
            ev.useInertBlocks(memo);
        }
        try {
            ResolvedConfig r = Resolver.resolve(List.of("-F", file.toString(), dest), ev);
            StringBuilder sb = new StringBuilder();
            for (Diagnostic d : r.diagnostics()) {
                sb.append(d).append('\n');
            }
            for (ResolvedValue v : GRenderer.render(r).options().values()) {
                sb.append(v.keyword()).append(' ').append(v.value()).append('\n');
            }
            return sb.toString();
        } catch (Resolver.Failure f) {
            return "failed " + f.exitCode() + ": " + f.diagnostics();
        }
    }

    /** Lines looked at to resolve every destination with one memo. */
    private static long work(Path file, List<String> dests) {
        InertBlocks memo = new InertBlocks();
        for (String d : dests) {
            resolve(file, d, memo);
        }
        return memo.linesProcessed();
    }

    @Test
    void theMemoChangesNoResult() throws IOException {
        Path big = blocks("big.conf", 300, false);
        Path bad = blocks("bad.conf", 300, true);
        Path inc = includes("inc.conf", 200);
        for (Path file : List.of(big, bad, inc)) {
            InertBlocks memo = new InertBlocks();
            for (String d : destinations(file == inc ? 200 : 300)) {
                assertEquals(resolve(file, d, null), resolve(file, d, memo), file + " " + d);
            }
            assertTrue(memo.linesSkipped() > 0, "the memo skipped nothing: " + memo);
        }
    }

    @Test
    void resolvingEveryHostOfABigFileIsLinear() throws IOException {
        long small = work(blocks("n.conf", 500, false), destinations(500));
        long large = work(blocks("4n.conf", 2000, false), destinations(2000));
        // Linear: about 4x; walking every block for every destination: 16x.
        assertTrue(large < 7 * small, "work for 4N blocks: " + large + ", for N: " + small);
    }

    @Test
    void resolvingEveryHostOfAnIncludeGlobIsLinear() throws IOException {
        long small = work(includes("n.conf", 300), destinations(300));
        long large = work(includes("4n.conf", 1200), destinations(1200));
        assertTrue(large < 7 * small, "work for 4N files: " + large + ", for N: " + small);
    }

    /** One destination, an Include of N files, no memo (what `ctlmux config` does): CPU time, best of three. */
    @Test
    void oneResolutionOfALargeIncludeIsLinear() throws IOException {
        Path small = includes("c1.conf", 1000);
        Path large = includes("c4.conf", 4000);
        resolve(small, "h1", null); // warm up
        long a = cpu(small, "h500");
        long b = cpu(large, "h2000");
        assertTrue(b < 10 * a, "CPU for 4N files: " + b / 1000 + " us, for N: " + a / 1000 + " us");
    }

    private static long cpu(Path file, String dest) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            resolve(file, dest, null);
            best = Math.min(best, mx.getCurrentThreadCpuTime() - t0);
        }
        return best;
    }
}
