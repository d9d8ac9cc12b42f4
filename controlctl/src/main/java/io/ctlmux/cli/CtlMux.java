package io.ctlmux.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command: it only prints usage; every action is one subcommand class. The subcommands are registered by
 * {@link CommandLines}, which builds only the one invoked when it can (picocli reflects over every class it is given).
 */
@Command(name = "ctlmux",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.Provider.class,
        description = "OpenSSH connection sharing: resolve ssh_config exactly, control masters, lint configs.")
public final class CtlMux implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
