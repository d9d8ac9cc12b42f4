package io.ctlmux.cli;

import io.ctlmux.mux.client.MuxSession;
import io.ctlmux.mux.client.SessionSpec;
import io.ctlmux.mux.codec.MuxRequest;
import io.ctlmux.mux.codec.MuxRequestDeniedException;
import io.ctlmux.mux.transport.PeerClosedException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ctlmux exec}: runs a command through the master with this process's stdin, stdout and stderr handed to it
 * (like {@code ssh -S PATH host command}); exits with the remote exit status, or 255 if the master went away.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Run a command through a running master (no new SSH connection).",
        footer = {"", "ctlmux options (--timeout, --trace, --allow-foreign) go first; everything after the",
            "destination belongs to the remote command. -t requests a tty. SendEnv/SetEnv apply as in ssh.",
            "Exits with the remote command's status, as ssh does; 255 when the master, the session or a signal",
            "ends it (the table below holds for everything before the command runs)."})
public final class ExecCommand implements Callable<Integer> {
    /** ssh's exit status when SIGHUP, SIGINT or SIGTERM ended the session, whatever the remote status was. */
    static final int ENDED_BY_SIGNAL = 255;

    @Spec
    CommandSpec spec;
    @Mixin
    MuxOptions mux;
    @Parameters(paramLabel = "ARGS", description = "ssh options, the destination, then the remote command.")
    List<String> args;

    /** Everything after the first positional argument is the user's, never ctlmux's (e.g. {@code ls -h}). */
    static void configure(CommandLine exec) {
        exec.setStopAtPositional(true);
    }

    @Override
    public Integer call() {
        ControlRunner runner = new ControlRunner("mux_client_request_session", true, true);
        ControlTarget t;
        try {
            t = runner.target(args, mux.values(), spec.commandLine().getErr());
        } catch (ControlTarget.Failure f) {
            return f.report(spec.commandLine().getErr());
        }
        SessionSpec session = sessionSpec(t, io.ctlmux.config.text.ByteText.environment(), System.console() != null);
        return runner.run(t, (target, c) -> {
            if (!ForwardCommand.requestAll(target, c, false, spec.commandLine().getOut())) {
                target.stderr.log("muxclient: master forward request failed");
                return 255;
            }
            boolean stdinNull = target.resolved.first("stdinnull").map("yes"::equals).orElse(false);
            try (FileInputStream devNull = stdinNull ? new FileInputStream("/dev/null") : null) {
                FileDescriptor in = devNull != null ? devNull.getFD() : FileDescriptor.in;
                MuxSession s;
                try {
                    s = c.openSession(session, in, FileDescriptor.out, FileDescriptor.err);
                } catch (MuxRequestDeniedException e) {
                    target.stderr.log(e.kind() == MuxRequestDeniedException.Kind.PERMISSION_DENIED
                            ? "Master refused session request: " + e.reason()
                            : "mux_client_request_session: session request failed: " + e.reason());
                    return 255;
                }
                // as ssh: signal handlers first, then raw mode; raw mode ends before the handlers are restored
                SessionSignals signals = SessionSignals.install(s.masterPid(), () -> abandon(s));
                try (signals; TtyMode raw = session.wantTty() ? TtyMode.raw() : TtyMode.none()) {
                    int status;
                    try {
                        status = s.waitForExitCode(raw::close);
                    } catch (PeerClosedException e) {
                        status = MuxSession.MASTER_VANISHED;
                    } catch (AsynchronousCloseException e) {
                        if (signals.endedBy().isEmpty()) {
                            throw e;
                        }
                        status = ENDED_BY_SIGNAL;
                    }
                    if (signals.endedBy().isPresent()) {
                        status = ENDED_BY_SIGNAL;
                    }
                    raw.close();
                    if (session.wantTty() && logsInfo(target)) {
                        target.stderr.always("Shared connection to " + target.host() + " closed.");
                    }
                    return status;
                }
            }
        });
    }

