package io.ctlmux.masters;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.keyword.ControlPersist;
import io.ctlmux.config.resolved.BytePath;
import io.ctlmux.config.resolved.ResolvedConfig;
import java.nio.file.Path;

/**
 * A destination resolved as ssh would resolve it, with what the lifecycle commands need, read from the typed
 * result.
 *
 * @param controlPath the expanded ControlPath (absolute), or null when it is unset or {@code none}
 * @param persist     the resolved ControlPersist
 */
public record MasterTarget(String destination, Path controlPath, ControlPersist persist, String user, String hostname,
                           int port, SshConfig.Resolution resolution) {

    /** Resolves an ssh command line with a destination. */
    public static MasterTarget resolve(ConfigResolver resolver, SshCommandLine args) throws LifecycleException {
        String destination = args.destination();
        SshConfig.Resolution r;
        try {
            r = resolver.resolve(args);
        } catch (SshConfigException e) {
            throw new LifecycleException(e.stderrLines(), e.exitCode());
        }
        ResolvedConfig c = r.result();
        Path cp = c.controlPath().map(BytePath::bytes).map(Posix::path).map(Path::toAbsolutePath).orElse(null);
        return new MasterTarget(destination, cp, c.controlPersist(), c.user(), c.host(), c.port(), r);
    }

    /** {@code user@host:port}. */
    public String endpoint() {
        return user + "@" + hostname + ":" + port;
    }
}
