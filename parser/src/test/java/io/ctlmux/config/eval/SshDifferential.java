package io.ctlmux.config.eval;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.GRun;
import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.text.Vis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A differential generator: random configs and ssh command lines, seeded and reproducible (case {@code i} of seed
 * {@code s} is always the same), each run through a real {@code ssh -G} and through ctlmux as {@code ctlmux config} runs ({@link GRun}); stdout, the stderr lines (CR LF or LF), the exit
 * status and what {@code -E} wrote must agree. A case that disagrees is written as a conformance case directory
 * ({@code config} and {@code args} with {@code {dir}}, plus {@code full-stderr} and {@code logfile} where they
 * apply), ready to be copied under {@code testdata/conformance/} and recorded with {@code testdata/record.sh}.
 *
 * <p>The inputs stay away from what depends on the machine beyond ssh itself: no DNS (CanonicalizeHostname no), no
 * Match localnetwork, no files but the case's own, so ssh needs no network namespace of its own per case (creating
 * one costs 0.1 s); {@code bench/differential.sh} runs the whole JVM under {@code unshare -n} instead. Used by {@code SshDifferentialTest} (a short run) and
 * {@code bench/differential.sh} (long runs): {@code main(seed, cases, [ssh, [dialect]])}.
 */
final class SshDifferential {
    /** One generated case: the config file's text (with {@code {dir}}) and ssh's arguments after -G. */
    record Case(long seed, int index, String config, List<String> args) {
    }

    /** The outcome of running one program on a case. */
    record Outcome(int rc, String stdout, List<String> stderr, String log) {
    }

