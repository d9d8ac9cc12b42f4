package io.ctlmux.config.eval;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.text.Vis;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ctlmux config}'s resolution in a process of its own, so that FileAccessOracleTest can run it as another
 * user: {@code FileAccessProbe DIALECT SSH-ARGS...} prints the -G lines on stdout and ssh's messages on stderr, and
 * exits with ssh's exit code.
 */
public final class FileAccessProbe {
    private FileAccessProbe() {
    }

    public static void main(String[] args) {
        Dialect dialect = Dialect.parse(args[0]).orElseThrow();
        List<String> sshArgs = Arrays.asList(args).subList(1, args.length);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.ISO_8859_1);
        PrintStream err = new PrintStream(System.err, false, StandardCharsets.ISO_8859_1);
        int rc;
        try {
            SshConfig.Resolution r = SshConfig.resolveFull(sshArgs, dialect, Evaluator.ExecPolicy.NEVER);
            out.print(r.options().render());
            r.stderr().forEach(l -> err.println(Vis.log(l)));
            rc = 0;
        } catch (SshConfigException e) {
            e.stderrLines().forEach(l -> err.println(Vis.log(l)));
            rc = e.exitCode();
        }
        out.flush();
        err.flush();
        System.exit(rc);
    }
}
