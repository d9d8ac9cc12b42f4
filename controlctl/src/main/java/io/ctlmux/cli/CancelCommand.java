package io.ctlmux.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctlmux cancel}: like {@code ssh -O cancel}; a refused cancel is reported but, as in ssh, exits 0. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Remove forwardings from a running master (ssh -O cancel -L/-R/-D ...).")
public final class CancelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    MuxOptions mux;
    @Option(names = "--json", description = "Print {path, request, forwards: [{type, listen, connect, result, "
            + "allocatedPort, error}]} on stdout (as forward --json).")
    boolean json;
    @Parameters(paramLabel = "SSH_ARGS",
            description = "ssh options (-L, -R, -D with ssh's syntax) and the destination.")
    List<String> args;

    @Override
    public Integer call() {
        return new ControlRunner("mux_client_forward", false, false)
                .run(args, mux.values(), spec.commandLine().getErr(), (t, c) -> {
                    if (!ForwardCommand.requestAll(t, c, true, json, spec.commandLine().getOut())) {
                        t.stderr.log("muxclient: master cancel forward request failed");
                    }
                    return ExitCodes.OK;
                });
    }
}
