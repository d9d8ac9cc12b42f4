package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ctlmux check} in a fresh JVM loads neither picocli nor junixsocket, MINA or ANTLR. */
class FastPathTest {
    @Test
    void checkLoadsNoHeavyLibraries() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        RealMaster.Result r = RealMaster.run(null, 60, java, "-verbose:class", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "check", "-F", "/dev/null", "-S",
                "/tmp/ctlmux-no-such-socket", "example.org");
        assertEquals(255, r.rc());
        assertTrue(r.err().contains("Control socket connect(/tmp/ctlmux-no-such-socket): No such file or directory"),
                r.err());
        for (String pkg : List.of("picocli.", "org.newsclub.", "org.apache.sshd.", "org.antlr.")) {
            assertFalse(r.out().contains(" " + pkg), pkg + " classes were loaded");
        }
        assertTrue(r.out().contains(" io.ctlmux.cli.CheckAction"), "the check really ran in this JVM");
    }

    @Test
    void checkAllLoadsNoPicocli() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        RealMaster.Result r = RealMaster.run(null, 60, java, "-verbose:class", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "check", "--all", "--json", "-F",
                "/dev/null");
        assertTrue(r.rc() == 0 || r.rc() == 255, "exit code " + r.rc() + "\n" + r.err());
        assertFalse(r.out().contains(" picocli."), "picocli classes were loaded");
        assertTrue(r.out().contains(" io.ctlmux.cli.LifecycleActions"), "check --all really ran in this JVM");
    }
}
