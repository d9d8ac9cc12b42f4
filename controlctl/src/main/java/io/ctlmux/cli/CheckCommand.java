package io.ctlmux.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ctlmux check}: like {@code ssh -O check} (same stderr line and exit status), but bounded by a deadline and
 * with a machine-readable {@code --json} form.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check that the master for a destination is running (ssh -O check).",
        footer = {"", "Exits 0 if the master answered, 255 otherwise (check --all: unless every master is alive).",
            "--json states: alive, missing, stale, unresponsive, foreign, not-a-socket, error."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    MuxOptions mux;
    @Option(names = "--json", description = "Print {path, state, pid, protocolVersion, extensions, elapsedMs} "
            + "on stdout instead of ssh's message.")
    boolean json;
    @Option(names = "--all", description = "Check every master `ctlmux ls` finds (SSH_ARGS: ssh options only), "
            + "concurrently; one line each. Exit 0 when all are alive.")
    boolean all;
    @Parameters(paramLabel = "SSH_ARGS", description = "ssh options and the destination, as for ssh -O check.")
    List<String> args;

    @Override
    public Integer call() {
        if (all) {
            return LifecycleActions.checkAll(ControlRunner.split(args), mux.values(), json,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return CheckAction.run(args, mux.values(), json, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
