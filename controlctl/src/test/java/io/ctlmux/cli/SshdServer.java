package io.ctlmux.cli;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private OpenSSH sshd on 127.0.0.1 for tests: its own config, host key and pid file in the test directory, run in
 * the foreground ({@code sshd -D -e -f CONFIG}) with its log in {@code sshd.log} there. It logs in only the JVM's
 * user, by public key, and runs commands through that user's shell. {@link #start} throws {@link Unavailable} when
 * there is no sshd or it cannot listen here; the tests skip then.
 */
final class SshdServer implements TestServer {
    /** The sshd binary: /usr/sbin/sshd, or the system property {@code ctlmux.test.sshd} (an absolute path). */
    static final Path SSHD = Path.of(System.getProperty("ctlmux.test.sshd", "/usr/sbin/sshd"));
    /** Debian sshd's privilege-separation directory; it must exist when sshd runs as root. */
    private static final Path PRIVSEP = Path.of("/run/sshd");
    private static final long START_SECONDS = 10;

    /** sshd is missing or cannot run here: a reason to skip, not a failure. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final Process process;
    private final int port;
    private final Path log;

    private SshdServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts sshd in {@code dir} (a fresh ed25519 host key) accepting the keys in {@code authorizedKeys}. */
    static SshdServer start(Path dir, Path authorizedKeys) throws Exception {
        if (!Files.isExecutable(SSHD)) {
            throw new Unavailable(SSHD + " is not installed (Debian package openssh-server); sshd tests skipped");
        }
        Path hostKey = dir.resolve("sshd-hostkey");
        RealMaster.Result kg = RealMaster.run(null, 20, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                hostKey.toString());
        if (kg.rc() != 0) {
            throw new IOException("ssh-keygen failed: " + kg.err());
        }
        if (!Files.isDirectory(PRIVSEP)) {
            try {
                Files.createDirectories(PRIVSEP);
            } catch (IOException e) {
                // Only a root sshd needs it, and then it says so in its log.
            }
        }
        Path config = dir.resolve("sshd_config");
        Path log = dir.resolve("sshd.log");
        String why = "";
        // A free port can be taken between the probe and sshd's bind: try a few.
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Files.writeString(config, config(port, hostKey, dir.resolve("sshd.pid"), authorizedKeys),
                    StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            SshdServer server = new SshdServer(p, port, log);
            if (server.awaitListening()) {
                return server;
            }
            server.close();
            why = server.log().strip();
            if (!why.contains("Address already in use")) {
                break;
            }
        }
        throw new Unavailable(SSHD + " did not start, sshd tests skipped: "
                + (why.isEmpty() ? "no output" : why.replace('\n', ' ')));
    }

    private static String config(int port, Path hostKey, Path pidFile, Path authorizedKeys) {
        return String.join("\n", List.of(
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + hostKey,
                "PidFile " + pidFile,
                "AuthorizedKeysFile " + authorizedKeys,
                // the key files live under /tmp, which StrictModes rejects
                "StrictModes no",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "AllowTcpForwarding yes",
                "AllowStreamLocalForwarding yes",
                "X11Forwarding no",
                "PrintMotd no",
                "PrintLastLog no",
                "UseDNS no",
                "LogLevel INFO",
                ""));
    }

    /** Waits (bounded) for sshd to log that it listens on our port; false if it exited or took too long. */
    private boolean awaitListening() throws IOException, InterruptedException {
        String ready = "Server listening on 127.0.0.1 port " + port + ".";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (log().contains(ready)) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(20);
        }
        Files.writeString(log, "(no \"" + ready + "\" within " + START_SECONDS + " s)\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        return false;
    }

    /** What sshd has logged so far. */
    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return System.getProperty("user.name");
    }

    /** Counts the logins sshd logged ("Accepted publickey for ..."). */
    @Override
    public int connections() throws IOException {
        return (int) log().lines().filter(l -> l.startsWith("Accepted publickey for ")).count();
    }

    /** Stops sshd and its per-connection children: SIGTERM, then SIGKILL after 5 s. */
    @Override
    public void close() throws IOException {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
