package io.ctlmux.cli;

import io.ctlmux.testserver.EmbeddedSshServer;
import java.io.IOException;
import java.nio.file.Path;

/** An SSH server on 127.0.0.1 that the integration tests put real OpenSSH masters in front of. */
interface TestServer extends AutoCloseable {
    /** Starts a server in {@code dir} that accepts the keys in {@code authorizedKeys}. */
    interface Starter {
        TestServer start(Path dir, Path authorizedKeys) throws Exception;
    }

    int port();

    /** The user name to log in as. */
    String user();

    /** How many SSH connections the server has authenticated or accepted so far (multiplexed sessions add none). */
    int connections() throws IOException;

    @Override
    void close() throws IOException;

    /** The embedded MINA server (any user name; in-process commands). */
    static TestServer embedded(Path authorizedKeys) throws IOException {
        EmbeddedSshServer server = EmbeddedSshServer.start(authorizedKeys);
        return new TestServer() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public String user() {
                return "u";
            }

            @Override
            public int connections() {
                return server.connections();
            }

            @Override
            public void close() throws IOException {
                server.close();
            }
        };
    }
}
