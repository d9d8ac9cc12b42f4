package io.ctlmux.config.keyword;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs the installed {@code ssh -F file -G h} (Debian 9.2 oracle); tests skip when it is absent. */
final class SshOracle {
    record Result(int exit, List<String> stdout, String stderr) {
        List<String> linesStartingWith(String prefix) {
            return stdout.stream().filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
        }
    }

    private static final Optional<Dialect> DIALECT = detect();

    private SshOracle() {
    }

    /** True when a Debian 9.2 ssh (any revision) is installed (the dialect these oracle tests assert). */
    static boolean available() {
        return DIALECT.filter(d -> d.debian && d.version == 902).isPresent();
    }

    /** The dialect of the installed ssh, or Debian 9.2's newest revision when none is recognised. */
    static Dialect dialect() {
        return DIALECT.orElse(Dialect.DEBIAN_9_2);
    }

    private static Optional<Dialect> detect() {
        try {
            Process p = new ProcessBuilder("ssh", "-V").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String banner = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return Dialect.fromVersionBanner(banner);
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    static Result run(String config) {
        try {
            Path dir = Files.createTempDirectory("ctlmux-oracle");
            Path cfg = dir.resolve("c.conf");
            Files.writeString(cfg, config, StandardCharsets.UTF_8);
            Path out = dir.resolve("out");
            Path err = dir.resolve("err");
            Process p = new ProcessBuilder("ssh", "-F", cfg.toString(), "-G", "h")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("ssh -G timed out");
            }
            Result r = new Result(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(cfg);
            Files.delete(out);
            Files.delete(err);
            Files.delete(dir);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
