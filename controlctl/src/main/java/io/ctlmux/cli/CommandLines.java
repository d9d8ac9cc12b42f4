package io.ctlmux.cli;

import java.util.List;
import picocli.CommandLine;

/** Builds the picocli command line with the parser settings the mux subcommands need. */
public final class CommandLines {
    private CommandLines() {
    }

    /** The configured picocli command line (tests use it with their own writers). */
    public static CommandLine create() {
        CommandLine cl = new CommandLine(new CtlMux());
        for (String name : List.of("check", "stop", "exit", "forward", "cancel", "exec", "conninfo", "channels", "config",
                "explain", "path", "start", "ls", "prune")) {
            CommandLine sub = cl.getSubcommands().get(name);
            if (sub != null) {
                // ssh's own options (-F cfg, -o K=V, -p 22, ...) pass through, in order, to SshArgs
                sub.setUnmatchedOptionsArePositionalParams(true);
            }
        }
        CommandLine exec = cl.getSubcommands().get("exec");
        if (exec != null) {
            ExecCommand.configure(exec);
        }
        return cl;
    }
}
