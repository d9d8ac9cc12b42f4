package io.ctlmux.testserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionFactory;

/**
 * A session channel that sends {@code exit-status} before its EOF. MINA's own order (close stdout, EOF,
 * exit-status, close) loses the status when the client's EOF has already arrived: sending our EOF then starts the
 * close, and the status is dropped. OpenSSH then exits 255 without a message; through a master this happened to
 * about one command in ten with stdin on /dev/null, and to one in two with {@code ssh -n}.
 */
final class ExitStatusFirstChannelSession extends ChannelSession {
    @Override
    protected void closeShell(int exitValue, boolean closeImmediately) throws IOException {
        if (!isClosing()) {
            sendExitStatus(exitValue); // idempotent: MINA's later call is a no-op
        }
        super.closeShell(exitValue, closeImmediately);
    }

    /** {@code factories} with MINA's session channel factory replaced by one making this class. */
    static List<ChannelFactory> install(List<? extends ChannelFactory> factories) {
        List<ChannelFactory> out = new ArrayList<>();
        for (ChannelFactory f : factories) {
            out.add(f instanceof ChannelSessionFactory ? new ChannelSessionFactory() {
                @Override
                public org.apache.sshd.common.channel.Channel createChannel(Session session) {
                    return new ExitStatusFirstChannelSession();
                }
            } : f);
        }
        return out;
    }
}
