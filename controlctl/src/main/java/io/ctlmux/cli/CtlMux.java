package io.ctlmux.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: it only prints usage; every action is one subcommand class. */
@Command(name = "ctlmux",
        mixinStandardHelpOptions = true,
        version = "ctlmux 0.1.0",
        description = "OpenSSH connection sharing: resolve ssh_config exactly, control masters, lint configs.",
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            ConfigCommand.class,
            ExplainCommand.class,
            PathCommand.class,
            CheckCommand.class,
            StopCommand.class,
            ExitCommand.class,
            ForwardCommand.class,
            CancelCommand.class,
            ExecCommand.class,
            ConninfoCommand.class,
            ChannelsCommand.class,
            LintCommand.class,
            StartCommand.class,
            LsCommand.class,
            PruneCommand.class,
            DemoCommand.class,
        })
public final class CtlMux implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
