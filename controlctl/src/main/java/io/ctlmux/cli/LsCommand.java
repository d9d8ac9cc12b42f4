package io.ctlmux.cli;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.masters.Inventory;
import io.ctlmux.masters.LifecycleException;
import io.ctlmux.masters.Listings;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctlmux ls}: every master the config can reach, with its state. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = {"List masters: the ControlPath of every concrete Host alias in the config (and its "
                + "Includes), the other sockets in those directories, and ssh master processes. %%C names are "
                + "mapped back to aliases. Each socket is probed once, concurrently, within --timeout.",
            "States: alive, stale (connection refused), unresponsive, foreign, not-a-socket, no-socket, error."})
public final class LsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ResolveOptions resolve;
    @Option(names = "--json", description = "Print a JSON array of {path, state, pid, aliases, endpoint, owner, "
            + "since, ageSeconds, temporary, source, detail}.")
    boolean json;
    @Option(names = "--timeout", paramLabel = "TIME", description = "Limit per probe step (default 2s).")
    String timeout = "2s";
    @Parameters(paramLabel = "SSH_OPTIONS", description = "ssh options such as -F FILE (no destination).")
    List<String> args;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inventory.Listing l;
        try {
            l = discover(ControlRunner.split(args), resolve, timeout, "ls", err);
        } catch (ExitStatus e) {
            return e.code;
        }
        Instant now = Instant.now();
        if (json) {
            out.println(Listings.jsonArray(l.masters(), now));
        } else {
            for (String line : Listings.table(l.masters(), now)) {
                out.println(line);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Parses, discovers and prints warnings; on failure, why has been printed and the exception has the status. */
    static Inventory.Listing discover(SshCommandLine args, ResolveOptions resolve, String timeout, String command,
                                      PrintWriter err) throws ExitStatus {
        Duration t = ControlTarget.parseDuration(timeout);
        if (t == null) {
            throw new ExitStatus(Failures.usage("invalid --timeout value: " + timeout, err));
        }
        Inventory.Listing l;
        try {
            l = Inventory.discover(LifecycleArgs.optionsOnly(args, command), LifecycleArgs.resolver(resolve), t);
        } catch (LifecycleException e) {
            throw new ExitStatus(Failures.lifecycle(e, err));
        } catch (IllegalArgumentException e) {
            throw new ExitStatus(Failures.usage(e.getMessage(), err));
        }
        for (String w : l.warnings()) {
            err.println("ctlmux: warning: " + w);
        }
        err.flush();
        return l;
    }
}
