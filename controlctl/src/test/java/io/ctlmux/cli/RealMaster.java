package io.ctlmux.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test fixture: an SSH server on 127.0.0.1 (see {@link TestServer}), a throwaway ECDSA key, and real OpenSSH masters
 * ({@code ssh -M -N -f}) started against it, all in a short directory under /tmp. Every process run is bounded.
 * The masters and {@code ssh -O} run {@code ssh} from PATH, or the client {@code -Dctlmux.oracle.ssh} names
 * (e.g. an OpenSSH 10.5 build, whose masters offer conninfo and channels).
 */
final class RealMaster implements AutoCloseable {
    static final String SSH = System.getProperty("ctlmux.oracle.ssh", "ssh");

    record Result(int rc, String out, String err) {
    }

    final Path dir;
    final Path key;
    final TestServer server;
    private final List<Path> masters = new ArrayList<>();

    RealMaster(TestServer.Starter starter) throws Exception {
        dir = Files.createTempDirectory(Path.of("/tmp"), "cm");
        key = dir.resolve("k");
        try {
            Result kg = run(null, 20, "ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", key.toString());
            if (kg.rc() != 0) {
                throw new IOException("ssh-keygen failed: " + kg.err());
            }
            server = starter.start(dir, dir.resolve("k.pub"));
        } catch (Exception e) {
            deleteTree(dir);
            throw e;
        }
    }

    static boolean sshAvailable() {
        return onPath("ssh-keygen") && (SSH.equals("ssh") ? onPath("ssh") : Files.isExecutable(Path.of(SSH)));
    }

    private static boolean onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, name)));
    }

    /** The ssh options every command here uses (no config file, no known_hosts, no prompts). */
    List<String> opts() {
        return List.of("-F", "/dev/null", "-i", key.toString(), "-p", Integer.toString(server.port()),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=5");
    }

    /** {@code USER@127.0.0.1}, the destination every command here uses. */
    String destination() {
        return server.user() + "@127.0.0.1";
    }

    /** Starts a backgrounded master with ControlPersist at {@code dir/name}; returns the socket path. */
    Path startMaster(String name) throws Exception {
        Path cm = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(SSH));
        cmd.addAll(opts());
        cmd.addAll(List.of("-o", "ControlPersist=120", "-M", "-N", "-f", "-S", cm.toString(), destination()));
        Result r = run(null, 30, cmd.toArray(String[]::new));
        if (r.rc() != 0 || !Files.exists(cm)) {
            throw new IOException("master did not start: rc=" + r.rc() + " " + r.err());
        }
        masters.add(cm);
        return cm;
    }

    /** {@code ssh OPTS ARGS... USER@127.0.0.1 [command]}; extra args go before the destination. */
    Result ssh(List<String> before, String... command) throws Exception {
        return ssh(null, before, command);
    }

    /** As {@link #ssh(List, String...)}, with {@code stdin} as its standard input (null: /dev/null). */
    Result ssh(byte[] stdin, List<String> before, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(SSH));
        cmd.addAll(opts());
        cmd.addAll(before);
        cmd.add(destination());
        cmd.addAll(List.of(command));
        return run(stdin, 30, cmd.toArray(String[]::new));
    }

    static Result run(byte[] stdin, int seconds, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p = pb.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        if (stdin != null) {
            // on its own thread: the command may exit before it has read everything
            CompletableFuture.runAsync(() -> {
                try (var in = p.getOutputStream()) {
                    in.write(stdin);
                } catch (IOException e) {
                    // broken pipe: the command stopped reading
                }
            });
        }
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        // ssh -f leaves a daemon holding the pipes open, so do not wait for EOF forever
        String o = new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        String e = new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        return new Result(p.exitValue(), o, e);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The pid a master reports through {@code ssh -O check}, or -1. */
    long pid(Path cm) throws Exception {
        Result r = ssh(List.of("-S", cm.toString(), "-O", "check"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pid=(\\d+)").matcher(r.err());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Override
    public void close() throws Exception {
        for (Path cm : masters) {
            if (Files.exists(cm)) {
                long pid = pid(cm);
                ssh(List.of("-S", cm.toString(), "-O", "exit"));
                if (pid > 0) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
        server.close();
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
