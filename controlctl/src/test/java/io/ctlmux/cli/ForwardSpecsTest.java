package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.mux.codec.Forward;
import io.ctlmux.mux.codec.ForwardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwardSpecsTest {
    @Test
    void typedForwardsBecomeTheMuxClientsRequestsInSshsOrder(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("config");
        Files.writeString(cfg, """
                LocalForward 8080 localhost:80
                LocalForward *:8082 h:82
                LocalForward :8083 h:83
                DynamicForward 1080
                LocalForward /tmp/a /tmp/b
                LocalForward 7000 /tmp/c
                DynamicForward 127.0.0.1:1081
                RemoteForward 0 localhost:22
                RemoteForward 9000
                RemoteForward /tmp/r.sock /tmp/l.sock
                """);
        ResolvedConfig r = SshConfig.resolveFull(List.of("-F", cfg.toString(), "h"), Dialect.DEBIAN_9_2,
                Evaluator.ExecPolicy.NEVER).result();
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
                new Forward(ForwardType.REMOTE, "/tmp/r.sock", s, "/tmp/l.sock", s)),
                ForwardSpecs.fromResolved(r.localForwards(), r.remoteForwards()));
    }
}
