package io.ctlmux.cli;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.resolved.OptionState;
import io.ctlmux.config.resolved.ResolvedOptions;
import io.ctlmux.mux.client.MuxClientOptions;
import io.ctlmux.mux.codec.Forward;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The master a subcommand talks to, resolved from ssh's own arguments exactly as {@code ssh -O} would: the
 * ControlPath, the time limit, the log level and everything else the config says.
 */
final class ControlTarget {
    final SshCommandLine args;
    /** Every option as {@code ssh -G} prints it; null when resolved for {@code check} only. */
    final ResolvedOptions resolved;
    final Path controlPath;
    final Duration timeout;
    final SshStderr stderr;
    final MuxClientOptions clientOptions;

    private ControlTarget(SshCommandLine args, ResolvedOptions resolved, Path controlPath, Duration timeout,
                          SshStderr stderr, MuxClientOptions clientOptions) {
        this.args = args;
        this.resolved = resolved;
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
        String controlPath;
        String logLevel;
        Duration configTimeout;
        try {
            if (allOptions) {
                r = SshConfig.resolve(args);
                controlPath = r.first("controlpath").orElse(null);
                logLevel = r.first("loglevel").orElse(null);
                configTimeout = r.first("connecttimeout").map(ControlTarget::parseDuration).orElse(null);
            } else {
                OptionState o = SshConfig.resolveUnrendered(args).options();
                Object cp = o.get("controlpath");
                Object ll = o.get("loglevel");
                int ct = o.getInt("connecttimeout", -1);
                controlPath = cp == null ? null : cp.toString();
                logLevel = ll == null ? null : ll.toString();
                configTimeout = ct <= 0 ? null : Duration.ofSeconds(ct);
            }
        } catch (SshConfigException e) {
            throw new Failure(e.stderrLines(), e.exitCode());
        }
        boolean quiet = logLevel != null && (logLevel.equalsIgnoreCase("QUIET") || logLevel.equalsIgnoreCase("SILENT"));
        SshStderr stderr = new SshStderr(err, quiet);
        if (controlPath == null || controlPath.isEmpty() || controlPath.equalsIgnoreCase("none")) {
            throw new Failure(java.util.List.of("No ControlPath specified for \"-O\" command"), 255);
        }
        Duration timeout;
        if (mux.timeout() != null) {
            timeout = parseDuration(mux.timeout());
            if (timeout == null) {
                throw new Failure(java.util.List.of("ctlmux: invalid --timeout value: " + mux.timeout()), 255);
            }
        } else {
            timeout = configTimeout == null ? MuxClientOptions.DEFAULT_TIMEOUT : configTimeout;
        }
        MuxClientOptions co = new MuxClientOptions(timeout, mux.allowForeign(), false,
                mux.trace() ? line -> { err.print(line); err.print("\r\n"); err.flush(); } : MuxClientOptions.NO_TRACE);
        return new ControlTarget(args, r, io.ctlmux.config.text.ByteText.path(controlPath), timeout, stderr, co);
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
        return ForwardSpecs.fromResolved(resolved.all("localforward"), resolved.all("remoteforward"),
                resolved.all("dynamicforward"));
    }

    /** The host name ssh uses in messages such as "Shared connection to HOST closed.". */
    String host() {
        return resolved.first("hostname").orElse(args.destination());
    }
}
