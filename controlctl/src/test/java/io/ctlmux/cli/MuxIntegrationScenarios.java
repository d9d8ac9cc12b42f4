package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.mux.client.MuxClient;
import io.ctlmux.mux.client.MuxClientOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every ctlmux mux command against a real OpenSSH master (ssh -M -N -f, ControlPersist) in front of an SSH server,
 * compared with {@code ssh -O} on the same master: stderr text, stdout, exit status and effect. Each subclass runs
 * these scenarios against one kind of server.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MuxIntegrationScenarios {
    RealMaster fx;
    Path cm;

    /** Starts the server under test; may throw {@link SshdServer.Unavailable} to skip the class. */
    abstract TestServer startServer(Path dir, Path authorizedKeys) throws Exception;

    /**
     * The command line this server runs for a command of the embedded server's in-process set (see
     * {@code io.ctlmux.testserver.InProcessCommand}).
     */
    abstract String command(String inProcess);

    /** Whether the server may drop a command's exit-status (see {@link #lost}). */
    boolean mayLoseExitStatus() {
        return false;
    }

    /** Called when the first master cannot log in; may skip the class with a reason. */
    void masterDidNotStart(IOException e) {
    }

    @BeforeAll
    void start() throws Exception {
        assumeTrue(RealMaster.sshAvailable(), "OpenSSH client (ssh, ssh-keygen) not installed");
        try {
            fx = new RealMaster(this::startServer);
        } catch (SshdServer.Unavailable e) {
            abort(e.getMessage());
        }
        try {
            cm = fx.startMaster("cm");
        } catch (IOException e) {
            masterDidNotStart(e);
            throw e;
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    /** ctlmux SUB OPTS EXTRA... USER@127.0.0.1, in process, with its own writers. */
    RealMaster.Result ctlmux(String sub, List<String> ctlmuxOpts, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(sub));
        args.addAll(ctlmuxOpts);
        args.addAll(fx.opts());
        args.addAll(extra);
        args.add(fx.destination());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = CommandLines.create();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args.toArray(String[]::new));
        return new RealMaster.Result(rc, out.toString(), err.toString());
    }

    RealMaster.Result sshO(String op, List<String> extra) throws Exception {
        List<String> before = new ArrayList<>(extra);
        before.add("-O");
        before.add(op);
        return fx.ssh(before);
    }

    static void assertSame(RealMaster.Result ssh, RealMaster.Result ours) {
        assertEquals(ssh.err(), ours.err(), "stderr");
        assertEquals(ssh.out(), ours.out(), "stdout");
        assertEquals(ssh.rc(), ours.rc(), "exit status");
    }

    static List<String> s(Path p) {
        return List.of("-S", p.toString());
    }

    @Test
    void checkMatchesSsh() throws Exception {
        RealMaster.Result ours = ctlmux("check", List.of(), s(cm));
        assertTrue(ours.err().matches("Master running \\(pid=\\d+\\)\r\n"), ours.err());
        assertSame(sshO("check", s(cm)), ours);
    }

    @Test
    void checkJsonReportsTheSamePid() throws Exception {
        RealMaster.Result ours = ctlmux("check", List.of("--json"), s(cm));
        assertEquals(0, ours.rc());
        String extensions = masterOffersInfo() ? "{\"info\":\"0\"}" : "{}"; // 10.3+ masters offer "info"
        assertTrue(ours.out().startsWith("{\"path\":\"" + cm + "\",\"state\":\"alive\",\"pid\":" + fx.pid(cm)
                + ",\"protocolVersion\":4,\"extensions\":" + extensions + ",\"elapsedMs\":"), ours.out());
        assertEquals("", ours.err());
    }

    @Test
    void missingAndStaleSocketsMatchSsh() throws Exception {
        Path none = fx.dir.resolve("none");
        assertSame(sshO("check", s(none)), ctlmux("check", List.of(), s(none)));
        Path stale = fx.dir.resolve("stale");
        try (ServerSocketChannel sc = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            sc.bind(UnixDomainSocketAddress.of(stale));
        }
        RealMaster.Result ours = ctlmux("check", List.of(), s(stale));
        assertEquals("Control socket connect(" + stale + "): Connection refused\r\n", ours.err());
        assertSame(sshO("check", s(stale)), ours);
        List<String> quiet = new ArrayList<>(s(none));
        quiet.add("-q");
        assertSame(sshO("check", quiet), ctlmux("check", List.of(), quiet));
        assertTrue(ctlmux("check", List.of("--json"), s(stale)).out().contains("\"state\":\"stale\""));
        Files.delete(stale);
    }

    @Test
    void aSilentSocketIsUnresponsiveWithinTheTimeout() throws Exception {
        Path silent = fx.dir.resolve("silent");
        try (ServerSocketChannel sc = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            sc.bind(UnixDomainSocketAddress.of(silent));
            long t0 = System.nanoTime();
            RealMaster.Result ours = ctlmux("check", List.of("--timeout", "300ms"), s(silent));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(255, ours.rc());
            assertEquals("Control socket " + silent + ": master did not send its hello within 300 ms (unresponsive)"
                    + "\r\n", ours.err());
            assertTrue(ms < 5000, "took " + ms + " ms");
            RealMaster.Result json = ctlmux("check", List.of("--json", "--timeout=300ms"), s(silent));
            assertTrue(json.out().contains("\"state\":\"unresponsive\""), json.out());
        } finally {
            Files.deleteIfExists(silent);
        }
    }

    @Test
    void localForwardOpensAndCancelCloses() throws Exception {
        int port = freePort();
        List<String> spec = new ArrayList<>(s(cm));
        spec.addAll(List.of("-L", port + ":127.0.0.1:" + fx.server.port()));
        RealMaster.Result ours = ctlmux("forward", List.of(), spec);
        assertEquals(new RealMaster.Result(0, "", ""), ours);
        assertTrue(banner(port).startsWith("SSH-2.0-"), "the forward reaches the server");
        assertSame(sshO("forward", spec), ctlmux("forward", List.of(), spec));
        assertEquals(new RealMaster.Result(0, "", ""), ctlmux("cancel", List.of(), spec));
        assertFalse(listening(port), "listener closed after cancel");
        RealMaster.Result again = ctlmux("cancel", List.of(), spec);
        assertEquals("mux_client_forward: forwarding request failed: port not forwarded\r\n"
                + "muxclient: master cancel forward request failed\r\n", again.err());
        assertSame(sshO("cancel", spec), again);
    }

    /** --json of every mux command: one JSON value on stdout, the same exit status as without it. */
    @Test
    void jsonOutputsOfTheMuxCommands() throws Exception {
        int port = freePort();
        List<String> spec = new ArrayList<>(s(cm));
        spec.addAll(List.of("-L", port + ":127.0.0.1:" + fx.server.port()));
        RealMaster.Result fwd = ctlmux("forward", List.of("--json"), spec);
        assertEquals(0, fwd.rc(), fwd.err());
        Map<String, Object> f = JsonValue.object(fwd.out());
        assertEquals(cm.toString(), f.get("path"));
        assertEquals("forward", f.get("request"));
        assertEquals(List.of(Map.of("type", "local", "listen", Integer.toString(port), "connect",
                "127.0.0.1:" + fx.server.port(), "result", "sent", "allocatedPort", "null", "error", "null")),
                nullsAsText((List<?>) f.get("forwards")));
        assertTrue(listening(port), "the forward is there");
        Map<String, Object> c = JsonValue.object(ctlmux("cancel", List.of("--json"), spec).out());
        assertEquals("cancel", c.get("request"));
        assertEquals("sent", ((Map<?, ?>) ((List<?>) c.get("forwards")).get(0)).get("result"));
        RealMaster.Result again = ctlmux("cancel", List.of("--json"), spec);
        assertEquals(0, again.rc(), "a refused cancel exits 0, as ssh -O cancel does");
        Map<?, ?> refused = (Map<?, ?>) ((List<?>) JsonValue.object(again.out()).get("forwards")).get(0);
        assertEquals("refused", refused.get("result"));
        assertEquals("port not forwarded", refused.get("error"));

        List<String> remote = new ArrayList<>(s(cm));
        remote.addAll(List.of("-R", "0:127.0.0.1:" + fx.server.port()));
        RealMaster.Result r = ctlmux("forward", List.of("--json"), remote);
        assertEquals(0, r.rc(), r.err());
        Object allocated = ((Map<?, ?>) ((List<?>) JsonValue.object(r.out()).get("forwards")).get(0))
                .get("allocatedPort");
        assertTrue(allocated instanceof Long l && l > 0, r.out());

        for (String op : List.of("conninfo", "channels")) {
            RealMaster.Result info = ctlmux(op, List.of("--json"), s(cm));
            if (masterOffersInfo()) {
                assertEquals(0, info.rc(), info.err());
                assertFalse(((List<?>) JsonValue.object(info.out()).get("lines")).isEmpty(), info.out());
            } else {
                assertEquals(new RealMaster.Result(255, "", "mux server does not support info request\r\n"), info);
            }
        }

        Path stopped = fx.startMaster("cjs");
        long pid = fx.pid(stopped);
        RealMaster.Result stop = ctlmux("stop", List.of("--json"), s(stopped));
        assertEquals(0, stop.rc(), stop.err());
        assertEquals(Map.of("path", stopped.toString(), "request", "stop", "result", "sent", "error", "null"),
                nullsAsText(List.of(JsonValue.object(stop.out()))).get(0));
        awaitGone(stopped);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);   // a stopped master no longer answers exit
        Path exited = fx.startMaster("cje");
        RealMaster.Result exit = ctlmux("exit", List.of("--json"), s(exited));
        assertEquals(0, exit.rc(), exit.err());
        assertEquals("exit", JsonValue.object(exit.out()).get("request"));
        RealMaster.Result gone = ctlmux("exit", List.of("--json"), s(exited));
        assertEquals(255, gone.rc());
        assertEquals("", gone.out(), "no result when there is no master to ask");
    }

    /** The maps of a list with JSON null written "null" (Map.of takes no null values). */
    private static List<Map<String, Object>> nullsAsText(List<?> maps) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object m : maps) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            ((Map<?, ?>) m).forEach((k, v) -> copy.put((String) k, v == null ? "null" : v));
            out.add(copy);
        }
        return out;
    }

    @Test
    void remoteForwardToPortZeroPrintsTheAllocatedPort() throws Exception {
        List<String> spec = new ArrayList<>(s(cm));
        spec.addAll(List.of("-R", "0:127.0.0.1:" + fx.server.port()));
        RealMaster.Result ours = ctlmux("forward", List.of(), spec);
        assertEquals(0, ours.rc());
        assertTrue(ours.out().matches("\\d+\n"), ours.out());
        int port = Integer.parseInt(ours.out().trim());
        assertTrue(banner(port).startsWith("SSH-2.0-"), "the server listens on the allocated port");
        assertSame(sshO("forward", spec), ours);
    }

    @Test
    void remoteForwardOpensAndCancelCloses() throws Exception {
        int port = freePort();
        List<String> spec = new ArrayList<>(s(cm));
        spec.addAll(List.of("-R", "127.0.0.1:" + port + ":127.0.0.1:" + fx.server.port()));
        assertEquals(new RealMaster.Result(0, "", ""), ctlmux("forward", List.of(), spec));
        assertTrue(banner(port).startsWith("SSH-2.0-"), "the server listens and forwards back through the master");
        assertSame(sshO("forward", spec), ctlmux("forward", List.of(), spec));
        assertEquals(new RealMaster.Result(0, "", ""), ctlmux("cancel", List.of(), spec));
        awaitClosed(port);
        RealMaster.Result again = ctlmux("cancel", List.of(), spec);
        assertEquals("mux_client_forward: forwarding request failed: port not forwarded\r\n"
                + "muxclient: master cancel forward request failed\r\n", again.err());
        assertSame(sshO("cancel", spec), again);
    }

    @Test
    void unixSocketAndDynamicForwards() throws Exception {
        Path sock = fx.dir.resolve("f.sock");
        List<String> spec = new ArrayList<>(s(cm));
        spec.addAll(List.of("-L", sock + ":127.0.0.1:" + fx.server.port()));
        assertEquals(new RealMaster.Result(0, "", ""), ctlmux("forward", List.of(), spec));
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read the server banner through the unix listener
            }
            assertEquals("SSH-2.0-", new String(b.array(), StandardCharsets.US_ASCII));
        }
        assertSame(sshO("forward", spec), ctlmux("forward", List.of(), spec));
        assertEquals(new RealMaster.Result(0, "", ""), ctlmux("cancel", List.of(), spec));
        assertThrows(IOException.class, () -> SocketChannel.open(UnixDomainSocketAddress.of(sock)).close(),
                "unix listener closed after cancel");
        assertSame(sshO("cancel", spec), ctlmux("cancel", List.of(), spec));

        int dport = freePort();
        List<String> dyn = new ArrayList<>(s(cm));
        dyn.addAll(List.of("-D", "127.0.0.1:" + dport));
        assertEquals(new RealMaster.Result(0, "", ""), ctlmux("forward", List.of(), dyn));
        assertEquals("SSH-2.0-", socksBanner(dport, fx.server.port()), "a SOCKS5 connect through the master");
        assertSame(sshO("forward", dyn), ctlmux("forward", List.of(), dyn));
        assertEquals(new RealMaster.Result(0, "", ""), ctlmux("cancel", List.of(), dyn));
        assertFalse(listening(dport));
        RealMaster.Result again = ctlmux("cancel", List.of(), dyn);
        // ssh 9.2 reports the failed cancel of a dynamic forward but exits 0 (255 for -L and -R)
        assertEquals(new RealMaster.Result(0, "",
                "mux_client_forward: forwarding request failed: port not forwarded\r\n"
                        + "muxclient: master cancel forward request failed\r\n"), again);
        assertSame(sshO("cancel", dyn), again);
    }

    /** Connects through the SOCKS5 listener at {@code socksPort} to 127.0.0.1:{@code port}; the first 8 bytes. */
    static String socksBanner(int socksPort, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", socksPort), 2000);
            s.setSoTimeout(5000);
            var out = s.getOutputStream();
            var in = s.getInputStream();
            out.write(new byte[] {5, 1, 0});
            assertEquals("[5, 0]", java.util.Arrays.toString(in.readNBytes(2)), "SOCKS5 method: no authentication");
            out.write(new byte[] {5, 1, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port});
            byte[] reply = in.readNBytes(10);
            assertEquals(0, reply.length < 2 ? -1 : reply[1], "SOCKS5 connect reply");
            return new String(in.readNBytes(8), StandardCharsets.US_ASCII);
        }
    }

    private boolean masterOffersInfo() throws IOException {
        try (MuxClient c = MuxClient.connect(cm, MuxClientOptions.defaults())) {
            return c.supportsInfo();
        }
    }

    @Test
    void conninfoAndChannelsAsSshOSays() throws Exception {
        if (!masterOffersInfo()) { // a master before 10.3 (ssh -O has no conninfo there)
            RealMaster.Result ours = ctlmux("conninfo", List.of(), s(cm));
            assertEquals(new RealMaster.Result(255, "", "mux server does not support info request\r\n"), ours);
            assertEquals(255, ctlmux("channels", List.of(), s(cm)).rc());
            return;
        }
        for (String op : List.of("conninfo", "channels")) {
            RealMaster.Result ssh = sshO(op, s(cm));
            RealMaster.Result ours = ctlmux(op, List.of(), s(cm));
            for (int retry = 0; retry < 2 && !ssh.equals(ours); retry++) {
                // conninfo's duration and traffic counters may move between the two requests
                ssh = sshO(op, s(cm));
                ours = ctlmux(op, List.of(), s(cm));
            }
            assertSame(ssh, ours);
            assertTrue(ours.out().startsWith(op.equals("conninfo") ? "Connection information for " : "The following"),
                    ours.out());
        }
    }

    @Test
    void execRunsThroughTheMasterWithStdioAndExitStatus() throws Exception {
        int connectionsBefore = fx.server.connections();
        record Case(String command, RealMaster.Result expected) {
        }
        for (Case c : List.of(new Case("echo hello world", new RealMaster.Result(0, "hello world\n", "")),
                new Case("true", new RealMaster.Result(0, "", "")),
                new Case("false", new RealMaster.Result(1, "", "")),
                new Case("exit 3", new RealMaster.Result(3, "", "")),
                new Case("exit 255", new RealMaster.Result(255, "", "")),
                new Case("closeout 4", new RealMaster.Result(4, "partial\n", "")),
                new Case("stderr oops", new RealMaster.Result(0, "", "oops\n")))) {
            String cmd = command(c.command());
            RealMaster.Result ours = exec(null, cmd);
            RealMaster.Result ssh = fx.ssh(s(cm), cmd.split(" "));
            for (int retry = 0; retry < 2 && c.expected().rc() != 255 && (lost(ours) || lost(ssh)); retry++) {
                ours = lost(ours) ? exec(null, cmd) : ours;
                ssh = lost(ssh) ? fx.ssh(s(cm), cmd.split(" ")) : ssh;
            }
            assertEquals(ssh, ours, cmd);
            assertEquals(c.expected(), ours, cmd);
        }
        byte[] input = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        RealMaster.Result cat = exec(input, command("cat"));
        for (int retry = 0; retry < 2 && lost(cat); retry++) {
            cat = exec(input, command("cat"));
        }
        assertEquals(new RealMaster.Result(0, "line one\nline two\n", ""), cat);
        assertEquals(connectionsBefore, fx.server.connections(), "no new SSH connections: all went through the master");
        RealMaster.Result gone = exec(null, "-S", fx.dir.resolve("none").toString(), "true");
        assertEquals(255, gone.rc());
        assertEquals("Control socket connect(" + fx.dir.resolve("none") + "): No such file or directory\r\n",
                gone.err());
    }

    /**
     * MINA sometimes closes a session channel without its exit-status when the command ends after the client's EOF
     * (java-stack-notes pitfall 11; plain {@code ssh} through the master sees the same). Such a run ends with 255 and
     * no message; against such a server ({@link #mayLoseExitStatus}) the tests retry it, at most twice.
     */
    boolean lost(RealMaster.Result r) {
        return mayLoseExitStatus() && r.rc() == 255 && r.err().isEmpty();
    }

    /** Runs {@code ctlmux exec} as a separate JVM so it gets real stdin/stdout/stderr descriptors. */
    RealMaster.Result exec(byte[] stdin, String... words) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "exec"));
        cmd.addAll(fx.opts());
        if (words.length > 0 && words[0].equals("-S")) {
            cmd.addAll(List.of(words[0], words[1], fx.destination()));
            cmd.addAll(List.of(words).subList(2, words.length));
        } else {
            cmd.addAll(s(cm));
            cmd.add(fx.destination());
            for (String w : words) {
                cmd.addAll(List.of(w.split(" ")));
            }
        }
        return RealMaster.run(stdin, 60, cmd.toArray(String[]::new));
    }

    /**
     * {@code ctlmux exec -t} (ours) or {@code ssh -t} through the master on a fresh terminal, running the in-process
     * command {@code remote}, at the given LogLevel ("Shared connection ... closed." needs INFO or more).
     */
    PtyRun onTerminal(boolean ours, String remote, String logLevel) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (ours) {
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "exec"));
        } else {
            cmd.add("ssh");
        }
        for (String o : fx.opts()) {
            cmd.add(o.equals("LogLevel=ERROR") ? "LogLevel=" + logLevel : o);
        }
        cmd.addAll(s(cm));
        cmd.add("-t");
        cmd.add(fx.destination());
        cmd.add(command(remote));
        return new PtyRun(fx.dir, cmd);
    }

    /**
     * The terminal is resized while a tty session runs: the client relays SIGWINCH to the master, which reads the
     * new size from the terminal it was passed and sends a window-change to the server. ssh first, as the control.
     */
    @Test
    void aWindowChangeReachesTheServerThroughTheMaster() throws Exception {
        PtyRun.unavailable().ifPresent(reason -> abort(reason));
        for (boolean ours : List.of(false, true)) {
            String who = ours ? "ctlmux exec" : "ssh";
            try (PtyRun t = onTerminal(ours, "winch 20", "INFO")) {
                assertEquals("ready 24 80", t.await(l -> l.startsWith("ready"), 30), who + ": " + t.output());
                t.awaitRaw(20);
                // one dimension only: stty sets rows and cols with one ioctl each, each its own SIGWINCH
                t.stty("cols", "132");
                assertEquals("winch 24 132", t.await(l -> l.startsWith("winch") || l.equals("no winch"), 30),
                        who + ": " + t.output());
                PtyRun.Outcome o = t.finish(30);
                assertEquals(0, o.rc(), who + ": " + t.output());
                assertTrue(t.saw("Shared connection to 127.0.0.1 closed."), who + ": " + t.output());
                assertEquals(o.before(), o.after(), who + ": terminal modes restored");
            }
        }
    }

    /**
     * SIGHUP, SIGINT or SIGTERM during a tty session: the client drops the session, restores the terminal, says the
     * shared connection closed (at LogLevel INFO; the HUP case runs at ERROR, where nothing is said) and exits 255;
     * the master keeps running. ssh first, as the control.
     */
    @ParameterizedTest
    @ValueSource(strings = {"HUP", "INT", "TERM"})
    void aSignalEndsTheSessionButNotTheMaster(String signal) throws Exception {
        PtyRun.unavailable().ifPresent(reason -> abort(reason));
        long master = fx.pid(cm);
        String logLevel = signal.equals("HUP") ? "ERROR" : "INFO";
        assertTrue(master > 0, "master running");
        for (boolean ours : List.of(false, true)) {
            String who = ours ? "ctlmux exec" : "ssh";
            try (PtyRun t = onTerminal(ours, "winch 30", logLevel)) {
                assertTrue(t.await(l -> l.startsWith("ready"), 30).startsWith("ready "), who);
                t.awaitRaw(20);
                PtyRun.signal(t.process(ours ? "java" : "ssh"), signal);
                PtyRun.Outcome o = t.finish(30);
                assertEquals(255, o.rc(), who + ": " + t.output());
                assertEquals(logLevel.equals("INFO"), t.saw("Shared connection to 127.0.0.1 closed."),
                        who + ": " + t.output());
                assertEquals(o.before(), o.after(), who + ": terminal modes restored");
            }
            assertEquals(master, fx.pid(cm), who + ": the master is still running");
        }
        RealMaster.Result after = exec(null, command("echo x"));
        for (int retry = 0; retry < 2 && lost(after); retry++) {
            after = exec(null, command("echo x"));
        }
        assertEquals(new RealMaster.Result(0, "x\n", ""), after, "the master still runs sessions");
    }

    @Test
    void stopAndExitMatchSshAndTakeEffect() throws Exception {
        Path a = fx.startMaster("a");
        Path b = fx.startMaster("b");
        RealMaster.Result ours = ctlmux("stop", List.of(), s(a));
        assertEquals(new RealMaster.Result(0, "", "Stop listening request sent.\r\n"), ours);
        assertSame(sshO("stop", s(b)), ours);
        awaitGone(a);
        awaitGone(b);

        Path c = fx.startMaster("c");
        Path d = fx.startMaster("d");
        long pid = fx.pid(c);
        ours = ctlmux("exit", List.of(), s(c));
        assertEquals(new RealMaster.Result(0, "", "Exit request sent.\r\n"), ours);
        assertSame(sshO("exit", s(d)), ours);
        awaitGone(c);
        awaitGone(d);
        for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "master process exited");
        assertEquals(255, ctlmux("check", List.of(), s(c)).rc());
    }

    static void awaitGone(Path socket) throws InterruptedException {
        for (int i = 0; i < 50 && Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(socket), socket + " removed");
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void awaitClosed(int port) throws InterruptedException {
        for (int i = 0; i < 50 && listening(port); i++) {
            Thread.sleep(100);
        }
        assertFalse(listening(port), "listener on " + port + " closed");
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String banner(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5000);
            byte[] b = s.getInputStream().readNBytes(8);
            return new String(b, StandardCharsets.US_ASCII);
        }
    }
}
