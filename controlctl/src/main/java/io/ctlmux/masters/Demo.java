package io.ctlmux.masters;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.mux.client.MuxClientOptions;
import io.ctlmux.testserver.EmbeddedSshServer;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ctlmux demo}: the whole lifecycle against a throwaway Apache MINA SSHD server on 127.0.0.1, with the real
 * OpenSSH client and a temporary config in a short temporary directory. Everything it makes (processes, files) is
 * removed when it ends, also on failure and on Ctrl-C (shutdown hook).
 */
public final class Demo implements AutoCloseable {
    /** Commands timed per side (through the master, fresh connection). */
    public static final int DEFAULT_RUNS = 10;
    private static final Duration STEP = Duration.ofSeconds(20);

    private final PrintWriter out;
    private final String ssh;
    private final int runs;
    private final List<Long> masterPids = new ArrayList<>();
    private final Thread hook = new Thread(this::cleanUp, "ctlmux-demo-cleanup");
    private Path dir;
    private EmbeddedSshServer server;
    private boolean cleaned;

    public Demo(PrintWriter out, String ssh, int runs) {
        this.out = out;
        this.ssh = ssh;
        this.runs = runs;
    }

    /** The temporary directory (null before {@link #run}). */
    public synchronized Path directory() {
        return dir;
    }

    /** The pids of the masters this demo started. */
    public synchronized List<Long> masterPids() {
        return List.copyOf(masterPids);
    }

