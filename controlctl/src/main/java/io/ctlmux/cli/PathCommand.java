package io.ctlmux.cli;

import io.ctlmux.config.load.SshConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
        description = "Print the expanded ControlPath, its length in bytes and whether it fits the socket budgets "
                + "(client 108 / master 90 bytes on Linux; 104 / 86 on macOS).",
        footer = {"", "Exit status: 0 fits, 1 too long for a master or client, 2 no ControlPath, 255 bad config."})
public final class PathCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ResolveOptions resolve;
    @Option(names = "--platform", paramLabel = "linux|macos", description = "Budgets to apply (default linux).")
    String platform = "linux";
    @Option(names = "--json", description = "Print {path, bytes, clientLimit, masterLimit, fitsClient, fitsMaster}.")
    boolean json;
    @Parameters(paramLabel = "SSH_ARGS", description = "ssh options and the destination.")
    List<String> args;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int[] rc = {0};
        SshConfig.Resolution r = resolve.resolve(args, spec.commandLine().getErr(), rc);
        if (r == null) {
            return rc[0];
        }
        boolean mac = platform.equalsIgnoreCase("macos") || platform.equalsIgnoreCase("darwin");
        int sun = mac ? 104 : 108;
        int clientMax = sun - 1;
        int masterMax = clientMax - 17;
        String path = r.options().first("controlpath").orElse(null);
        if (path == null) {
            if (json) {
                out.println("{\"path\":null}");
            } else {
                spec.commandLine().getErr().println("ctlmux: no ControlPath for this destination "
                        + "(ControlPath is unset or none)");
            }
            out.flush();
            return 2;
        }
        int bytes = path.getBytes(StandardCharsets.ISO_8859_1).length;
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
        return fitsMaster && fitsClient ? 0 : 1;
    }
}