    /**
     * Drops the session from a signal handler: the control connection closes, so the master closes the session's
     * channel (the remote command sees EOF and a closed channel) and keeps running; the waiting thread wakes up.
     */
    private static void abandon(MuxSession s) {
        try {
            s.close();
        } catch (IOException e) {
            // the connection is gone either way
        }
    }

    /** Whether ssh would print INFO-level messages: LogLevel INFO or more verbose (not QUIET, FATAL or ERROR). */
    static boolean logsInfo(ControlTarget t) {
        String level = t.resolved.first("loglevel").orElse("INFO").toUpperCase(Locale.ROOT);
        return !List.of("QUIET", "SILENT", "FATAL", "ERROR").contains(level);
    }

    /** The session request ssh would build from the resolved options and this process's environment. */
    static SessionSpec sessionSpec(ControlTarget t, Map<String, String> environment, boolean stdinIsTty) {
        String command = t.args.commandText();
        String requestTty = t.resolved.first("requesttty").orElse("auto").toLowerCase(Locale.ROOT);
        boolean tty = switch (requestTty) {
            case "force" -> true;
            case "yes", "true" -> stdinIsTty;
            case "auto" -> command.isEmpty() && stdinIsTty;
            default -> false;
        };
        if ((requestTty.equals("yes") || requestTty.equals("true")) && !stdinIsTty) {
            t.stderr.log("Pseudo-terminal will not be allocated because stdin is not a terminal.");
        }
        List<String> setEnv = t.resolved.all("setenv");
        String term = setEnv.stream().filter(e -> e.startsWith("TERM=")).map(e -> e.substring(5))
                .filter(v -> !v.isEmpty()).findFirst().orElse(environment.getOrDefault("TERM", ""));
        List<String> env = new ArrayList<>();
        List<String> sendEnv = t.resolved.all("sendenv");
        if (!sendEnv.isEmpty()) {
            environment.forEach((name, value) -> {
                if (permitted(name, sendEnv)) {
                    env.add(name + "=" + value);
                }
            });
        }
        env.addAll(setEnv);
        boolean x11 = t.resolved.first("forwardx11").map("yes"::equals).orElse(false);
        boolean agent = t.resolved.first("forwardagent").map(v -> !v.equals("no")).orElse(false);
        boolean subsystem = t.resolved.first("sessiontype").map("subsystem"::equals).orElse(false);
        return new SessionSpec(command, tty, term, env, subsystem, escapeChar(t.resolved.first("escapechar")
                .orElse("~")), x11, agent);
    }

    /** SendEnv: a name is sent if it matches a pattern and no later negated pattern ("-NAME") removes it. */
    private static boolean permitted(String name, List<String> patterns) {
        boolean ret = false;
        for (String p : patterns) {
            boolean negate = p.startsWith("-");
            String pat = negate ? p.substring(1) : p;
            if (glob(pat).matcher(name).matches()) {
                ret = !negate;
            }
        }
        return ret;
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    static int escapeChar(String v) {
        if (v.equalsIgnoreCase("none")) {
            return MuxRequest.ESCAPE_NONE;
        }
        if (v.length() == 1) {
            return v.charAt(0);
        }
        if (v.length() == 2 && v.charAt(0) == '^') {
            return v.charAt(1) & 31;
        }
        return MuxRequest.ESCAPE_NONE;
    }

    /** Raw mode on the controlling terminal for the length of a tty session, through stty. */
    static final class TtyMode implements AutoCloseable {
        private final String saved;
        private boolean restored;

        private TtyMode(String saved) {
            this.saved = saved;
        }

        static TtyMode none() {
            return new TtyMode(null);
        }

        static TtyMode raw() {
            try {
                String saved = stty("-g").trim();
                stty("raw", "-echo");
                return new TtyMode(saved);
            } catch (IOException e) {
                return none();
            }
        }

        private static String stty(String... args) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add("stty");
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IOException("stty failed");
                }
                return out;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted");
            }
        }

        @Override
        public void close() {
            if (saved != null && !restored) {
                restored = true;
                try {
                    stty(saved);
                } catch (IOException e) {
                    // the terminal stays raw; nothing more can be done here
                }
            }
        }
    }
}
