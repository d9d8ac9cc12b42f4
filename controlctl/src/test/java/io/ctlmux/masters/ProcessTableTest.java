package io.ctlmux.masters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ctlmux.config.keyword.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which ssh command lines (as /proc/PID/cmdline gives them) are masters, and of which control path: split by the
 * one ssh parser and resolved by the resolver, so ControlMaster and ControlPath are what ssh itself would use.
 */
class ProcessTableTest {
    private static final Dialect D = Dialect.DEBIAN_9_2;

    private static Path master(Path cwd, String... argv) {
        return ProcessTable.masterPath(List.of(argv), cwd, D);
    }

    @Test
    void optionsAnywhereOnTheCommandLine() {
        assertEquals(Path.of("/tmp/ctlmux-pt/s"), master(null, "ssh", "-F", "none", "-MS/tmp/ctlmux-pt/s", "h"));
        // -M after the destination: ssh's getopt restarts there
        assertEquals(Path.of("/tmp/ctlmux-pt/s"), master(null, "/usr/bin/ssh", "-F", "none", "-S",
                "/tmp/ctlmux-pt/s", "h", "-M"));
        assertEquals(Path.of("/tmp/ctlmux-pt/%h"), master(null, "ssh", "-o", "ControlMaster=yes", "-o",
                "ControlPath=/tmp/ctlmux-pt/%%h", "-F", "none", "-f", "-N", "h"));
        assertEquals(Path.of("/tmp/ctlmux-pt/s"), master(null, "ssh", "-F", "none", "-MM", "-S", "/tmp/ctlmux-pt/s",
                "h"), "ControlMaster ask is a master too");
    }

    @Test
    void tokensAreExpandedAsSshExpandsThem() {
        assertEquals(Path.of("/tmp/ctlmux-pt/cm-u@h.example:2222"), master(null, "ssh", "-F", "none", "-M", "-o",
                "ControlPath=/tmp/ctlmux-pt/cm-%r@%h:%p", "-p", "2222", "u@H.example"));
    }

    @Test
    void controlMasterAndPathMayComeFromTheConfig(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cfg"), "Host h\n  ControlMaster yes\n  ControlPath /tmp/ctlmux-pt/cm-%n\n"
                + "Host auto\n  ControlMaster auto\n  ControlPath /tmp/ctlmux-pt/cm-%n\n");
        // a relative -F is the master's, from its working directory
        assertEquals(Path.of("/tmp/ctlmux-pt/cm-h"), master(dir, "ssh", "-F", "cfg", "-N", "h"));
        assertEquals(Path.of("/tmp/ctlmux-pt/cm-h"), master(null, "ssh", "-F", dir + "/cfg", "-N", "h"));
        assertNull(master(dir, "ssh", "-F", "cfg", "-N", "auto"), "auto may be a client");
        assertNull(master(dir, "ssh", "-F", "cfg", "-o", "ControlMaster=no", "h"), "-o is first-wins");
    }

    @Test
    void notMasters() {
        assertNull(master(null, "ssh", "-F", "none", "-S", "/tmp/ctlmux-pt/s", "h"));
        assertNull(master(null, "ssh", "-F", "none", "-M", "-O", "check", "-S", "/tmp/ctlmux-pt/s", "h"));
        assertNull(master(null, "ssh", "-F", "none", "-M", "-S", "/tmp/ctlmux-pt/s", "h", "-Z"));
        assertNull(master(null, "ssh", "-F", "none", "-M", "-S", "/tmp/ctlmux-pt/s"));
        assertNull(master(null, "ssh", "-F", "none", "-M", "-S", "relative/s", "h"));
        assertNull(master(null, "ssh", "-F", "/nonexistent/ctlmux-pt", "-M", "-S", "/tmp/ctlmux-pt/s", "h"));
        assertNull(master(null, "sshd", "-M", "-S", "/tmp/ctlmux-pt/s", "h"));
    }

    @Test
    void daemonisedMastersByTheirTitle() {
        assertEquals(Path.of("/tmp/ctlmux-pt/s"), master(null, "ssh: /tmp/ctlmux-pt/s [mux]"));
        assertNull(master(null, "ssh: /tmp/ctlmux-pt/s [listener]"));
    }
}
