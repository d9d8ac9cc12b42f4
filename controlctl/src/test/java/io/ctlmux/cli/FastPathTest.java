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

    @Test
    void checkSplitsSshWordsOnceWithItsOwnOptionsAmongThem() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        // "--json" here is the argument of -b (clustered after -q), not check's option: no JSON, and -q keeps
        // ssh's message off stderr
        RealMaster.Result quiet = RealMaster.run(null, 60, java, "-cp", cp, Main.class.getName(), "check", "-qb",
                "--json", "-F", "/dev/null", "-S", "/tmp/ctlmux-no-such-socket", "example.org");
        assertEquals(255, quiet.rc());
        assertEquals("", quiet.out());
        assertEquals("", quiet.err());
        // after the destination ssh's getopt runs again, and check's own options are recognised there too
        RealMaster.Result json = RealMaster.run(null, 60, java, "-cp", cp, Main.class.getName(), "check", "-F",
                "/dev/null", "-S", "/tmp/ctlmux-no-such-socket", "example.org", "--json");
        assertEquals(255, json.rc());
        assertTrue(json.out().startsWith("{\"path\":\"/tmp/ctlmux-no-such-socket\",\"state\":\"missing\""),
                json.out());
    }
}
