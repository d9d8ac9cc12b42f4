package io.ctlmux.cli;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.resolved.BytePath;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.resolved.ResolvedOptions;
import io.ctlmux.mux.client.MuxClientOptions;
import io.ctlmux.mux.codec.Forward;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The master a subcommand talks to, resolved from ssh's own arguments exactly as {@code ssh -O} would: the
 * ControlPath, the time limit, the log level and everything else the config says.
 */
final class ControlTarget {
    final SshCommandLine args;
    /** Every option as {@code ssh -G} prints it; null when resolved for {@code check} only. */
    final ResolvedOptions resolved;
    /** The typed result every value is read from. */
    final ResolvedConfig config;
    final Path controlPath;
    final Duration timeout;
    final SshStderr stderr;
    final MuxClientOptions clientOptions;

    private ControlTarget(SshCommandLine args, ResolvedOptions resolved, ResolvedConfig config, Path controlPath,
                          Duration timeout, SshStderr stderr, MuxClientOptions clientOptions) {
        this.args = args;
        this.resolved = resolved;
        this.config = config;
        this.controlPath = controlPath;
        this.timeout = timeout;
        this.stderr = stderr;
        this.clientOptions = clientOptions;
    }

    /** Thrown with the lines to print and the exit code when the target cannot be determined. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient java.util.List<String> lines;
        final int exitCode;

        Failure(java.util.List<String> lines, int exitCode) {
            super(String.join("\n", lines));
            this.lines = lines;
            this.exitCode = exitCode;
        }

        /** Prints the lines as ssh does and returns the exit code. */
        int report(PrintWriter err) {
            return Failures.sshLines(lines, exitCode, err);
        }
    }

    static ControlTarget resolve(SshCommandLine args, MuxOptions.Values mux, PrintWriter err) throws Failure {
        return resolve(args, mux, err, true);
    }

    /**
     * @param allOptions false when the caller needs only the ControlPath, the time limit and the log level: the
     *                   options are then not rendered and {@link #resolved} is null (what {@code check} does)
     */
    static ControlTarget resolve(SshCommandLine args, MuxOptions.Values mux, PrintWriter err, boolean allOptions)
            throws Failure {
        ResolvedOptions r = null;
        ResolvedConfig config;
        try {
            if (allOptions) {
                SshConfig.Resolution full = SshConfig.resolve(args);
                r = full.options();
                config = full.result();
            } else {
                config = SshConfig.resolveUnrendered(args);
            }
        } catch (SshConfigException e) {
            throw new Failure(e.stderrLines(), e.exitCode());
        }
        SshStderr stderr = new SshStderr(err, config.quiet());
        BytePath controlPath = config.controlPath().orElse(null);
        if (controlPath == null) {
            throw new Failure(java.util.List.of("No ControlPath specified for \"-O\" command"), 255);
        }
        Duration timeout;
        if (mux.timeout() != null) {
            timeout = parseDuration(mux.timeout());
            if (timeout == null) {
                throw new Failure(java.util.List.of("ctlmux: invalid --timeout value: " + mux.timeout()), 255);
            }
        } else {
            timeout = config.connectTimeout().orElse(MuxClientOptions.DEFAULT_TIMEOUT);
        }
        MuxClientOptions co = new MuxClientOptions(timeout, mux.allowForeign(), false,
                mux.trace() ? line -> { err.print(line); err.print("\r\n"); err.flush(); } : MuxClientOptions.NO_TRACE);
        return new ControlTarget(args, r, config, controlPath.toPath(), timeout, stderr, co);
    }

    /** Seconds ("5"), or a number with ms, s, m or h; null if invalid, zero or "none". */
    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < t.length() && t.charAt(digits) >= '0' && t.charAt(digits) <= '9') {
            digits++;
        }
        String unit = digits == t.length() ? "s" : t.substring(digits);
        if (digits == 0 || !(unit.equals("ms") || unit.equals("s") || unit.equals("m") || unit.equals("h"))) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(t.substring(0, digits));
        } catch (NumberFormatException e) {
            return null;
        }
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        return d.isZero() ? null : d;
    }

    java.util.List<Forward> forwards() {
        return ForwardSpecs.fromResolved(config.localForwards(), config.remoteForwards());
    }

    /** The host name ssh uses in messages such as "Shared connection to HOST closed.". */
    String host() {
        return config.host();
    }
}
