package io.ctlmux.cli;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.lint.LintOptions;
import io.ctlmux.config.lint.LintOutput;
import io.ctlmux.config.lint.Linter;
import io.ctlmux.config.lint.Platform;
import io.ctlmux.config.lint.RuleList;
import io.ctlmux.config.lint.Rules;
import io.ctlmux.config.lint.Target;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.text.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctlmux lint}: checks ssh_config files per destination, for several OpenSSH releases. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Lint ssh_config files: everything OpenSSH rejects (at its line, with its reason), "
                + "keywords too new for a targeted release, and per-destination checks of the effective "
                + "configuration (shadowed settings, ControlPath length, uniqueness and safety, ...).",
                "Match exec is never run. Only the files and their Includes are read, unless --check-files."},
        footer = {"", "Suppress a finding with '# ctlmux: disable=RULE[,RULE]' on its line or the line above.",
                "Exits 1 when a finding is at or above --fail-on, 2 when a file cannot be read."})
public final class LintCommand implements Callable<Integer> {
    /** The name standard input ({@code -}) is linted and reported under. */
    static final String STDIN = "<stdin>";

    @Spec
    CommandSpec spec;

    @Option(names = "--target-openssh", paramLabel = "VERSIONS", split = ",",
            description = "OpenSSH releases to check against, e.g. 9.2-debian,9.2,10.5 or 8.2,9.4,10.0. "
                    + "Default: the installed ssh and the newest (10.5).")
    List<String> targets;

    @Option(names = "--platform", paramLabel = "linux|macos", description = "Client platform (default linux).")
    String platform = "linux";

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, sarif or github.")
    String format = "text";

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Lowest severity that makes the exit status 1: error (default), warning or info.")
    String failOn = "error";

    @Option(names = "--disable", paramLabel = "RULE", split = ",", description = "Rule ids to switch off.")
    List<String> disable = new ArrayList<>();

    @Option(names = "--check-files", description = "Also check the live filesystem (ControlPath directory, keys).")
    boolean checkFiles;

    @Option(names = "--list-rules", description = "Describe every rule and exit.")
    boolean listRules;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Config files, each read as ssh -F FILE reads it (default ~/.ssh/config); - reads "
                    + "standard input (reported as " + STDIN + ").")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listRules) {
            out.print(RuleList.render());
            out.flush();
            return 0;
        }
        LintOutput fmt = LintOutput.parse(format).orElse(null);
        Platform plat = Platform.parse(platform).orElse(null);
        Severity fail = switch (failOn.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            case "info" -> Severity.INFO;
            default -> null;
        };
        String problem = fmt == null ? "unknown --format '" + format + "' (text, json, sarif, github)"
                : plat == null ? "unknown --platform '" + platform + "' (linux, macos)"
                : fail == null ? "unknown --fail-on '" + failOn + "' (error, warning, info)" : null;
        Set<String> disabled = new HashSet<>();
        for (String d : disable) {
            String id = d.trim();
            if (Rules.info(id).isEmpty() && problem == null) {
                problem = "unknown rule '" + id + "' (see ctlmux lint --list-rules)";
            }
            disabled.add(id);
        }
        List<Target> ts = new ArrayList<>();
        if (problem == null) {
            try {
                ts = targets();
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            return Failures.usage("lint: " + problem, err);
        }
        SystemEnvironment env = new SystemEnvironment();
        List<String> paths = new ArrayList<>();
        Map<String, byte[]> given = new HashMap<>();
        for (String f : files.isEmpty() ? List.of(env.home() + "/.ssh/config") : files) {
            if (!f.equals("-")) {
                paths.add(f);
            } else if (given.isEmpty()) {
                try {
                    given.put(STDIN, System.in.readAllBytes());
                } catch (IOException e) {
                    return Failures.usage("lint: cannot read standard input: " + e.getMessage(), err);
                }
                paths.add(STDIN);
            }
        }
        Linter.Report report = new Linter(new LintOptions(ts, plat, checkFiles, disabled), env).lint(paths, given);
        out.print(fmt.render(report.findings(), BuildInfo.version()));
        out.flush();
        for (String e : report.ioErrors()) {
            err.println("ctlmux lint: " + e);
        }
        err.flush();
        if (!report.ioErrors().isEmpty()) {
            return ExitCodes.USAGE;
        }
        return report.hasAtLeast(fail) ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    private List<Target> targets() {
        Map<String, Target> out = new LinkedHashMap<>();
        if (targets == null || targets.isEmpty()) {
            Dialect installed = SshConfig.defaultDialect();
            for (Dialect d : List.of(installed, Dialect.newest())) {
                out.putIfAbsent(d.id, new Target(d.id, d, d.version));
            }
        } else {
            for (String s : targets) {
                Target t = Target.parse(s).orElseThrow(() -> new IllegalArgumentException("unknown OpenSSH "
                        + "release '" + s + "' (e.g. 9.2-debian, 9.2, 10.5, 8.2)"));
                out.putIfAbsent(t.label(), t);
            }
        }
        return new ArrayList<>(out.values());
    }
}
