package io.ctlmux.cli;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.masters.LifecycleException;
import io.ctlmux.masters.MasterStarter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctlmux start}: a detached master with the user's own config, once, whoever asks at the same time. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start a master for a destination with the system ssh (ssh -M -N -f) and your config, fully "
                + "detached, and wait until it answers. Idempotent: an alive master is reported, not duplicated; "
                + "concurrent starts for one ControlPath make one master (lock file PATH.lock). A dead socket in "
                + "the way is removed first. ssh's log goes to PATH.log.",
            "Refuses before connecting when the ControlPath is longer than 90 bytes (86 on macOS) or its "
                + "directory is missing or writable by others."},
        footer = {"", "Exits 0 once the master runs, 255 when refused or failed (the tail of ssh's log is shown)."})
public final class StartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ResolveOptions resolve;
    @Option(names = "--persist", paramLabel = "TIME",
            description = "ControlPersist for this master (ssh time format, e.g. 10m, or yes); default: the config's.")
    String persist;
    @Option(names = "--mkdir", description = "Create a missing socket directory with mode 0700.")
    boolean mkdir;
    @Option(names = "--timeout", paramLabel = "TIME", description = "How long to wait for the master (default 30s).")
    String timeout = "30s";
    @Option(names = "--json", description = "Print {path, pid, state, log} on stdout.")
    boolean json;
    @Parameters(paramLabel = "SSH_ARGS", description = "ssh options and the destination, as for ssh.")
    List<String> args;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SshCommandLine a;
        Duration t = ControlTarget.parseDuration(timeout);
        if (t == null) {
            return Failures.usage("invalid --timeout value: " + timeout, err);
        }
        try {
            a = ControlRunner.accepted(ControlRunner.split(args), false);
        } catch (IllegalArgumentException e) {
            return Failures.usage(e.getMessage(), err);
        }
        MasterStarter.Result r;
        try {
            r = MasterStarter.start(new MasterStarter.Request(a, persist, mkdir, t, "ssh"),
                    LifecycleArgs.resolver(resolve));
        } catch (LifecycleException e) {
            return Failures.lifecycle(e, err);
        } catch (IllegalArgumentException e) {
            return Failures.usage(e.getMessage(), err);
        }
        boolean started = r.outcome() == MasterStarter.Outcome.STARTED;
        if (json) {
            out.println("{\"path\":" + Json.str(io.ctlmux.config.text.ByteText.ofPath(r.path())) + ",\"pid\":" + r.pid() + ",\"state\":"
                    + Json.str(started ? "started" : "already-running") + ",\"log\":" + Json.str(io.ctlmux.config.text.ByteText.ofPath(r.log()))
                    + ",\"removedStale\":" + Json.str(r.removedStale() == null ? null : io.ctlmux.config.text.ByteText.ofPath(r.removedStale()))
                    + "}");
        } else {
            if (r.removedStale() != null) {
                out.println("removed dead socket " + io.ctlmux.config.text.ByteText.ofPath(r.removedStale()));
            }
            out.println((started ? "started master pid " : "already running: master pid ") + r.pid() + " at "
                    + io.ctlmux.config.text.ByteText.ofPath(r.path()));
        }
        out.flush();
        return 0;
    }
}
