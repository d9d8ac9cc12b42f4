package io.ctlmux.config.load;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.eval.Environment;
import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.eval.Resolver;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.render.GRenderer;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.resolved.ResolvedOptions;
import io.ctlmux.config.text.ByteText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The entry point other modules use: resolve ssh command-line arguments (the ones {@code ssh} takes, e.g.
 * {@code -F file -o X=y -S path user@host}) to what {@code ssh -G} would print, with provenance.
 */
public final class SshConfig {
    private SshConfig() {
    }

    /**
     * A full resolution: the typed result, its -G lines and the stderr lines ssh would print (at its LogLevel, the
     * -G dump's own included).
     */
    public record Resolution(ResolvedOptions options, ResolvedConfig result, List<String> stderr) {
    }

    /**
     * The typed result and -G lines for {@code sshArgs}. Files are parsed without ANTLR ({@link ParseCache}), so that start-up
     * sensitive commands such as {@code ctlmux check} stay fast.
     */
    public static Resolution resolve(List<String> sshArgs) throws SshConfigException {
        return resolve(SshCommandLine.parse(sshArgs, defaultDialect()));
    }

    /** {@link #resolve(List)} of a command line split already (with {@link #defaultDialect()}'s letters). */
    public static Resolution resolve(SshCommandLine args) throws SshConfigException {
        return resolve(args, defaultEvaluator());
    }

    /**
     * The typed result for {@code sshArgs} without the {@code -G} rendering, for callers that need only a few
     * values (such as {@code ctlmux check}: ControlPath, LogLevel, ConnectTimeout) and want to start fast.
     */
    public static ResolvedConfig resolveUnrendered(List<String> sshArgs) throws SshConfigException {
        return resolveUnrendered(SshCommandLine.parse(sshArgs, defaultDialect()));
    }

    /** {@link #resolveUnrendered(List)} of a command line split already (with {@link #defaultDialect()}'s letters). */
    public static ResolvedConfig resolveUnrendered(SshCommandLine args) throws SshConfigException {
        try {
            return Resolver.resolve(args, defaultEvaluator());
        } catch (Resolver.Failure f) {
            throw new SshConfigException(f.printed(), f.exitCode(), f.route());
        }
    }

    /** The installed ssh's dialect, this machine, Match exec run, files parsed through {@link ParseCache}. */
    private static Evaluator defaultEvaluator() {
        return new Evaluator(defaultDialect(), new SystemEnvironment(), Evaluator.ExecPolicy.RUN, ParseCache::parse);
    }

    public static Resolution resolveFull(List<String> sshArgs, Dialect dialect, Evaluator.ExecPolicy exec)
            throws SshConfigException {
        return resolveFull(sshArgs, dialect, exec, new SystemEnvironment());
    }

    /** {@link #resolveFull(List, Dialect, Evaluator.ExecPolicy)} of a command line split with {@code dialect}. */
    public static Resolution resolveFull(SshCommandLine args, Dialect dialect, Evaluator.ExecPolicy exec)
            throws SshConfigException {
        return resolve(args, new Evaluator(dialect, new SystemEnvironment(), exec, ParseCache::parse));
    }

    /** {@link #resolveFull(List, Dialect, Evaluator.ExecPolicy)} against {@code env} (e.g. an instrumented one). */
    public static Resolution resolveFull(List<String> sshArgs, Dialect dialect, Evaluator.ExecPolicy exec,
            Environment env) throws SshConfigException {
        return resolve(SshCommandLine.parse(sshArgs, dialect), new Evaluator(dialect, env, exec, ParseCache::parse));
    }

    private static Resolution resolve(SshCommandLine sshArgs, Evaluator ev) throws SshConfigException {
        Dialect dialect = ev.dialect();
        try {
            ResolvedConfig r = Resolver.resolve(sshArgs, ev);
            GRenderer.Rendered g = GRenderer.render(r);
            List<String> err = new ArrayList<>(r.printed());
            if (r.laterErrorsPrinted()) {
                err.addAll(g.stderr());
            }
            return new Resolution(g.options(), r, err);
        } catch (Resolver.Failure f) {
            throw new SshConfigException(f.printed(), f.exitCode(), f.route());
        }
    }