    /** A case that disagrees, with both outcomes. */
    record Divergence(Case c, Outcome ssh, Outcome ctlmux) {
        String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append("case ").append(c.seed).append('/').append(c.index).append(": args ").append(c.args)
                    .append("\nconfig:\n").append(c.config);
            if (ssh.rc != ctlmux.rc) {
                sb.append("exit: ssh ").append(ssh.rc).append(", ctlmux ").append(ctlmux.rc).append('\n');
            }
            if (!ssh.stdout.equals(ctlmux.stdout)) {
                sb.append("stdout:\n").append(CorpusDifferentialTest.diff(ssh.stdout, ctlmux.stdout));
            }
            if (!ssh.stderr.equals(ctlmux.stderr)) {
                sb.append("stderr: ssh ").append(ssh.stderr).append("\n        ctlmux ").append(ctlmux.stderr)
                        .append('\n');
            }
            if (!java.util.Objects.equals(ssh.log, ctlmux.log)) {
                sb.append("-E file: ssh ").append(ssh.log).append(", ctlmux ").append(ctlmux.log).append('\n');
            }
            return sb.toString();
        }
    }

    private final String ssh;
    private final Dialect dialect;
    private final List<String> prefix;
    private final Map<String, String> env = new LinkedHashMap<>();

    SshDifferential(String ssh, Dialect dialect) {
        this.ssh = ssh;
        this.dialect = dialect;
        this.prefix = List.of(ssh, "-G");
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", new SystemEnvironment().home());
    }

    /** {@code ssh -V}'s banner without the OpenSSL part, or null when there is no such client. */
    static String banner(String ssh) {
        try {
            Process p = new ProcessBuilder(ssh, "-V").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("OpenSSH_")) {
                p.destroyForcibly();
                return null;
            }
            int comma = out.indexOf(',');
            return comma < 0 ? out : out.substring(0, comma);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // ---- generation ----

    private static final String[] HOSTS = {"h", "h", "h", "h2", "Web.Example", "0x", "0x.1.2.3", "1.0x", "0x1",
        "0X1f", "010.1", "08", "127.1", "1.2.3.4", "4294967295", "0:0::1", "::FFFF:1.2.3.4", "1::1:0:0:1", "gw",
        "h.example."};
    private static final String[] USERS = {"alice", "bob", "r00t", "%u", "a.b-c"};

    /** The file {@code Include {dir}/inc} reads (every case has it). */
    static final String INCLUDED = "Port 2201\nHost h\n  User incuser\nMatch all\n  Compression yes\n";

    /** The case {@code index} of {@code seed}. */
    static Case generate(long seed, int index) {
        Random r = new Random(seed * 1_000_003L + index);
        StringBuilder cfg = new StringBuilder();
        int blocks = 1 + r.nextInt(4);
        for (int b = 0; b < blocks; b++) {
            if (b > 0 || r.nextInt(3) == 0) {
                cfg.append(header(r)).append('\n');
            }
            int lines = r.nextInt(6);
            for (int l = 0; l < lines; l++) {
                String[] kv = option(r);
                cfg.append(b > 0 ? "  " : "").append(kv[0]).append(r.nextInt(8) == 0 ? "=" : " ").append(kv[1])
                        .append('\n');
            }
        }
        List<String> args = new ArrayList<>(List.of("-F", "{dir}/config"));
        int flags = r.nextInt(4);
        for (int f = 0; f < flags; f++) {
            args.addAll(flag(r));
        }
        String host = pick(r, HOSTS);
        String dest = switch (r.nextInt(8)) {
            case 0 -> pick(r, USERS) + "@" + host;
            case 1 -> "ssh://" + pick(r, USERS) + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":2222";
            default -> host;
        };
        args.add(dest);
        if (r.nextInt(4) == 0) {
            args.addAll(flag(r)); // ssh parses options after the destination too
        }
        switch (r.nextInt(8)) {
            case 0 -> args.add("uptime");
            case 1 -> args.add("");
            case 2 -> args.addAll(List.of("", ""));
            case 3 -> args.addAll(List.of("ls", "-l"));
            default -> {
                // no command
            }
        }
        return new Case(seed, index, cfg.toString(), List.copyOf(args));
    }

    private static String header(Random r) {
        if (r.nextBoolean()) {
            return "Host " + pick(r, new String[] {"h", "*", "!h2 *", "0x*", "*.example", "h h2", "*:*", "1.*"});
        }
        StringBuilder m = new StringBuilder("Match");
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            m.append(r.nextInt(5) == 0 ? " !" : " ").append(pick(r, new String[] {"host h", "host 0x*,h2",
                "originalhost h", "user alice", "localuser root", "exec true", "exec false", "canonical", "final",
                "all"}));
        }
        return m.toString();
    }

    private static String[] option(Random r) {
        return switch (r.nextInt(62)) {
            case 0 -> kv(r, "Hostname", pick(r, HOSTS), "%h.example", "0x%h");
            case 1 -> kv(r, "Port", "2222", "0", "65536", "abc");
            case 2 -> kv(r, "User", USERS);
            case 3 -> kv(r, "RequestTTY", "yes", "no", "force", "auto", "bogus");
            case 4 -> kv(r, "SessionType", "none", "subsystem", "default");
            case 5 -> kv(r, "StdinNull", "yes", "no");
            case 6 -> kv(r, "RemoteCommand", "uptime", "none", "echo %h", "echo %Q");
            case 7 -> kv(r, "ForkAfterAuthentication", "yes", "no");
            case 8 -> kv(r, "UpdateHostKeys", "ask", "yes", "no");
            case 9 -> kv(r, "ClearAllForwardings", "yes", "no");
            case 10 -> kv(r, "Tunnel", "yes", "no", "point-to-point", "ethernet");
            case 11 -> kv(r, "TunnelDevice", "1:2", "any", "any:any", "x");
            case 12 -> kv(r, "LocalForward", "8080 localhost:80", "[::1]:8080 h:80", "bad");
            case 13 -> kv(r, "RemoteForward", "9090 localhost:90", "9091");
            case 14 -> kv(r, "DynamicForward", "1080", "localhost:1081");
            case 15 -> kv(r, "ControlMaster", "auto", "yes", "no", "ask", "autoask");
            case 16 -> kv(r, "ControlPath", "~/.ssh/cm-%C", "none", "/tmp/%r@%h:%p", "/tmp/%Z");
            case 17 -> kv(r, "ControlPersist", "10m", "yes", "no", "0", "bad");
            case 18 -> kv(r, "LogLevel", "QUIET", "ERROR", "INFO", "VERBOSE", "DEBUG", "FATAL", "bad");
            case 19 -> kv(r, "ForwardAgent", "yes", "no", "%d/agent", "$NOPE", "%");
            case 20 -> kv(r, "ConnectTimeout", "10", "0", "bad");
            case 21 -> kv(r, "ConnectionAttempts", "0", "1", "3");
            case 22 -> kv(r, "AddressFamily", "inet", "inet6", "any");
            case 23 -> kv(r, "IdentityFile", "~/.ssh/id_x", "%d/id_%r");
            case 24 -> kv(r, "ProxyJump", "j1,j2", "none", "u@j1:2200");
            case 25 -> kv(r, "ProxyCommand", "ssh -W %h:%p gw", "none", "-");
            case 26 -> kv(r, "SetEnv", "FOO=bar", "A=\"b c\"");
            case 27 -> kv(r, "EscapeChar", "~", "none", "^A", "ab");
            case 28 -> kv(r, "HostKeyAlias", "Alias.Example", "%h");
            case 29 -> kv(r, "StrictHostKeyChecking", "ask", "accept-new", "no", "off");
            case 30 -> kv(r, "PermitLocalCommand", "yes", "no");
            case 31 -> kv(r, "Ciphers", "aes128-ctr", "+aes128-cbc", "nosuch");
            case 32 -> kv(r, "NoSuchKeyword", "x");
            case 33 -> kv(r, "IgnoreUnknown", "NoSuch*");
            case 34 -> kv(r, "Compression", "yes", "no");
            case 35 -> kv(r, "ServerAliveInterval", "15", "0", "-1");
            case 36 -> kv(r, "UserKnownHostsFile", "~/kh %d/kh2", "none", "/dev/null");
            case 37 -> kv(r, "ExitOnForwardFailure", "yes", "no");
            case 38 -> kv(r, "CanonicalizeHostname", "no");
            case 39 -> kv(r, "BatchMode", "yes", "no");
            case 40 -> kv(r, "Include", "{dir}/inc", "{dir}/none*", "inc");
            case 41 -> kv(r, "KexAlgorithms", "curve25519-sha256", "-diffie*", "^sntrup761x25519-sha512@openssh.com",
                    "bogus");
            case 42 -> kv(r, "HostKeyAlgorithms", "ssh-ed25519", "+ssh-rsa", "ssh-ed25519,bogus");
            case 43 -> kv(r, "PubkeyAcceptedAlgorithms", "ssh-ed25519", "-ssh-rsa*");
            case 44 -> kv(r, "MACs", "hmac-sha2-256", "+hmac-md5", "nosuch");
            case 45 -> kv(r, "IPQoS", "lowdelay", "af21 cs1", "ef", "bogus", "none");
            case 46 -> kv(r, "RekeyLimit", "1G", "1G 1h", "default none", "bogus");
            case 47 -> kv(r, "AddKeysToAgent", "yes", "no", "ask", "confirm", "1h", "confirm 5m");
            case 48 -> kv(r, "IdentitiesOnly", "yes", "no");
            case 49 -> kv(r, "SendEnv", "LANG LC_*", "-LANG");
            case 50 -> kv(r, "ForwardX11Timeout", "20m", "0", "bad");
            case 51 -> kv(r, "VerifyHostKeyDNS", "yes", "ask", "no");
            case 52 -> kv(r, "BindAddress", "127.0.0.1", "::1");
            case 53 -> kv(r, "CanonicalDomains", "example.com", "none");
            case 54 -> kv(r, "CanonicalizeMaxDots", "0", "3", "x");
            case 55 -> kv(r, "PermitRemoteOpen", "any", "none", "h:22", "bad");
            case 56 -> kv(r, "GlobalKnownHostsFile", "/etc/kh1 /etc/kh2", "none");
            case 57 -> kv(r, "LocalCommand", "echo %n %h", "echo %Z");
            case 58 -> kv(r, "ProxyUseFdpass", "yes", "no");
            case 59 -> kv(r, "KnownHostsCommand", "/bin/echo %H", "none");
            case 60 -> kv(r, "NumberOfPasswordPrompts", "1", "0", "x");
            default -> kv(r, "HashKnownHosts", "yes", "no");
        };
    }

    private static List<String> flag(Random r) {
        return switch (r.nextInt(34)) {
            case 0 -> List.of("-4");
            case 1 -> List.of("-6");
            case 2 -> List.of("-A");
            case 3 -> List.of("-C");
            case 4 -> List.of("-f");
            case 5 -> List.of("-N");
            case 6 -> List.of("-n");
            case 7 -> List.of("-T");
            case 8 -> List.of("-t");
            case 9 -> List.of("-tt");
            case 10 -> List.of("-q");
            case 11 -> List.of("-g"); // not -v: ctlmux does not reproduce ssh's debug messages
            case 12 -> List.of("-x");
            case 13 -> List.of("-M");
            case 14 -> List.of("-s");
            case 15 -> List.of("-y");
            case 16 -> List.of("-E", "{dir}/ssh.log");
            case 17 -> List.of("-O", r.nextBoolean() ? "check" : r.nextBoolean() ? "proxy" : "bogus");
            case 18 -> List.of("-W", r.nextBoolean() ? "x:22" : "[::1]:22");
            case 19 -> List.of("-w", r.nextBoolean() ? "1" : "any:2");
            case 20 -> List.of("-p", r.nextBoolean() ? "2200" : "0");
            case 21 -> List.of("-l", pick(r, USERS));
            case 22 -> List.of("-L", "1:h:2");
            case 23 -> List.of("-R", "3:h:4");
            case 24 -> List.of("-D", "1080");
            case 25 -> List.of("-J", r.nextBoolean() ? "j1,j2" : "none");
            case 26 -> List.of("-S", r.nextBoolean() ? "none" : "/tmp/%C");
            case 27 -> List.of("-e", r.nextBoolean() ? "none" : "^B");
            case 28 -> List.of("-c", "aes128-ctr");
            case 29 -> List.of("-i", "{dir}/missing");
            default -> {
                String[] kv = option(r);
                if (kv[0].equals("LogLevel") && (kv[1].startsWith("DEBUG") || kv[1].equals("VERBOSE"))) {
                    kv[1] = "INFO"; // ctlmux does not reproduce ssh's debug messages (case stderr-o-loglevel-debug)
                }
                yield List.of("-o", kv[0] + "=" + kv[1]);
            }
        };
    }

    private static String[] kv(Random r, String key, String... values) {
        return new String[] {key, pick(r, values)};
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    // ---- running ----

    /** Runs case {@code c} in a fresh directory under {@code scratch}; null when both agree. */
    Divergence check(Case c, Path scratch) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(scratch, "case");
        try {
            String d = dir.toString();
            Path config = dir.resolve("config");
            Files.write(config, c.config.replace("{dir}", d).getBytes(StandardCharsets.ISO_8859_1));
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
            Path inc = dir.resolve("inc");
            Files.write(inc, INCLUDED.getBytes(StandardCharsets.ISO_8859_1));
            Files.setPosixFilePermissions(inc, PosixFilePermissions.fromString("rw-r--r--"));
            List<String> args = c.args.stream().map(a -> a.replace("{dir}", d)).toList();
            Path log = dir.resolve("ssh.log");
            Outcome s = runSsh(args, dir, log);
            Files.deleteIfExists(log);
            GRun g = GRun.run(args, dialect, Evaluator.ExecPolicy.RUN, new SystemEnvironment(env), false);
            List<String> err = new ArrayList<>();
            for (String l : g.stderr()) {
                for (String part : Vis.log(l).split("\n", -1)) {
                    if (!part.isEmpty()) {
                        err.add(part);
                    }
                }
            }
            Outcome m = new Outcome(g.exitCode(), g.stdout(), err, readLog(log));
            boolean agree = s.rc == m.rc && s.stdout.equals(m.stdout) && java.util.Objects.equals(s.log, m.log)
                    && (s.stderr.equals(m.stderr) || ConformanceTest.bothUsage(m.stderr, s.stderr));
            return agree ? null : new Divergence(c, s, m);
        } finally {
            deleteTree(dir);
        }
    }

    private Outcome runSsh(List<String> args, Path dir, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        Path errFile = dir.resolve(".stderr");
        pb.redirectError(errFile.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ssh did not finish within 30 s: " + cmd);
        }
        String err = new String(Files.readAllBytes(errFile), StandardCharsets.ISO_8859_1);
        Files.delete(errFile);
        List<String> lines = new ArrayList<>();
        for (String l : err.split("\n")) {
            String t = l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
            if (!t.isEmpty()) {
                lines.add(t);
            }
        }
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.ISO_8859_1), lines, readLog(log));
    }

    private static String readLog(Path log) throws IOException {
        return Files.isRegularFile(log) ? new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1) : null;
    }

    /** Writes a divergence as a conformance case directory {@code into/diff-SEED-INDEX}. */
    static Path writeCase(Divergence d, Path into) throws IOException {
        Path c = into.resolve("diff-" + d.c.seed + "-" + d.c.index);
        Files.createDirectories(c);
        Files.write(c.resolve("config"), d.c.config.getBytes(StandardCharsets.ISO_8859_1));
        Files.write(c.resolve("inc"), INCLUDED.getBytes(StandardCharsets.ISO_8859_1));
        Files.write(c.resolve("args"), (String.join("\n", d.c.args) + "\n").getBytes(StandardCharsets.UTF_8));
        Files.writeString(c.resolve("full-stderr"), "found by SshDifferential\n");
        if (d.c.args.contains("{dir}/ssh.log")) {
            Files.writeString(c.resolve("logfile"), "ssh.log\n");
        }
        Files.writeString(c.resolve("divergence.txt"), d.describe());
        return c;
    }

    /** Summary of a run. */
    record Summary(int ran, List<Divergence> divergences) {
    }

    Summary run(long seed, int cases, Path scratch) throws IOException, InterruptedException {
        return run(seed, cases, scratch, false);
    }

    /** Runs cases 0 to {@code cases - 1} of {@code seed}; with {@code progress}, a line on stderr every 250. */
    Summary run(long seed, int cases, Path scratch, boolean progress) throws IOException, InterruptedException {
        List<Divergence> found = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Divergence d = check(generate(seed, i), scratch);
            if (d != null) {
                found.add(d);
                if (progress) {
                    System.out.println(d.describe());
                    System.out.flush();
                }
            }
            if (progress && (i + 1) % 250 == 0) {
                System.err.printf("%d cases, %d differ%n", i + 1, found.size());
            }
        }
        return new Summary(cases, found);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@code SEED CASES [SSH [DIALECT]] [--write DIR]}: runs and prints each divergence and a summary line. */
    public static void main(String[] argv) throws Exception {
        long seed = Long.parseLong(argv[0]);
        int cases = Integer.parseInt(argv[1]);
        String ssh = argv.length > 2 ? argv[2] : "ssh";
        String banner = banner(ssh);
        if (banner == null) {
            System.err.println("no usable ssh client: " + ssh);
            System.exit(2);
        }
        Dialect d = argv.length > 3 ? Dialect.parse(argv[3]).orElseThrow() : ConformanceTest.dialectOfBanner(banner);
        if (d == null) {
            System.err.println("no ctlmux dialect reproduces " + banner + "; name one as the 4th argument");
            System.exit(2);
        }
        Path write = System.getProperty("ctlmux.diff.write") == null ? null
                : Path.of(System.getProperty("ctlmux.diff.write"));
        Path scratch = Files.createTempDirectory("ctlmux-diff");
        try {
            SshDifferential diff = new SshDifferential(ssh, d);
            long t0 = System.nanoTime();
            Summary s = diff.run(seed, cases, scratch, true);
            for (Divergence dv : s.divergences()) {
                if (write != null) {
                    System.out.println("written to " + writeCase(dv, write));
                }
            }
            System.out.printf("%s (%s) seed %d: %d cases, %d agree, %d differ (%.1f s)%n", banner, d.id, seed,
                    s.ran(), s.ran() - s.divergences().size(), s.divergences().size(),
                    (System.nanoTime() - t0) / 1e9);
        } finally {
            deleteTree(scratch);
        }
    }
}
