package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctlmux config} writes stderr as {@code ssh -G} does: the pseudo-terminal notice when stdin is not a
 * terminal (as under the test runner), and with {@code -E FILE} every later message appended to FILE (mode 0600)
 * and nothing on stderr (OpenSSH's regress/percent.sh runs {@code -E} with {@code -o forwardagent=%}).
 */
class ConfigCommandTest {
    @TempDir
    Path dir;

    record Run(int rc, String out, String err) {
    }

    private Run config(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] argv = new String[args.length + 3];
        argv[0] = "config";
        argv[1] = "--openssh";
        argv[2] = "9.2-debian";
        System.arraycopy(args, 0, argv, 3, args.length);
        int rc = CommandLines.execute(argv, new PrintWriter(out), new PrintWriter(err));
        return new Run(rc, out.toString(), err.toString());
    }

    private Path configFile() throws Exception {
        Path cfg = dir.resolve("config");
        Files.writeString(cfg, "Host h\n  User u\n");
        return cfg;
    }

    @Test
    void logFileTakesTheMessagesAndStderrStaysEmpty() throws Exception {
        Path log = dir.resolve("ssh.log");
        Run r = config("-F", configFile().toString(), "-E", log.toString(), "-o", "forwardagent=%", "h");
        assertEquals(255, r.rc);
        assertEquals("", r.err);
        assertEquals("", r.out);
        assertEquals("Pseudo-terminal will not be allocated because stdin is not a terminal.\r\n"
                + "vdollar_percent_expand: invalid format\r\npercent_dollar_expand: failed\r\n",
                Files.readString(log, StandardCharsets.ISO_8859_1));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        config("-F", configFile().toString(), "-E", log.toString(), "h");
        assertTrue(Files.readString(log).endsWith("failed\r\nPseudo-terminal will not be allocated because stdin is "
                + "not a terminal.\r\n"), "appended");
    }

    @Test
    void unopenableLogFileExitsOne() throws Exception {
        Run r = config("-F", configFile().toString(), "-E", dir.resolve("no/such.log").toString(), "h");
        assertEquals(1, r.rc);
        assertEquals("", r.out);
        assertEquals("Couldn't open logfile " + dir.resolve("no/such.log") + ": No such file or directory\r\n", r.err);
    }

    @Test
    void pseudoTerminalNoticeOnlyWhereSshPrintsIt() throws Exception {
        String cfg = configFile().toString();
        Run plain = config("-F", cfg, "h");
        assertEquals(0, plain.rc);
        assertTrue(plain.out.startsWith("host h\nuser u\n"), plain.out);
        assertEquals("Pseudo-terminal will not be allocated because stdin is not a terminal.\r\n", plain.err);
        assertEquals("", config("-F", cfg, "h", "uptime").err, "a command wants no tty");
        assertEquals("", config("-F", cfg, "-T", "h").err);
        assertEquals("", config("-F", cfg, "-tt", "h").err);
        assertEquals("", config("-F", cfg, "-q", "h").err);
        assertEquals(plain.err, config("-F", cfg, "h", "").err, "an empty word is no command");
        assertFalse(config("-F", cfg, "-y", "h").err.contains("Pseudo-terminal"), "-y logs to syslog");
    }
}
