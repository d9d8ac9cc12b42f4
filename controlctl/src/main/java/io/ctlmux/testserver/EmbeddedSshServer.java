package io.ctlmux.testserver;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * An Apache MINA SSHD server on 127.0.0.1 for tests and demos: public-key login with the given authorized keys
 * (any user name), an in-memory host key, TCP forwarding allowed, TCP_NODELAY on, and an in-process command set
 * (see {@link InProcessCommand}) instead of OS processes. Never use it as a real server.
 */
public final class EmbeddedSshServer implements Closeable {
    private final SshServer sshd;
    private final AtomicInteger sessions = new AtomicInteger();

    private EmbeddedSshServer(SshServer sshd) {
        this.sshd = sshd;
    }

    /** Starts a server on an ephemeral loopback port that accepts the keys in {@code authorizedKeys}. */
    public static EmbeddedSshServer start(Path authorizedKeys) throws IOException {
        List<PublicKey> keys = new ArrayList<>();
        try {
            for (AuthorizedKeyEntry e : AuthorizedKeyEntry.readAuthorizedKeys(authorizedKeys)) {
                keys.add(e.resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read authorized keys " + authorizedKeys + ": " + e.getMessage(), e);
        }
        SshServer sshd = SshServer.setUpDefaultServer();
        EmbeddedSshServer server = new EmbeddedSshServer(sshd);
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        sshd.setPublickeyAuthenticator(new KeySetPublickeyAuthenticator("authorized", keys));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        sshd.setCommandFactory((channel, command) -> new InProcessCommand(command));
        sshd.setChannelFactories(ExitStatusFirstChannelSession.install(sshd.getChannelFactories()));
        sshd.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
            @Override
            public void sessionCreated(org.apache.sshd.common.session.Session session) {
                server.sessions.incrementAndGet();
            }
        });
        sshd.start();
        return server;
    }

    public int port() {
        return sshd.getPort();
    }

    /** How many SSH connections the server has accepted (multiplexed sessions do not add to it). */
    public int connections() {
        return sessions.get();
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
