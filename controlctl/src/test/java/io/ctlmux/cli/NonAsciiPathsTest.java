package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.text.ByteText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real OpenSSH master whose ControlPath (and config file, Host alias and user) lie under a directory whose name
 * is not ASCII: UTF-8 ("cmü") or not UTF-8 at all. {@code ctlmux check}, {@code check --json}, {@code config} and
 * {@code exit} run as the user runs them, in a JVM of their own started with those bytes as arguments, under
 * {@code LC_ALL=C}, a UTF-8 locale and no locale, and must do what ssh does, byte for byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonAsciiPathsTest {
    private RealMaster fx;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(RealMaster.sshAvailable(), "OpenSSH client (ssh, ssh-keygen) not installed");
        fx = new RealMaster((dir, keys) -> TestServer.embedded(keys));
    }

    @AfterAll
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    record Run(int rc, String out, String err) {
    }

    /** Runs {@code argv} (byte strings) with LC_ALL set to {@code locale}, or with no locale variable at all. */
    private static Run run(String locale, List<String> argv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ByteText.command(argv));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.equals("LANG") || k.equals("LANGUAGE") || k.startsWith("LC_"));
        if (locale != null) {
            env.put("LC_ALL", locale);
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("timed out: " + argv);
        }
        return new Run(p.exitValue(), ByteText.of(out.get(10, TimeUnit.SECONDS)),
                ByteText.of(err.get(10, TimeUnit.SECONDS)));
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static List<String> ctlmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static List<String> ssh(String... args) {
        List<String> cmd = new ArrayList<>(List.of(RealMaster.SSH));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-8", "invalid"})
    void checkConfigAndExitFindTheMasterUnderANonAsciiDirectory(String kind) throws Exception {
        String name = kind.equals("utf-8") ? ByteText.fromUnicode("cm\u00fc") : "cm\u00ff\u00fe\u00e9";
        String base = ByteText.ofPath(fx.dir) + "/" + name;
        Files.createDirectory(ByteText.path(base));
        String cfg = base + "/config";
        String alias = "h-" + name;
        // the embedded server takes user names as UTF-8 text: only a valid one logs in
        String user = kind.equals("utf-8") ? "u" + name : "u";
        String config = "Host " + alias + "\n"
                + "  HostName 127.0.0.1\n  Port " + fx.server.port() + "\n  User " + user + "\n"
                + "  IdentityFile " + ByteText.ofPath(fx.key) + "\n  IdentitiesOnly yes\n  BatchMode yes\n"
                + "  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n"
                + "  ConnectTimeout 5\n  ControlPath " + base + "/%C\n";
        Path cfgPath = ByteText.path(cfg);
        Files.write(cfgPath, ByteText.bytes(config));
        Files.setPosixFilePermissions(cfgPath, PosixFilePermissions.fromString("rw-------"));

        Run g = run("C", ssh("-F", cfg, "-G", alias));
        assertEquals(0, g.rc(), g.err());
        String socket = g.out().lines().filter(l -> l.startsWith("controlpath ")).findFirst().orElseThrow()
                .substring("controlpath ".length());
        assertTrue(socket.startsWith(base + "/") && socket.length() == base.length() + 41, socket);

        Run master = run("C", ssh("-F", cfg, "-o", "ControlMaster=yes", "-o", "ControlPersist=120", "-f", "-N", alias));
        assertEquals(0, master.rc(), master.err());
        try {
            Run sshCheck = run("C", ssh("-F", cfg, "-O", "check", alias));
            assertEquals(0, sshCheck.rc(), sshCheck.err());
            assertTrue(sshCheck.err().startsWith("Master running (pid="), sshCheck.err());

            assertEquals(g.out(), run(null, ctlmux("config", "-F", cfg, alias)).out(), "ctlmux config = ssh -G");
            for (String locale : new String[] {"C", "C.UTF-8", null}) {
                Run check = run(locale, ctlmux("check", "-F", cfg, alias));
                assertEquals(sshCheck, check, "ctlmux check under LC_ALL=" + locale);
                Run json = run(locale, ctlmux("check", "--json", "-F", cfg, alias));
                assertEquals(0, json.rc(), json.err());
                assertTrue(json.out().startsWith("{\"path\":" + ByteText.json(socket) + ",\"state\":\"alive\""),
                        json.out());
            }
            Run exit = run("C", ctlmux("exit", "-F", cfg, alias));
            assertEquals(new Run(0, "", "Exit request sent.\r\n"), exit);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Files.exists(ByteText.path(socket)) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertTrue(!Files.exists(ByteText.path(socket)), "the master removed its socket");
            Run gone = run("C.UTF-8", ctlmux("check", "-F", cfg, alias));
            assertEquals(run("C.UTF-8", ssh("-F", cfg, "-O", "check", alias)), gone);
            assertEquals(255, gone.rc());
            assertTrue(gone.err().contains("connect(" + io.ctlmux.config.text.Vis.log(socket)
                    + "): No such file or directory"), gone.err());

            // the lifecycle commands: start passes the bytes on to ssh, ls finds the socket by listing its directory
            Run started = run("C", ctlmux("start", "-F", cfg, alias));
            assertEquals(0, started.rc(), started.err());
            assertTrue(started.out().startsWith("started master pid ") && started.out().endsWith(" at " + socket + "\n"),
                    started.out());
            assertEquals(0, run("C", ssh("-F", cfg, "-O", "check", alias)).rc(), "ssh finds the master ctlmux started");
            Run ls = run("C.UTF-8", ctlmux("ls", "--json", "-F", cfg));
            assertEquals(0, ls.rc(), ls.err());
            assertTrue(ls.out().contains("{\"path\":" + ByteText.json(socket) + ",\"state\":\"alive\""), ls.out());
            assertTrue(ls.out().contains(ByteText.json(alias)), "the alias, mapped back from %C: " + ls.out());
            Run again = run(null, ctlmux("start", "-F", cfg, alias));
            assertTrue(again.out().startsWith("already running: master pid "), again.out() + again.err());
            assertEquals(new Run(0, "", "Exit request sent.\r\n"), run("C", ctlmux("exit", "-F", cfg, alias)));
        } finally {
            run("C", ssh("-F", cfg, "-O", "exit", alias));
        }
    }
}
