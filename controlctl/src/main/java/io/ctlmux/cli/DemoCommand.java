package io.ctlmux.cli;

import io.ctlmux.masters.Demo;
import io.ctlmux.masters.LifecycleException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ctlmux demo}: the lifecycle against a throwaway local server; needs nothing configured. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded SSH server on 127.0.0.1 with a throwaway key and config, then, with the "
                + "real OpenSSH client: start a master, check it, time commands through it against fresh "
                + "connections, list, stop, prune. Removes everything it made, also on failure or Ctrl-C.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--runs", paramLabel = "N", description = "Commands timed on each side (default 10).")
    int runs = Demo.DEFAULT_RUNS;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1 || runs > 1000) {
            return Failures.usage("--runs must be between 1 and 1000", err);
        }
        try (Demo demo = new Demo(out, "ssh", runs)) {
            demo.run();
            demo.cleanUp();
            out.println("cleaned up: masters stopped, server closed, " + demo.directory() + " removed");
            out.flush();
            return ExitCodes.OK;
        } catch (LifecycleException e) {
            out.flush();
            return Failures.lifecycle(e, err);
        } catch (IOException | RuntimeException e) {
            out.flush();
            return Failures.unexpected("demo", e, err);
        }
    }
}