    /** Runs the demo; throws with a one-line reason when a step fails. Call {@link #close} afterwards. */
    public void run() throws LifecycleException, IOException {
        Runtime.getRuntime().addShutdownHook(hook);
        requireTool(ssh, "-V");
        requireTool("ssh-keygen", "-?");
        Path base = Files.isWritable(Path.of("/tmp")) ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
        synchronized (this) {
            dir = shortTempDirectory(base);
        }
        Path key = dir.resolve("id");
        run(STEP, "ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-C", "ctlmux-demo", "-f", key.toString());
        server = EmbeddedSshServer.start(dir.resolve("id.pub"));
        Path config = writeConfig(dir, key, server.port());
        ConfigResolver resolver = ConfigResolver.of(io.ctlmux.config.load.SshConfig.defaultDialect(),
                io.ctlmux.config.eval.Evaluator.ExecPolicy.NEVER);
        SshCommandLine opts = resolver.split(List.of("-F", config.toString()));
        out.println("ctlmux demo: an embedded SSH server (Apache MINA) on 127.0.0.1:" + server.port()
                + ", a throwaway key and config in " + dir);
        out.println("Every step below uses the real OpenSSH client (" + version() + ") with: -F " + config);
        out.println();

        heading("1. start a master:  ctlmux start -F " + config.getFileName() + " demo");
        MasterStarter.Result started = start(opts, "demo", resolver);
        out.println("   master pid " + started.pid() + ", socket " + started.path() + "  (" + started.path()
                .getFileName().toString().length() + "-character %C name)");
        MasterStarter.Result again = start(opts, "demo", resolver);
        out.println("   a second start finds it: " + (again.outcome() == MasterStarter.Outcome.ALREADY_RUNNING
                ? "already running, pid " + again.pid() : "started another (unexpected)"));
        if (again.outcome() != MasterStarter.Outcome.ALREADY_RUNNING || again.pid() != started.pid()) {
            throw new LifecycleException("ctlmux demo: start was not idempotent");
        }

        heading("2. check it:  ctlmux check -F " + config.getFileName() + " demo");
        SocketProbe p = SocketProbe.probe(started.path(), Duration.ofSeconds(2));
        out.println("   " + p.state().label() + ": " + p.detail());
        if (p.state() != MasterState.ALIVE) {
            throw new LifecycleException("ctlmux demo: the master did not answer ALIVE_CHECK");
        }

        heading("3. run commands through it, and over fresh connections (" + runs + " each, `ssh demo noop`)");
        List<String> echo = new ArrayList<>(List.of(ssh, "-F", config.toString(), "demo", "echo", "hello", "through",
                "the", "master"));
        out.println("   $ ssh -F " + config.getFileName() + " demo echo hello through the master");
        out.println("   " + run(STEP, echo.toArray(String[]::new)).strip());
        int before = server.connections();
        long[] shared = time(sshCommand(config, false), runs);
        int sharedConnections = server.connections() - before;
        before = server.connections();
        long[] fresh = time(sshCommand(config, true), runs);
        int freshConnections = server.connections() - before;
        out.printf("   through the master:  median %6.1f ms  min %6.1f ms   (new SSH connections: %d)%n",
                median(shared) / 1e6, min(shared) / 1e6, sharedConnections);
        out.printf("   fresh connections:   median %6.1f ms  min %6.1f ms   (new SSH connections: %d)%n",
                median(fresh) / 1e6, min(fresh) / 1e6, freshConnections);
        out.printf("   => %.1fx faster per command through the master (loopback; real networks add round trips)%n",
                (double) median(fresh) / Math.max(1, median(shared)));

        heading("4. list masters:  ctlmux ls -F " + config.getFileName());
        MasterStarter.Result crashed = start(opts, "crashy", resolver);
        ProcessHandle.of(crashed.pid()).ifPresent(ProcessHandle::destroyForcibly);
        Pruner.waitGone(crashed.pid(), Duration.ofSeconds(5));
        out.println("   (a second master, for alias crashy, was started and killed with SIGKILL: its socket stays)");
        Inventory.Listing listing = Inventory.discover(opts, resolver, Duration.ofSeconds(2));
        List<Inventory.Master> ours = listing.masters().stream().filter(m -> m.path().startsWith(dir)).toList();
        for (String l : Listings.table(ours, Instant.now())) {
            out.println("   " + l);
        }

        heading("5. stop it gently:  ctlmux stop --drain -F " + config.getFileName() + " demo");
        Stopper.Drained d = Stopper.drain(started.path(), MuxClientOptions.defaults(), Duration.ofSeconds(10),
                line -> out.println("   " + line));
        out.println("   " + (d.exited() ? "master " + d.pid() + " exited after " + d.took().toMillis() + " ms"
                + (d.terminated() ? " (SIGTERM once no sessions were left)" : "")
                : "master " + d.pid() + " still running with " + d.sessions() + " sessions"));
        if (!d.exited()) {
            throw new LifecycleException("ctlmux demo: the drained master did not exit");
        }

        heading("6. remove dead sockets:  ctlmux prune -F " + config.getFileName());
        for (Pruner.Decision dec : Pruner.prune(Inventory.discover(opts, resolver, Duration.ofSeconds(2)), false,
                false, Duration.ofSeconds(2))) {
            out.println("   " + dec.action().label() + " " + dec.path() + ": " + dec.why());
        }
        out.println();
    }

    /** {@code BASE/cmXXXXXX}, mode 0700: short, so that socket paths stay far below the 90-byte budget. */
    static Path shortTempDirectory(Path base) throws IOException {
        java.security.SecureRandom r = new java.security.SecureRandom();
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder name = new StringBuilder("cm");
            for (int i = 0; i < 6; i++) {
                name.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            try {
                return Files.createDirectory(base.resolve(name.toString()),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // try another name
            }
        }
        throw new IOException("cannot create a temporary directory in " + base);
    }

    private MasterStarter.Result start(SshCommandLine opts, String host, ConfigResolver resolver)
            throws LifecycleException {
        MasterStarter.Result r = MasterStarter.start(new MasterStarter.Request(opts.withDestination(host), "120",
                false, STEP, ssh), resolver);
        synchronized (this) {
            if (!masterPids.contains(r.pid())) {
                masterPids.add(r.pid());
            }
        }
        return r;
    }

    private List<String> sshCommand(Path config, boolean fresh) {
        List<String> c = new ArrayList<>(List.of(ssh, "-F", config.toString()));
        if (fresh) {
            c.addAll(List.of("-o", "ControlPath=none"));
        }
        c.addAll(List.of("demo", "noop"));
        return c;
    }

    private long[] time(List<String> cmd, int n) throws LifecycleException, IOException {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            run(STEP, cmd.toArray(String[]::new));
            t[i] = System.nanoTime() - s;
        }
        return t;
    }

