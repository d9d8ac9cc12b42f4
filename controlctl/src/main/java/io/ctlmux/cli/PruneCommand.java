package io.ctlmux.cli;

import io.ctlmux.masters.Inventory;
import io.ctlmux.masters.Pruner;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctlmux prune}: removes provably dead sockets, and says what it kept and why. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Remove dead control sockets (those ls finds): only real sockets (never symbolic links or "
                + "files) that you own and that refuse connections, including OpenSSH's leftover temporary sockets "
                + "PATH.XXXXXXXXXXXXXXXX. A socket that does not answer in time may be a busy live master and is "
                + "kept."},
        footer = {"", "Exits 0 also when something was kept."})
public final class PruneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ResolveOptions resolve;
    @Option(names = "--dry-run", description = "Only say what would be removed.")
    boolean dryRun;
    @Option(names = "--unresponsive", description = "Also ask unresponsive masters of yours to exit (e.g. after "
            + "resume from sleep): by mux request, else SIGTERM to the master process; then remove the socket.")
    boolean unresponsive;
    @Option(names = "--timeout", paramLabel = "TIME", description = "Limit per probe step (default 2s).")
    String timeout = "2s";
    @Option(names = "--json", description = "Print a JSON array of {path, action, why}; action removed, "
            + "would-remove, kept, exited (asked to exit) or would-exit.")
    boolean json;
    @Parameters(paramLabel = "SSH_OPTIONS", description = "ssh options such as -F FILE (no destination).")
    List<String> args;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inventory.Listing l;
        try {
            l = LsCommand.discover(ControlRunner.split(args), resolve, timeout, "prune", err);
        } catch (ExitStatus e) {
            return e.code;
        }
        List<Pruner.Decision> ds = Pruner.prune(l, dryRun, unresponsive, ControlTarget.parseDuration(timeout));
        if (json) {
            StringBuilder sb = new StringBuilder("[");
            for (Pruner.Decision d : ds) {
                String action = d.action().name().toLowerCase(Locale.ROOT).replace('_', '-');
                sb.append(sb.length() == 1 ? "\n  " : ",\n  ").append("{\"path\":")
                        .append(Json.path(d.path())).append(",\"action\":").append(Json.str(action)).append(",\"why\":")
                        .append(Json.str(d.why())).append('}');
            }
            Json.print(out, sb.append(ds.isEmpty() ? "]" : "\n]").toString());
            return ExitCodes.OK;
        }
        if (ds.isEmpty()) {
            out.println("no sockets found");
        }
        for (Pruner.Decision d : ds) {
            out.println(d.action().label() + " " + io.ctlmux.config.text.ByteText.ofPath(d.path()) + ": " + d.why());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
