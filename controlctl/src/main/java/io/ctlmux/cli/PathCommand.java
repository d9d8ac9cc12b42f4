package io.ctlmux.cli;

import io.ctlmux.config.lint.Platform;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.resolved.BytePath;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctlmux path}: the expanded ControlPath, its length and the Unix-socket budgets. */
@Command(name = "path", mixinStandardHelpOptions = true,
        description = "Print the expanded ControlPath, its length in bytes and whether it fits the socket budgets: "
                + "at most 107 bytes for a client and 90 for a master on Linux, 103 / 86 on macOS (sun_path is 108 "
                + "/ 104 bytes with the NUL; a master first binds PATH plus a 17-byte temporary suffix).",
        footer = {"", "Exits 0 when it fits, 1 when it is too long for a master or a client or there is no",
            "ControlPath."})
public final class PathCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ResolveOptions resolve;
    @Option(names = "--platform", paramLabel = "linux|macos", description = "Budgets to apply (default linux); "
            + "anything else is a usage error.")
    String platform = "linux";
    @Option(names = "--json", description = "Print {path, bytes, clientLimit, masterLimit, fitsClient, fitsMaster}.")
    boolean json;
    @Parameters(paramLabel = "SSH_ARGS", description = "ssh options and the destination.")
    List<String> args;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Platform plat = Platform.parse(platform).orElse(null);
        if (plat == null) {
            return Failures.usage("unknown --platform '" + platform + "' (linux, macos)", spec.commandLine().getErr());
        }
        SshConfig.Resolution r;
        try {
            r = resolve.resolve(args, spec.commandLine().getErr());
        } catch (ExitStatus e) {
            return e.code;
        }
        int clientMax = plat.clientMax();
        int masterMax = plat.masterMax();
        String path = r.result().controlPath().map(BytePath::bytes).orElse(null); // the evaluator's typed value
        if (path == null) {
            if (json) {
                out.println("{\"path\":null}");
            } else {
                spec.commandLine().getErr().println("ctlmux: no ControlPath for this destination "
                        + "(ControlPath is unset or none)");
            }
            out.flush();
            return ExitCodes.PROBLEMS;
        }
        int bytes = path.length(); // one char per byte
        boolean fitsClient = bytes <= clientMax;
        boolean fitsMaster = bytes <= masterMax;
        if (json) {
            out.println("{\"path\":" + Json.str(path) + ",\"bytes\":" + bytes + ",\"clientLimit\":" + clientMax
                    + ",\"masterLimit\":" + masterMax + ",\"fitsClient\":" + fitsClient + ",\"fitsMaster\":"
                    + fitsMaster + "}");
        } else {
            out.println(path);
            out.println(bytes + " bytes; client limit " + clientMax + " (" + (fitsClient ? "ok" : "TOO LONG")
                    + "), master limit " + masterMax + " (" + (fitsMaster ? "ok" : "TOO LONG: the master adds a "
                    + "17-byte temporary suffix; use a shorter directory or %C") + ")");
        }
        out.flush();
        return fitsMaster && fitsClient ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
