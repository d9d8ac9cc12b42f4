package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.mux.client.MuxClientOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target {@code check} and the other mux commands talk to: the ControlPath, the time limit and the log level,
 * checked against what the installed {@code ssh -G} prints for the same arguments, with and without rendering.
 */
class ControlTargetTest {
    private static final MuxOptions.Values NO_FLAGS = new MuxOptions.Values(null, false, false);

    @Test
    void targetIsWhatSshResolves(@TempDir Path dir) throws Exception {
        assumeTrue(RealMaster.sshAvailable(), "needs the installed ssh");
        Path cfg = dir.resolve("config");
        Files.writeString(cfg, "Host quiet\n  LogLevel QUIET\n  ConnectTimeout 3\nHost silent\n  ConnectTimeout 0\n"
                + "Host err\n  LogLevel ERROR\n  ControlPath none\nHost *\n  HostName 127.0.0.1\n"
                + "  ControlPath " + dir + "/cm-%C-%r@%h:%p\n");
        for (List<String> args : List.of(List.of("quiet"), List.of("silent"), List.of("-q", "other"),
                List.of("-o", "ConnectTimeout=7", "-l", "bob", "-p", "2222", "other"), List.of("-S", "/x/y", "quiet"),
                List.of("-S", "/x/y", "err"))) {
            List<String> a = new ArrayList<>(List.of("-F", cfg.toString()));
            a.addAll(args);
            Map<String, String> g = sshG(a);
            for (boolean all : new boolean[] {true, false}) {
                ControlTarget t = ControlTarget.resolve(ControlRunner.split(a), NO_FLAGS, sink(), all);
                String what = args + (all ? " rendered" : " for check");
                assertEquals(Path.of(g.get("controlpath")), t.controlPath, what);
                int ct = g.get("connecttimeout").equals("none") ? 0 : Integer.parseInt(g.get("connecttimeout"));
                assertEquals(ct > 0 ? Duration.ofSeconds(ct) : MuxClientOptions.DEFAULT_TIMEOUT, t.timeout, what);
                assertEquals(g.get("loglevel").equals("QUIET") || g.get("loglevel").equals("SILENT"),
                        t.stderr.quiet(), what);
                assertEquals(g.get("hostname"), t.config.host(), what);
                if (all) {
                    assertNotNull(t.resolved, what);
                } else {
                    assertNull(t.resolved, what);
                }
            }
        }
    }

    @Test
    void noControlPathIsSshsError() {
        for (boolean all : new boolean[] {true, false}) {
            for (List<String> args : List.of(List.of("-F", "/dev/null", "host"),
                    List.of("-F", "/dev/null", "-o", "ControlPath=none", "host"))) {
                ControlTarget.Failure f = assertThrows(ControlTarget.Failure.class, () -> ControlTarget.resolve(
                        ControlRunner.split(args), NO_FLAGS, sink(), all));
                assertEquals(List.of("No ControlPath specified for \"-O\" command"), f.lines);
                assertEquals(255, f.exitCode);
            }
        }
    }

    private static Map<String, String> sshG(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(RealMaster.SSH, "-G"));
        cmd.addAll(args);
        RealMaster.Result r = RealMaster.run(null, 30, cmd.toArray(String[]::new));
        assertEquals(0, r.rc(), r.err());
        Map<String, String> out = new HashMap<>();
        for (String line : r.out().split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0) {
                out.putIfAbsent(line.substring(0, sp), line.substring(sp + 1));
            }
        }
        return out;
    }

    private static PrintWriter sink() {
        return new PrintWriter(new StringWriter());
    }
}
