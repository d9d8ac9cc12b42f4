package io.ctlmux.cli;

import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.masters.ConfigResolver;
import io.ctlmux.masters.LifecycleException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Argument helpers shared by the lifecycle subcommands (start, ls, prune, demo, check/exit --all). */
final class LifecycleArgs {
    private LifecycleArgs() {
    }

    /**
     * ssh options without a destination ({@code ls}, {@code prune}, {@code --all}), one option per word.
     *
     * @throws IllegalArgumentException on a stray word or an unknown option
     */
    static List<String> optionsOnly(List<String> args, String command) {
        List<String> in = args == null ? List.of() : args;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String a = in.get(i);
            if (!a.startsWith("-") || a.length() < 2 || a.startsWith("--")) {
                throw new IllegalArgumentException(command + " takes ssh options (e.g. -F FILE), not '" + a
                        + "'; it looks at every Host in the config");
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                if (SshArgs.WITH_VALUE.indexOf(c) >= 0) {
                    String v;
                    if (k + 1 < a.length()) {
                        v = a.substring(k + 1);
                    } else if (i + 1 < in.size()) {
                        v = in.get(++i);
                    } else {
                        throw new IllegalArgumentException("option requires an argument -- " + c);
                    }
                    out.add("-" + c);
                    out.add(v);
                    break;
                }
                if (SshArgs.FLAGS.indexOf(c) < 0) {
                    throw new IllegalArgumentException("unknown option -- " + c);
                }
                out.add("-" + c);
            }
        }
        return out;
    }

    static ConfigResolver resolver(ResolveOptions r) {
        if (r == null) {
            return ConfigResolver.of(SshConfig.defaultDialect(), Evaluator.ExecPolicy.RUN);
        }
        return ConfigResolver.of(r.dialect(), r.noExec ? Evaluator.ExecPolicy.NEVER : Evaluator.ExecPolicy.RUN);
    }

    static int fail(LifecycleException e, PrintWriter err) {
        for (String l : e.lines()) {
            err.println(l);
        }
        err.flush();
        return e.exitCode();
    }

    static int usage(String message, PrintWriter err) {
        err.println("ctlmux: " + message);
        err.flush();
        return 2;
    }
}
