package io.ctlmux.config.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the installed {@code ssh -G} as an oracle for tests; tests are skipped when it is absent. */
public final class RealSsh {
    private static final long TIMEOUT_SECONDS = 20;
    private static volatile String banner;

    private RealSsh() {}

    /** The outcome of one {@code ssh -G} run; lines are ISO-8859-1 and carry no CR/LF. */
    public record Result(int exitCode, List<String> out, List<String> err) {
        /** The value of the first {@code -G} line for {@code keyword}, or null. */
        public String value(String keyword) {
            for (String l : out) {
                if (l.startsWith(keyword + " ")) {
                    return l.substring(keyword.length() + 1);
                }
            }
            return null;
        }
    }

    /** Skips the calling test unless {@code ssh -V} works; returns the version banner. */
    public static String assumeAvailable() {
        if (banner == null) {
            try {
                Process p = new ProcessBuilder("ssh", "-V").redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).trim();
                boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                banner = done && p.exitValue() == 0 && text.startsWith("OpenSSH_") ? text : "";
            } catch (IOException e) {
                banner = "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                banner = "";
            }
        }
        assumeTrue(!banner.isEmpty(), "no usable OpenSSH client (ssh -V) on this machine");
        return banner;
    }

    /**
     * Runs {@code ssh -F <config> -T -G args...} with the current environment plus {@code envOverrides} (a null
     * value removes the variable).
     */
    public static Result g(Path dir, String config, Map<String, String> envOverrides, String... args)
            throws IOException, InterruptedException {
        assumeAvailable();
        Path cfg = Files.createTempFile(dir, "ssh_config", "");
        Files.write(cfg, config.getBytes(StandardCharsets.ISO_8859_1));
        List<String> cmd = new ArrayList<>(List.of("ssh", "-F", cfg.toString(), "-T", "-G"));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        envOverrides.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ssh -G did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        return new Result(p.exitValue(), lines(out.join()), lines(err.join()));
    }

    /** The full {@code gethostname()} as ssh sees it, or skips. */
    public static String hostname() throws IOException {
        Path p = Path.of("/proc/sys/kernel/hostname");
        assumeTrue(Files.isReadable(p), "no /proc/sys/kernel/hostname");
        return Files.readString(p, StandardCharsets.ISO_8859_1).trim();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static List<String> lines(byte[] b) {
        List<String> out = new ArrayList<>();
        for (String l : new String(b, StandardCharsets.ISO_8859_1).split("\n")) {
            if (l.endsWith("\r")) {
                l = l.substring(0, l.length() - 1);
            }
            if (!l.isEmpty() && !l.startsWith("Pseudo-terminal will not be allocated")) {
                out.add(l);
            }
        }
        return out;
    }
}
