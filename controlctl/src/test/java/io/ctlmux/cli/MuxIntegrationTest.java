package io.ctlmux.cli;

import java.io.IOException;
import java.nio.file.Path;

/** The mux integration scenarios against the embedded MINA server (in-process commands, any user name). */
class MuxIntegrationTest extends MuxIntegrationScenarios {
    @Override
    TestServer startServer(Path dir, Path authorizedKeys) throws IOException {
        return TestServer.embedded(authorizedKeys);
    }

    @Override
    String command(String inProcess) {
        return inProcess;
    }

    @Override
    boolean mayLoseExitStatus() {
        return true;
    }
}
