package io.ctlmux.masters;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import java.util.List;

/** Resolves an ssh command line (options and a destination) the way {@code ssh -G} would. */
public interface ConfigResolver {
    SshConfig.Resolution resolve(SshCommandLine args) throws SshConfigException;

    /** The dialect whose option letters split the command lines this resolver is given. */
    Dialect dialect();

    /** Splits ssh's words with this resolver's dialect. */
    default SshCommandLine split(List<String> words) {
        return SshCommandLine.parse(words, dialect());
    }

    /** The real resolver for a dialect and Match exec policy. */
    static ConfigResolver of(Dialect dialect, Evaluator.ExecPolicy exec) {
        return new ConfigResolver() {
            @Override
            public SshConfig.Resolution resolve(SshCommandLine args) throws SshConfigException {
                return SshConfig.resolveFull(args, dialect, exec);
            }

            @Override
            public Dialect dialect() {
                return dialect;
            }
        };
    }
}
