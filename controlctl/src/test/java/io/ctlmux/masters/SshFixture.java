package io.ctlmux.masters;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.testserver.EmbeddedSshServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An embedded MINA server, a throwaway key, a short socket directory /tmp/cmXXXXXX and a config for it. Closing it
 * kills every ssh master serving a path in that directory and removes the directory.
 */
final class SshFixture implements AutoCloseable {
    final Path dir;
    final Path key;
    final EmbeddedSshServer server;
    final ConfigResolver resolver = ConfigResolver.of(SshConfig.defaultDialect(), Evaluator.ExecPolicy.NEVER);
    private final List<Process> processes = new ArrayList<>();
    private Path config;

    SshFixture() throws IOException, InterruptedException {
        dir = Demo.shortTempDirectory(Path.of("/tmp"));
        key = dir.resolve("id");
        run("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-C", "ctlmux-test", "-f", key.toString());
        server = EmbeddedSshServer.start(dir.resolve("id.pub"));
        writeConfig("Host a\n    User ua\nHost b\n    User ub\n");
    }

    /** Whether the OpenSSH client and ssh-keygen can be run. */
    static boolean sshAvailable() {
        try {
            return run(List.of("ssh", "-V")) == 0 && run(List.of("ssh-keygen", "-?")) >= 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Writes the config: {@code blocks} first (first value wins), then the shared Host * block. */
    Path writeConfig(String blocks) throws IOException {
        String text = blocks
                + "Host * !stranger\n"
                + "    IdentityFile " + key + "\n"
                + "Host *\n"
                + "    HostName 127.0.0.1\n"
                + "    Port " + server.port() + "\n"
                + "    IdentitiesOnly yes\n"
                + "    IdentityAgent none\n"
                + "    BatchMode yes\n"
                + "    StrictHostKeyChecking no\n"
                + "    UserKnownHostsFile /dev/null\n"
                + "    GlobalKnownHostsFile /dev/null\n"
                + "    LogLevel ERROR\n"
                + "    ControlMaster no\n"
                + "    ControlPath " + dir + "/%C\n";
        config = dir.resolve("config");
        Files.writeString(config, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        return config;
    }

    List<String> opts() {
        return List.of("-F", config.toString());
    }

    MasterStarter.Result start(String alias) throws LifecycleException {
        return MasterStarter.start(request(alias), resolver);
    }

    /** {@link #opts()} split as ssh splits them. */
    SshCommandLine args() {
        return resolver.split(opts());
    }

    MasterStarter.Request request(String alias) {
        return new MasterStarter.Request(args().withDestination(alias), null, false, Duration.ofSeconds(20), "ssh");
    }

    Path controlPath(String alias) throws LifecycleException {
        return MasterTarget.resolve(resolver, args().withDestination(alias)).controlPath();
    }

    /** ssh -F config ARGS..., stdin /dev/null, output discarded; tracked for cleanup. */
    Process ssh(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-F", config.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        synchronized (processes) {
            processes.add(p);
        }
        return p;
    }

    /** The ssh master processes serving paths in our directory. */
    List<ProcessTable.Entry> masters() {
        List<ProcessTable.Entry> out = new ArrayList<>();
        for (ProcessTable.Entry e : ProcessTable.scanAll(resolver.dialect())) {
            if (e.path().startsWith(dir)) {
                out.add(e);
            }
        }
        return out;
    }

    static void kill9(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Pruner.waitGone(pid, Duration.ofSeconds(5));
    }

    @Override
    public void close() throws IOException {
        synchronized (processes) {
            for (Process p : processes) {
                p.destroyForcibly();
            }
        }
        for (ProcessTable.Entry e : masters()) {
            kill9(e.pid());
        }
        server.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        if (run(List.of(cmd)) != 0) {
            throw new IOException(String.join(" ", cmd) + " failed");
        }
    }

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd.get(0) + " did not finish");
        }
        return p.exitValue();
    }
}
