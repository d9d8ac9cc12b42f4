package io.ctlmux.masters;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.resolved.ResolvedOptions;
import java.nio.file.Path;

/**
 * A destination resolved as ssh would resolve it, with what the lifecycle commands need.
 *
 * @param controlPath the expanded ControlPath, or null when it is unset or {@code none}
 * @param persist     the resolved ControlPersist ({@code no}, {@code yes} or seconds)
 */
public record MasterTarget(String destination, Path controlPath, String persist, String user, String hostname,
                           String port, SshConfig.Resolution resolution) {

    /** Resolves an ssh command line with a destination. */
    public static MasterTarget resolve(ConfigResolver resolver, SshCommandLine args) throws LifecycleException {
        String destination = args.destination();
        SshConfig.Resolution r;
        try {
            r = resolver.resolve(args);
        } catch (SshConfigException e) {
            throw new LifecycleException(e.stderrLines(), e.exitCode());
        }
        ResolvedOptions o = r.options();
        Path cp = o.first("controlpath").filter(v -> !v.isEmpty() && !v.equalsIgnoreCase("none"))
                .map(Posix::path).map(Path::toAbsolutePath).orElse(null);
        return new MasterTarget(destination, cp, o.first("controlpersist").orElse("no"),
                o.first("user").orElse(""), o.first("hostname").orElse(destination), o.first("port").orElse("22"), r);
    }

    /** {@code user@host:port}. */
    public String endpoint() {
        return user + "@" + hostname + ":" + port;
    }
}
