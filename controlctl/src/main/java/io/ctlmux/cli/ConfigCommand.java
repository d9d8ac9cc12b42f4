package io.ctlmux.cli;

import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.resolved.Diagnostic;
import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.resolved.ResolvedValue;
import java.io.PrintWriter;
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
        SshConfig.Resolution r;
        try {
            r = resolve.resolve(args, spec.commandLine().getErr());
        } catch (ExitStatus e) {
            return e.code;
        }
        if (!json) {
            out.print(r.options().render());
            out.flush();
            return ExitCodes.OK;
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

    static String where(Provenance p) {
        return Json.where(p);
    }
}