    private static volatile Dialect detected;

    /** The first word of a dialect cache entry; changed whenever the meaning of a dialect id changes. */
    static final String MEMO_FORMAT = "2";

    /**
     * The dialect of the installed {@code ssh} ({@code ssh -V}), else the newest. {@code CTLMUX_OPENSSH} (e.g.
     * {@code 9.2-debian}) overrides without running ssh.
     */
    public static Dialect defaultDialect() {
        Dialect d = detected;
        if (d != null) {
            return d;
        }
        String forced = System.getenv("CTLMUX_OPENSSH");
        if (forced != null && Dialect.parse(forced).isPresent()) {
            d = Dialect.parse(forced).get();
        } else {
            d = installedDialect();
        }
        detected = d;
        return d;
    }

    /**
     * The dialect of the {@code ssh} on PATH. Running {@code ssh -V} costs a process (tens of milliseconds in a
     * JVM), so the answer is remembered in {@code $XDG_CACHE_HOME/ctlmux/openssh-dialect} (default
     * {@code ~/.cache}), keyed by the binary's path, size and modification time. The key starts with
     * {@link #MEMO_FORMAT}: entries written before dialects named Debian revisions (where {@code 9.2-debian} meant
     * deb12u6) no longer match.
     */
    private static Dialect installedDialect() {
        java.nio.file.Path ssh = findOnPath("ssh");
        if (ssh == null) {
            return Dialect.newest();
        }
        String key;
        try {
            java.nio.file.attribute.BasicFileAttributes at = java.nio.file.Files.readAttributes(ssh,
                    java.nio.file.attribute.BasicFileAttributes.class);
            key = MEMO_FORMAT + " " + ssh + " " + at.size() + " " + at.lastModifiedTime().toMillis();
        } catch (IOException e) {
            key = null;
        }
        java.nio.file.Path memo = cacheFile();
        if (key != null && memo != null) {
            try {
                String line = java.nio.file.Files.readString(memo, StandardCharsets.UTF_8).trim();
                int sp = line.lastIndexOf(' ');
                if (sp > 0 && line.substring(0, sp).equals(key)) {
                    java.util.Optional<Dialect> d = Dialect.parse(line.substring(sp + 1));
                    if (d.isPresent()) {
                        return d.get();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no memo yet, or unreadable: ask ssh
            }
        }
        Dialect d = askSsh(ByteText.ofPath(ssh));
        if (key != null && memo != null) {
            try {
                java.nio.file.Files.createDirectories(memo.getParent());
                java.nio.file.Path tmp = memo.resolveSibling(memo.getFileName() + "." + ProcessHandle.current().pid());
                java.nio.file.Files.writeString(tmp, key + " " + d.id + "\n", StandardCharsets.UTF_8);
                java.nio.file.Files.move(tmp, memo, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                // a read-only home: ask again next time
            }
        }
        return d;
    }

    /** The memo file; environment and paths as bytes (a home named {@code jürgen} under {@code LC_ALL=C}). */
    private static java.nio.file.Path cacheFile() {
        String xdg = ByteText.environment().get("XDG_CACHE_HOME");
        String home = ByteText.environment().get("HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return ByteText.path(xdg + "/ctlmux/openssh-dialect");
        }
        return home == null || home.isEmpty() ? null : ByteText.path(home + "/.cache/ctlmux/openssh-dialect");
    }

    private static java.nio.file.Path findOnPath(String name) {
        String path = ByteText.environment().get("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            java.nio.file.Path p = ByteText.path((dir.isEmpty() ? "." : dir) + "/" + name);
            if (java.nio.file.Files.isExecutable(p) && !java.nio.file.Files.isDirectory(p)) {
                return p.toAbsolutePath();
            }
        }
        return null;
    }

    private static Dialect askSsh(String ssh) {
        try {
            Process p = new ProcessBuilder(ByteText.command(java.util.List.of(ssh, "-V"))).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return Dialect.fromVersionBanner(new String(out, StandardCharsets.ISO_8859_1).trim())
                    .orElse(Dialect.newest());
        } catch (IOException e) {
            return Dialect.newest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Dialect.newest();
        }
    }

}
