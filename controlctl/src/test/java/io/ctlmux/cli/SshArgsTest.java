package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ctlmux.mux.codec.Forward;
import io.ctlmux.mux.codec.ForwardType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshArgsTest {
    @Test
    void optionsKeepTheirValuesAttachedOrSeparate() {
        SshArgs a = SshArgs.parse(List.of("-F", "cfg", "-oControlPath=/x", "-p22", "-qt", "-l", "u", "host"), false);
        assertEquals(List.of("-F", "cfg", "-o", "ControlPath=/x", "-p", "22", "-q", "-t", "-l", "u"), a.options());
        assertEquals("host", a.destination());
        assertEquals(List.of("-F", "cfg", "-o", "ControlPath=/x", "-p", "22", "-q", "-t", "-l", "u", "host"),
                a.resolverArgs());
    }

    @Test
    void everyValueOptionTakesTheNextWordEvenIfItLooksLikeAnOption() {
        for (char c : SshArgs.WITH_VALUE.replace("O", "").toCharArray()) {
            SshArgs a = SshArgs.parse(List.of("-" + c, "-v", "h"), false);
            assertEquals(List.of("-" + c, "-v"), a.options(), "option -" + c);
            assertEquals("h", a.destination());
        }
    }

    @Test
    void optionsMayFollowTheDestinationThenTheCommandStarts() {
        SshArgs a = SshArgs.parse(List.of("h", "-p", "2222", "ls", "-l", "-h"), true);
        assertEquals(List.of("-p", "2222"), a.options());
        assertEquals(List.of("ls", "-l", "-h"), a.command());
        assertThrows(IllegalArgumentException.class, () -> SshArgs.parse(List.of("h", "extra"), false));
    }

    @Test
    void clearErrors() {
        assertEquals("missing destination ([user@]host)",
                assertThrows(IllegalArgumentException.class, () -> SshArgs.parse(List.of("-v"), false)).getMessage());
        assertEquals("option requires an argument -- p",
                assertThrows(IllegalArgumentException.class, () -> SshArgs.parse(List.of("h", "-p"), false))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> SshArgs.parse(List.of("-O", "exit", "h"), false));
        assertThrows(IllegalArgumentException.class, () -> SshArgs.parse(List.of("-Z", "h"), false));
    }

    @Test
    void forwardsFromSshGOutputFollowTheMuxClientRules() {
        List<Forward> f = ForwardSpecs.fromResolved(
                List.of("8080 [localhost]:80", "[*]:8082 [h]:82", "[]:8083 [h]:83", "/tmp/a /tmp/b", "7000 /tmp/c"),
                List.of("0 [localhost]:22", "9000 [socks]:0", "/tmp/r.sock /tmp/l.sock"),
                List.of("1080", "[127.0.0.1]:1081", "/tmp/a", "7000"));
        int s = Forward.PORT_STREAMLOCAL;
        assertEquals(List.of(
                new Forward(ForwardType.LOCAL, "", 8080, "localhost", 80),
                new Forward(ForwardType.LOCAL, "*", 8082, "h", 82),
                new Forward(ForwardType.LOCAL, "*", 8083, "h", 83),
                new Forward(ForwardType.LOCAL, "/tmp/a", s, "/tmp/b", s),
                new Forward(ForwardType.LOCAL, "", 7000, "/tmp/c", s),
                new Forward(ForwardType.DYNAMIC, "", 1080, "socks", 0),
                new Forward(ForwardType.DYNAMIC, "127.0.0.1", 1081, "socks", 0),
                new Forward(ForwardType.REMOTE, "", 0, "localhost", 22),
                new Forward(ForwardType.REMOTE, "", 9000, "socks", 0),
                new Forward(ForwardType.REMOTE, "/tmp/r.sock", s, "/tmp/l.sock", s)), f);
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
