package io.ctlmux.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctlmux conninfo}: like {@code ssh -O conninfo}. */
@Command(name = "conninfo", mixinStandardHelpOptions = true,
        description = "Print the master's connection information (ssh -O conninfo, OpenSSH 10.3+ masters).")
public final class ConninfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    MuxOptions mux;
    @Option(names = "--json", description = "Print {path, request, lines} on stdout: the master's text, one "
            + "string per line.")
    boolean json;
    @Parameters(paramLabel = "SSH_ARGS", description = "ssh options and the destination.")
    List<String> args;

    @Override
    public Integer call() {
        return InfoCommands.run("connection", args, mux.values(), json, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
