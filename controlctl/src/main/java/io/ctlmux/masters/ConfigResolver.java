package io.ctlmux.masters;

import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import java.util.List;

/** Resolves ssh arguments (options, then the destination) the way {@code ssh -G} would. */
@FunctionalInterface
public interface ConfigResolver {
    SshConfig.Resolution resolve(List<String> sshArgs) throws SshConfigException;

    /** The real resolver for a dialect and Match exec policy. */
    static ConfigResolver of(Dialect dialect, Evaluator.ExecPolicy exec) {
        return args -> SshConfig.resolveFull(args, dialect, exec);
    }
}
