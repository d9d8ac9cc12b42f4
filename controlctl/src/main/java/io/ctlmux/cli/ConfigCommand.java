package io.ctlmux.cli;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.GRun;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.resolved.Diagnostic;
import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.resolved.ResolvedValue;
import io.ctlmux.config.text.Vis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctlmux config}: prints byte for byte what {@code ssh -G} prints for the same arguments. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the resolved configuration for a destination, exactly as ssh -G does.",
        footer = {"", "On a bad configuration: OpenSSH's error lines and exit status 255."})
public final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ResolveOptions resolve;
    @Option(names = "--json", description = "Print the resolved options with provenance as JSON.")
    boolean json;
    @Parameters(paramLabel = "SSH_ARGS", description = "ssh options and the destination, as for ssh -G.")
    List<String> args;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            return printG(out, spec.commandLine().getErr());
        }
        SshConfig.Resolution r;
        try {
            r = resolve.resolve(args, spec.commandLine().getErr());
        } catch (ExitStatus e) {
            return e.code;
        }
        StringBuilder sb = new StringBuilder("{\"dialect\":").append(Json.str(r.result().dialect().id))
                .append(",\"options\":[");
        boolean first = true;
        for (ResolvedValue v : r.options().values()) {
            sb.append(first ? "" : ",").append("\n  ").append(Json.option(v));
            first = false;
        }
        sb.append("\n],\"skippedExec\":").append(Json.strings(r.result().skippedExecs())).append(",\"diagnostics\":[");
        first = true;
        for (Diagnostic d : r.result().diagnostics()) {
            sb.append(first ? "" : ",").append("\n  ").append(Json.diagnostic(d));
            first = false;
        }
        sb.append("]}");
        out.println(sb);
        out.flush();
        return ExitCodes.OK;
    }

    /** As ssh -G: stdout, stderr (or -E's file) and the exit status. */
    private int printG(PrintWriter out, PrintWriter err) {
        Dialect dialect;
        try {
            dialect = resolve.dialect();
        } catch (IllegalArgumentException e) {
            return Failures.usage(e.getMessage(), err);
        }
        GRun g = GRun.run(args == null ? List.of() : args, dialect, resolve.execPolicy(), new SystemEnvironment(),
                stdinIsTerminal());
        int rc = Failures.sshLines(g.stderr().stream().map(Vis::log).toList(), g.exitCode(), err);
        out.print(g.stdout());
        out.flush();
        return rc;
    }

    /** isatty(0), as far as Linux tells without native code: stdin is a terminal device. */
    static boolean stdinIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    static String where(Provenance p) {
        return Json.where(p);
    }
}
