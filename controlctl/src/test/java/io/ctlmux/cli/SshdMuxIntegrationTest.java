package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The mux integration scenarios against a private OpenSSH sshd on a loopback port ({@link SshdServer}): remote
 * commands are real shell commands run as the test's user. Skips when /usr/sbin/sshd is absent or cannot run here.
 */
class SshdMuxIntegrationTest extends MuxIntegrationScenarios {
    private SshdServer sshd;

    @Override
    TestServer startServer(Path dir, Path authorizedKeys) throws Exception {
        sshd = SshdServer.start(dir, authorizedKeys);
        return sshd;
    }

    /** Shell equivalents of the in-process commands a shell does not have; the rest are shell commands too. */
    @Override
    String command(String inProcess) {
        String[] w = inProcess.split(" ", 2);
        return switch (w[0]) {
            case "closeout" -> "echo partial; exec >&-; exit " + w[1];
            case "stderr" -> "echo " + w[1] + " >&2";
            // the trap is set before "ready" is written: a resize right after "ready" must not find SIGWINCH ignored
            case "winch" -> "trap 'echo winch $(stty size); exit 0' WINCH; "
                    + "echo ready $(stty size 2>/dev/null || echo '? ?'); i=0; "
                    + "while [ $i -lt " + Integer.parseInt(w[1]) * 10 + " ]; do sleep 0.1; i=$((i+1)); done; "
                    + "echo no winch; exit 1";
            default -> inProcess;
        };
    }

    @Override
    void masterDidNotStart(IOException e) {
        String log;
        try {
            log = sshd.log().strip().replace('\n', ' ');
        } catch (IOException io) {
            log = io.getMessage();
        }
        abort("ssh cannot log in to the private sshd (" + e.getMessage().strip() + "); sshd log: " + log);
    }

    @Test
    void commandsRunAsTheTestUser() throws Exception {
        RealMaster.Result ours = exec(null, "id -un");
        assertEquals(new RealMaster.Result(0, System.getProperty("user.name") + "\n", ""), ours);
        assertEquals(fx.ssh(s(cm), "id", "-un"), ours);
    }

    /** The remote command exits after one byte while there is still input for it. */
    @Test
    void aCommandThatStopsReadingStdinEndsTheSession() throws Exception {
        byte[] input = new byte[1 << 20];
        Arrays.fill(input, (byte) 'x');
        RealMaster.Result ours = exec(input, "head -c1");
        assertEquals(new RealMaster.Result(0, "x", ""), ours);
        assertEquals(fx.ssh(input, s(cm), "head", "-c1"), ours);
        assertEquals(new RealMaster.Result(3, "x", ""), exec(input, "head -c1; exit 3"));
    }
}
