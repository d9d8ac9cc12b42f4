package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ctlmux.config.args.SshCommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the mux subcommands take ssh's words: split once by the one parser, then what a subcommand accepts. */
class SshArgsTest {
    private static SshCommandLine accepted(boolean allowCommand, String... words) {
        return ControlRunner.accepted(ControlRunner.split(List.of(words)), allowCommand);
    }

    @Test
    void optionsKeepTheirValuesAttachedOrSeparate() {
        SshCommandLine a = accepted(false, "-F", "cfg", "-oControlPath=/x", "-p22", "-qt", "-l", "u", "host");
        assertEquals(List.of("-F", "cfg", "-o", "ControlPath=/x", "-p", "22", "-q", "-t", "-l", "u", "host"),
                a.words());
        assertEquals("host", a.destination());
    }

    @Test
    void optionsMayFollowTheDestinationThenTheCommandStarts() {
        SshCommandLine a = accepted(true, "h", "-p", "2222", "ls", "-l", "-h");
        assertEquals(List.of(new SshCommandLine.Option('p', "2222")), a.options());
        assertEquals(0, a.optionsBeforeDestination());
        assertEquals(List.of("ls", "-l", "-h"), a.command());
        assertEquals("unexpected argument: extra", assertThrows(IllegalArgumentException.class,
                () -> accepted(false, "h", "extra")).getMessage());
        // like ssh, a lone empty word is no command
        assertEquals(List.of(""), accepted(false, "h", "").command());
    }

    @Test
    void clearErrors() {
        assertEquals("missing destination ([user@]host)",
                assertThrows(IllegalArgumentException.class, () -> accepted(false, "-v")).getMessage());
        assertEquals("option requires an argument -- p",
                assertThrows(IllegalArgumentException.class, () -> accepted(false, "h", "-p")).getMessage());
        assertEquals("option -O is not allowed here; the subcommand says what to do",
                assertThrows(IllegalArgumentException.class, () -> accepted(false, "-O", "exit", "h")).getMessage());
        assertEquals("unknown option -- - (ctlmux options are words of their own, such as --json)",
                assertThrows(IllegalArgumentException.class, () -> accepted(false, "-v--json", "h")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> accepted(false, "-:", "h"));
    }

    @Test
    void picocliPassesSshOptionsThroughWithTheirValues() {
        // -S points at a path that does not exist; the message shows the -S value reached the resolver intact,
        // and -p/-o/-l values were not mistaken for the destination
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = CommandLines.create();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute("check", "--timeout", "1", "-F", "/dev/null", "-p", "2222", "-o", "ConnectTimeout=2",
                "-l", "someone", "-S", "/tmp/ctlmux-no-such-socket", "-J", "jump", "example.org");
        assertEquals(255, rc);
        assertEquals("Control socket connect(/tmp/ctlmux-no-such-socket): No such file or directory\r\n",
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void durations() {
        assertEquals(java.time.Duration.ofMillis(500), ControlTarget.parseDuration("500ms"));
        assertEquals(java.time.Duration.ofSeconds(3), ControlTarget.parseDuration("3"));
        assertEquals(java.time.Duration.ofMinutes(1), ControlTarget.parseDuration("1m"));
        assertEquals(null, ControlTarget.parseDuration("none"));
        assertEquals(null, ControlTarget.parseDuration("0"));
    }
}