    private static long median(long[] t) {
        long[] c = t.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static long min(long[] t) {
        return Arrays.stream(t).min().orElse(0);
    }

    private void heading(String s) {
        out.println(s);
        out.flush();
    }

    private static Path writeConfig(Path dir, Path key, int port) throws IOException {
        String text = "# ctlmux demo: a temporary config, removed when the demo ends\n"
                + "Host demo crashy\n"
                + "    HostName 127.0.0.1\n"
                + "    Port " + port + "\n"
                + "    IdentityFile " + key + "\n"
                + "    IdentitiesOnly yes\n"
                + "    IdentityAgent none\n"
                + "    BatchMode yes\n"
                + "    StrictHostKeyChecking no\n"
                + "    UserKnownHostsFile /dev/null\n"
                + "    GlobalKnownHostsFile /dev/null\n"
                + "    LogLevel ERROR\n"
                + "    ControlMaster no\n"
                + "    ControlPath " + dir + "/%C\n"
                + "Host demo\n"
                + "    User demo\n"
                + "Host crashy\n"
                + "    User crashy\n";
        Path p = dir.resolve("config");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    private String version() {
        try {
            Process p = new ProcessBuilder(ssh, "-V").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String v = new String(p.getInputStream().readNBytes(200), StandardCharsets.UTF_8).strip();
            p.waitFor(5, TimeUnit.SECONDS);
            int comma = v.indexOf(',');
            return comma > 0 ? v.substring(0, comma) : v;
        } catch (IOException e) {
            return ssh;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ssh;
        }
    }

    private static void requireTool(String tool, String arg) throws LifecycleException {
        try {
            Process p = new ProcessBuilder(tool, arg).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new LifecycleException("ctlmux demo: needs the OpenSSH client on PATH (" + tool + " not found)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LifecycleException("ctlmux demo: interrupted");
        }
    }

    /** Runs a command with stdin on /dev/null, bounded; returns stdout; throws when it fails. */
    private static String run(Duration limit, String... cmd) throws LifecycleException, IOException {
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).start();
        byte[] output;
        try {
            output = p.getInputStream().readNBytes(1 << 16);
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new LifecycleException("ctlmux demo: " + cmd[0] + " did not finish within "
                        + limit.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LifecycleException("ctlmux demo: interrupted");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new LifecycleException("ctlmux demo: `" + String.join(" ", cmd) + "` exited with "
                    + p.exitValue() + (text.isBlank() ? "" : ": " + text.strip()));
        }
        return text;
    }

    /** Stops every master this demo started, the server, and removes the temporary directory. Idempotent. */
    public synchronized void cleanUp() {
        if (cleaned) {
            return;
        }
        cleaned = true;
        List<ProcessHandle> left = new ArrayList<>();
        for (long pid : masterPids) {
            ProcessHandle.of(pid).ifPresent(left::add);
        }
        if (dir != null) {
            // masters for our directory we did not record (e.g. interrupted while starting)
            for (ProcessTable.Entry e : ProcessTable.scan(io.ctlmux.config.load.SshConfig.defaultDialect()).values()) {
                if (e.path().startsWith(dir)) {
                    ProcessHandle.of(e.pid()).ifPresent(left::add);
                }
            }
        }
        for (ProcessHandle h : left) {
            h.destroy();
        }
        for (ProcessHandle h : left) {
            if (!Pruner.waitGone(h.pid(), Duration.ofSeconds(2))) {
                h.destroyForcibly();
                Pruner.waitGone(h.pid(), Duration.ofSeconds(2));
            }
        }
        if (server != null) {
            try {
                server.close();
            } catch (IOException | RuntimeException e) {
                // best effort: the JVM is ending or the server is already down
            }
        }
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort
            }
        }
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs (or ran) cleanUp
        }
    }
}
