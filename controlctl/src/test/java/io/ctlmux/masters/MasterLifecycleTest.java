package io.ctlmux.masters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctlmux.cli.CommandLines;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** Start, list, prune, drain and exit real OpenSSH masters against the embedded MINA server. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MasterLifecycleTest {
    private SshFixture fx;

    @BeforeAll
    static void needSsh() {
        Assumptions.assumeTrue(SshFixture.sshAvailable(), "ssh and ssh-keygen are needed on PATH");
    }

    @BeforeEach
    void setUp() throws Exception {
        fx = new SshFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        Path dir = fx.dir;
        fx.close();
        assertTrue(fx.masters().isEmpty(), "masters left running");
        assertFalse(Files.exists(dir), "temporary directory left behind");
    }

    @Test
    void startIsIdempotentAndCommandsShareTheConnection() throws Exception {
        MasterStarter.Result r = fx.start("a");
        assertEquals(MasterStarter.Outcome.STARTED, r.outcome());
        assertEquals(fx.controlPath("a"), r.path());
        assertEquals(MasterState.ALIVE, SocketProbe.probe(r.path(), Duration.ofSeconds(2)).state());
        assertEquals(1, fx.server.connections());

        MasterStarter.Result again = fx.start("a");
        assertEquals(MasterStarter.Outcome.ALREADY_RUNNING, again.outcome());
        assertEquals(r.pid(), again.pid());

        for (int i = 0; i < 5; i++) {
            Process p = fx.ssh("a", "exit", "3");
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(3, p.exitValue());
        }
        assertEquals(1, fx.server.connections(), "commands went through the master");
        // the master is detached: no descriptor of ours, stdin on /dev/null
        assertEquals("/dev/null", Files.readSymbolicLink(Path.of("/proc/" + r.pid() + "/fd/0")).toString());
        assertEquals(1, fx.masters().size());
    }

    @Test
    void twentyConcurrentStartsInThreadsMakeOneMaster() throws Exception {
        List<MasterStarter.Result> results = concurrently(20, i -> fx.start("a"));
        assertOneMaster(results, "a");
    }

    @Test
    void twentyConcurrentStartProcessesMakeOneMaster() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xshare:auto", "-cp", cp, "io.ctlmux.cli.Main", "start", "--json", "--no-exec", "--timeout",
                    "60"));
            cmd.addAll(fx.opts());
            cmd.add("b");
            ps.add(new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).start());
        }
        Set<String> pids = new HashSet<>();
        int started = 0;
        for (Process p : ps) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(90, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            pids.add(field(out, "pid"));
            started += out.contains("\"state\":\"started\"") ? 1 : 0;
        }
        assertEquals(1, pids.size(), "every caller reports the same master: " + pids);
        assertEquals(1, started, "exactly one caller started it");
        assertEquals(1, fx.masters().size());
        assertEquals(1, fx.server.connections());
    }

    private void assertOneMaster(List<MasterStarter.Result> results, String alias) throws Exception {
        Set<Long> pids = results.stream().map(MasterStarter.Result::pid).collect(Collectors.toSet());
        assertEquals(1, pids.size(), "every caller got the same master");
        assertEquals(1, results.stream().filter(r -> r.outcome() == MasterStarter.Outcome.STARTED).count());
        assertEquals(1, fx.masters().size(), "one ssh master process");
        assertEquals(1, fx.server.connections(), "one SSH connection");
        assertEquals(pids.iterator().next(), fx.masters().get(0).pid());
        assertEquals(fx.controlPath(alias), fx.masters().get(0).path());
    }

    @Test
    void lsShowsStatesAliasesAndPidsBeforeAndAfterKill9() throws Exception {
        MasterStarter.Result a = fx.start("a");
        MasterStarter.Result b = fx.start("b");
        Map<Path, Inventory.Master> before = listing();
        assertEquals(2, before.size());
        Inventory.Master ma = before.get(a.path());
        assertEquals(MasterState.ALIVE, ma.state());
        assertEquals(List.of("a"), ma.aliases(), "%C name mapped back to its alias");
        assertEquals(a.pid(), ma.pid());
        assertEquals("ua@127.0.0.1:" + fx.server.port(), ma.endpoint());
        assertNotNull(ma.since());
        assertEquals(List.of("b"), before.get(b.path()).aliases());

        SshFixture.kill9(a.pid());
        Map<Path, Inventory.Master> after = listing();
        assertEquals(MasterState.STALE, after.get(a.path()).state());
        assertEquals(List.of("a"), after.get(a.path()).aliases());
        assertEquals(MasterState.ALIVE, after.get(b.path()).state());

        String json = cli("ls", "--json", "-F", fx.opts().get(1));
        assertTrue(json.contains("\"path\":\"" + a.path() + "\",\"state\":\"stale\",\"pid\":null,\"aliases\":[\"a\"]"),
                json);
        assertTrue(json.contains("\"path\":\"" + b.path() + "\",\"state\":\"alive\",\"pid\":" + b.pid()
                + ",\"aliases\":[\"b\"]"), json);
    }

    @Test
    void checkAllReportsEveryMasterAndFailsWhenOneIsDead() throws Exception {
        MasterStarter.Result a = fx.start("a");
        MasterStarter.Result b = fx.start("b");
        StringWriter out = new StringWriter();
        int rc = cli(out, "check", "--all", "-F", fx.opts().get(1));
        // other masters on this machine are listed too; the status covers all of them
        assertEquals(out.toString().lines().allMatch(l -> l.startsWith("alive")) ? 0 : 255, rc, out.toString());
        List<String> lines = out.toString().lines().filter(l -> l.contains(fx.dir.toString())).toList();
        assertEquals(2, lines.size(), out.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("alive")), out.toString());
        SshFixture.kill9(b.pid());
        out = new StringWriter();
        assertEquals(255, cli(out, "check", "--all", "-F", fx.opts().get(1)));
        assertTrue(out.toString().contains("stale") && out.toString().contains(b.path().toString()), out.toString());
        assertTrue(out.toString().contains("pid=" + a.pid()), out.toString());
    }

    @Test
    void pruneRemovesOnlyProvablyDeadSocketsOfOurs() throws Exception {
        Path symlink = fx.dir.resolve("link");
        Path regular = fx.dir.resolve("regular");
        fx.writeConfig("Host a\n    User ua\nHost b\n    User ub\nHost viasymlink\n    ControlPath " + symlink
                + "\nHost plainfile\n    ControlPath " + regular + "\n");
        MasterStarter.Result live = fx.start("a");
        MasterStarter.Result dead = fx.start("b");
        SshFixture.kill9(dead.pid());
        Files.createSymbolicLink(symlink, dead.path());
        Files.writeString(regular, "not a socket");
        Path temp = fx.dir.resolve(live.path().getFileName() + ".AbCdEfGh12345678");
        deadSocket(temp);
        Path foreign = fx.dir.resolve("foreign");
        boolean root = Posix.uid() == 0;
        if (root) {
            deadSocket(foreign);
            Files.setAttribute(foreign, "unix:uid", 65534);
        }
        try (ServerSocketChannel busy = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Path busyPath = fx.dir.resolve("busy");
            busy.bind(UnixDomainSocketAddress.of(busyPath)); // listens, never answers: looks like a wedged master

            Inventory.Listing l = mine(Inventory.discover(fx.args(), fx.resolver, Duration.ofMillis(500)));
            Map<Path, Pruner.Decision> dry = decisions(Pruner.prune(l, true, false, Duration.ofMillis(500)));
            assertEquals(Pruner.Action.WOULD_REMOVE, dry.get(dead.path()).action());
            assertEquals(Pruner.Action.WOULD_REMOVE, dry.get(temp).action());
            assertTrue(Files.exists(dead.path()) && Files.exists(temp), "dry run removes nothing");

            Map<Path, Pruner.Decision> d = decisions(Pruner.prune(
                    mine(Inventory.discover(fx.args(), fx.resolver, Duration.ofMillis(500))), false, false,
                    Duration.ofMillis(500)));
            assertEquals(Pruner.Action.REMOVED, d.get(dead.path()).action());
            assertEquals(Pruner.Action.REMOVED, d.get(temp).action());
            assertFalse(Files.exists(dead.path()));
            assertFalse(Files.exists(temp));

            assertEquals(Pruner.Action.KEPT, d.get(live.path()).action());
            assertEquals(MasterState.ALIVE, SocketProbe.probe(live.path(), Duration.ofSeconds(2)).state());
            assertEquals(Pruner.Action.KEPT, d.get(symlink).action());
            assertTrue(d.get(symlink).why().contains("symbolic link"), d.get(symlink).why());
            assertTrue(Files.isSymbolicLink(symlink));
            assertEquals(Pruner.Action.KEPT, d.get(regular).action());
            assertTrue(Files.exists(regular));
            assertEquals(Pruner.Action.KEPT, d.get(busyPath).action());
            assertEquals(MasterState.UNRESPONSIVE, d.get(busyPath).master().state());
            assertTrue(Files.exists(busyPath));
            if (root) {
                assertEquals(Pruner.Action.KEPT, d.get(foreign).action());
                assertEquals(MasterState.FOREIGN, d.get(foreign).master().state());
                assertTrue(Files.exists(foreign));
            }
        }
    }

    @Test
    void pruneUnresponsiveEndsAFrozenMaster() throws Exception {
        MasterStarter.Result r = fx.start("a");
        ProcessHandle h = ProcessHandle.of(r.pid()).orElseThrow();
        new ProcessBuilder("kill", "-STOP", Long.toString(r.pid())).start().waitFor(5, TimeUnit.SECONDS);
        try {
            Inventory.Listing l = mine(Inventory.discover(fx.args(), fx.resolver, Duration.ofMillis(300)));
            Map<Path, Pruner.Decision> kept = decisions(Pruner.prune(l, false, false, Duration.ofMillis(300)));
            assertEquals(Pruner.Action.KEPT, kept.get(r.path()).action(), "a timeout is never proof of death");
            assertTrue(Files.exists(r.path()));
            Map<Path, Pruner.Decision> d = decisions(Pruner.prune(l, false, true, Duration.ofMillis(300)));
            assertEquals(Pruner.Action.EXITED, d.get(r.path()).action(), d.get(r.path()).why());
            assertTrue(Pruner.waitGone(r.pid(), Duration.ofSeconds(5)));
            assertFalse(Files.exists(r.path()), "the dead socket was removed");
        } finally {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }

    @Test
    void startRefusesBadPathsBeforeConnecting() throws Exception {
        Path longDir = fx.dir.resolve("d".repeat(60));
        Files.createDirectory(longDir, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        fx.writeConfig("Host long\n    ControlPath " + longDir + "/%C\nHost missing\n    ControlPath " + fx.dir
                + "/nodir/%C\nHost open\n    ControlPath " + fx.dir + "/open/%C\n");
        LifecycleException tooLong = assertThrows(LifecycleException.class, () -> fx.start("long"));
        assertTrue(tooLong.getMessage().contains("bytes; a master needs at most 90"), tooLong.getMessage());

        LifecycleException missing = assertThrows(LifecycleException.class, () -> fx.start("missing"));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

        Path open = Files.createDirectory(fx.dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        LifecycleException writable = assertThrows(LifecycleException.class, () -> fx.start("open"));
        assertTrue(writable.getMessage().contains("writable by others"), writable.getMessage());
        assertEquals(0, fx.server.connections(), "nothing connected");

        MasterStarter.Result r = MasterStarter.start(new MasterStarter.Request(fx.args().withDestination("missing"), "30", true,
                Duration.ofSeconds(20), "ssh"), fx.resolver);
        assertEquals(MasterStarter.Outcome.STARTED, r.outcome());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.dir.resolve(
                "nodir"))));
    }

    @Test
    void aMasterWhoseAuthFailsShowsSshsLog() throws Exception {
        Path other = fx.dir.resolve("other");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", other.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start().waitFor(20,
                        TimeUnit.SECONDS);
        fx.writeConfig("Host stranger\n    IdentityFile " + other + "\n");
        long t0 = System.nanoTime();
        LifecycleException e = assertThrows(LifecycleException.class, () -> fx.start("stranger"));
        assertTrue(e.getMessage().contains("ssh exited with status 255"), e.getMessage());
        assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(15).toNanos(), "fails fast, not at the timeout");
        assertTrue(fx.masters().isEmpty());
        assertFalse(Files.exists(fx.controlPath("stranger")));
    }

    @Test
    void stopDrainWaitsForTheRunningSessionThenTheMasterExits() throws Exception {
        MasterStarter.Result r = MasterStarter.start(new MasterStarter.Request(fx.args().withDestination("a"), "yes", false,
                Duration.ofSeconds(20), "ssh"), fx.resolver);
        Process session = fx.ssh("a", "sleep", "2");
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Stopper.muxConnections(r.pid()) < 1 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
        StringWriter out = new StringWriter();
        long t0 = System.nanoTime();
        assertEquals(0, cli(out, "stop", "--drain", "--timeout", "20", "-F", fx.opts().get(1), "a"), out.toString());
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(session.waitFor(1, TimeUnit.SECONDS));
        assertEquals(0, session.exitValue(), "the session finished normally");
        assertTrue(tookMs >= 1000, "waited for the session: " + tookMs + " ms");
        assertFalse(Posix.alive(r.pid()), "master exited");
        assertFalse(Files.exists(r.path()));
        assertTrue(out.toString().contains("master " + r.pid() + " exited"), out.toString());
    }

    @Test
    void exitAllHonoursOlderThan() throws Exception {
        MasterStarter.Result a = fx.start("a");
        MasterStarter.Result b = fx.start("b");
        // the library, on this fixture's masters only: the CLI would also reach other masters on this machine
        Inventory.Listing l = mine(Inventory.discover(fx.args(), fx.resolver, Duration.ofSeconds(2)));
        List<Stopper.Exited> young = Stopper.exitAll(l, Duration.ofHours(1),
                io.ctlmux.mux.client.MuxClientOptions.defaults());
        assertEquals(2, young.size());
        assertTrue(young.stream().noneMatch(Stopper.Exited::done));
        assertTrue(young.get(0).why().startsWith("younger than"), young.get(0).why());
        assertTrue(Posix.alive(a.pid()) && Posix.alive(b.pid()));
        Thread.sleep(1100);
        List<Stopper.Exited> all = Stopper.exitAll(l, Duration.ofSeconds(1),
                io.ctlmux.mux.client.MuxClientOptions.defaults());
        assertTrue(all.stream().allMatch(Stopper.Exited::done), all.toString());
        assertTrue(Pruner.waitGone(a.pid(), Duration.ofSeconds(5)) && Pruner.waitGone(b.pid(), Duration.ofSeconds(5)));
    }

    @Test
    void demoRunsAndLeavesNothingBehind() throws Exception {
        StringWriter text = new StringWriter();
        Path dir;
        List<Long> pids;
        try (Demo demo = new Demo(new PrintWriter(text, true), "ssh", 3)) {
            demo.run();
            dir = demo.directory();
            pids = demo.masterPids();
        }
        String out = text.toString();
        assertTrue(out.contains("a second start finds it: already running"), out);
        assertTrue(out.contains("(new SSH connections: 0)"), out);
        assertTrue(out.contains("(new SSH connections: 3)"), out);
        assertTrue(out.matches("(?s).*alive\\s+\\d+.*demo.*"), out);
        assertTrue(out.matches("(?s).*stale\\s+-.*crashy.*"), out);
        assertTrue(out.contains("exited after"), out);
        assertTrue(out.contains("removed " + dir), out);
        assertFalse(Files.exists(dir), "temporary directory removed");
        assertEquals(2, pids.size());
        for (long pid : pids) {
            assertFalse(Posix.alive(pid), "master " + pid + " stopped");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private Map<Path, Inventory.Master> listing() throws LifecycleException {
        return mine(Inventory.discover(fx.args(), fx.resolver, Duration.ofSeconds(2))).masters().stream()
                .collect(Collectors.toMap(Inventory.Master::path, Function.identity()));
    }

    /** Only what lives in the fixture's directory: other masters on this machine are not ours to touch. */
    private Inventory.Listing mine(Inventory.Listing l) {
        return new Inventory.Listing(l.masters().stream().filter(m -> m.path().startsWith(fx.dir)).toList(),
                l.warnings());
    }

    private static Map<Path, Pruner.Decision> decisions(List<Pruner.Decision> ds) {
        return ds.stream().collect(Collectors.toMap(Pruner.Decision::path, Function.identity()));
    }

    /** A socket file nobody listens on (bound, then closed: the file stays). */
    private static void deadSocket(Path p) throws IOException {
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(p));
        }
    }

    private static <T> List<T> concurrently(int n, ThrowingFunction<T> f) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                fs.add(pool.submit((Callable<T>) () -> {
                    go.await();
                    return f.apply(k);
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> fu : fs) {
                out.add(fu.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface ThrowingFunction<T> {
        T apply(int i) throws Exception;
    }

    private static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":");
        assertTrue(i >= 0, json);
        int s = i + name.length() + 3;
        int e = s;
        while (e < json.length() && json.charAt(e) != ',' && json.charAt(e) != '}') {
            e++;
        }
        return json.substring(s, e);
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        assertEquals(0, cli(out, args));
        return out.toString();
    }

    private static int cli(StringWriter out, String... args) {
        CommandLine cl = CommandLines.create();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        out.flush();
        return rc;
    }

}
