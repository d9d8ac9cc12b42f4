package io.ctlmux.cli;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.masters.ConfigResolver;

/** Argument helpers shared by the lifecycle subcommands (start, ls, prune, demo, check/exit --all). */
final class LifecycleArgs {
    private LifecycleArgs() {
    }

    /**
     * ssh options without a destination ({@code ls}, {@code prune}, {@code --all}).
     *
     * @throws IllegalArgumentException on an option error or a word that is not an option
     */
    static SshCommandLine optionsOnly(SshCommandLine args, String command) {
        if (args.error() != null) {
            throw new IllegalArgumentException(args.error().message());
        }
        if (args.destination() != null) {
            throw new IllegalArgumentException(command + " takes ssh options (e.g. -F FILE), not '"
                    + args.destination() + "'; it looks at every Host in the config");
        }
        return args;
    }

    static ConfigResolver resolver(ResolveOptions r) {
        if (r == null) {
            return ConfigResolver.of(SshConfig.defaultDialect(), Evaluator.ExecPolicy.RUN);
        }
        return ConfigResolver.of(r.dialect(), r.noExec ? Evaluator.ExecPolicy.NEVER : Evaluator.ExecPolicy.RUN);
    }
}
