package io.ctlmux.cli;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.text.Vis;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the config-reading subcommands (picocli mixin): dialect and Match exec policy. */
public final class ResolveOptions {
    @Option(names = "--openssh", paramLabel = "VERSION",
            description = "OpenSSH dialect to reproduce: 9.2-debian (its newest revision, deb12u10; older ones as "
                    + "9.2-debian-u6, 9.2-debian-u8), 9.2, 10.5. Default: the installed ssh -V, else the newest.")
    String openssh;

    @Option(names = "--no-exec", description = "Never run Match exec commands (they count as not matching).")
    boolean noExec;

    Dialect dialect() {
        if (openssh == null) {
            return SshConfig.defaultDialect();
        }
        return Dialect.parse(openssh).orElseThrow(() -> new IllegalArgumentException(
                "unknown OpenSSH version '" + openssh + "' (use 9.2-debian, 9.2-debian-u6, 9.2 or 10.5)"));
    }

    Evaluator.ExecPolicy execPolicy() {
        return noExec ? Evaluator.ExecPolicy.NEVER : Evaluator.ExecPolicy.RUN;
    }

    /** Resolves, printing ssh's lines; on failure they have been printed and the exception holds the exit code. */
    SshConfig.Resolution resolve(List<String> args, PrintWriter err) throws ExitStatus {
        SshCommandLine line;
        try {
            line = split(args);
        } catch (IllegalArgumentException e) {
            throw new ExitStatus(Failures.usage(e.getMessage(), err));
        }
        return resolve(line, err);
    }

    /**
     * ssh's words split with the dialect's option letters.
     *
     * @throws IllegalArgumentException for an unknown {@code --openssh} version
     */
    SshCommandLine split(List<String> args) {
        return SshCommandLine.parse(args == null ? List.of() : args, dialect());
    }

    /** {@link #resolve(List, PrintWriter)} of words split with {@link #split}. */
    SshConfig.Resolution resolve(SshCommandLine line, PrintWriter err) throws ExitStatus {
        try {
            SshConfig.Resolution r = SshConfig.resolveFull(line, dialect(),
                    execPolicy());
            for (String l : r.stderr()) {
                err.print(Vis.log(l) + "\r\n");
            }
            err.flush();
            return r;
        } catch (SshConfigException e) {
            List<String> lines = new java.util.ArrayList<>();
            for (String l : e.stderrLines()) {
                lines.add(Vis.log(l));
            }
            throw new ExitStatus(Failures.sshLines(lines, e.exitCode(), err));
        } catch (IllegalArgumentException e) {
            throw new ExitStatus(Failures.usage(e.getMessage(), err));
        }
    }
}
