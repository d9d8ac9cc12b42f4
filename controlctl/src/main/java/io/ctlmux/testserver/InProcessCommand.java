package io.ctlmux.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.SignalListener;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A tiny command set run inside the JVM (no OS processes), so exit statuses through a master are deterministic:
 * {@code true}, {@code false}, {@code noop}, {@code exit N}, {@code echo WORDS}, {@code cat}, {@code sleep SECONDS},
 * {@code printenv NAME}, {@code closeout N} (writes "partial\n", closes stdout (channel EOF) before exiting N), {@code stderr WORDS},
 * {@code winch SECONDS} (writes "ready ROWS COLS", the pty size as {@code stty size} prints it, then waits for a
 * window-change and writes "winch ROWS COLS" and exits 0, or writes "no winch" and exits 1 after SECONDS).
 * Anything else writes {@code unknown command} to stderr and exits 127.
 */
final class InProcessCommand implements Command, Runnable {
    /** Commands that read stdin or wait, and so run on their own thread. */
    private static final java.util.Set<String> STREAMING = java.util.Set.of("cat", "sleep", "winch");

    private final String commandLine;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Map<String, String> env = Map.of();
    private Environment environment;
    private Thread thread;

    InProcessCommand(String commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment environment) {
        env = Map.copyOf(environment.getEnv());
        this.environment = environment;
        String name = commandLine.trim().split("\\s+", 2)[0];
        if (!STREAMING.contains(name)) {
            // Quick commands finish inside start(). An exit that comes later, after the client's EOF, sometimes
            // reaches MINA when the channel is already closing, and MINA then drops the exit-status (seen through
            // OpenSSH masters with ssh itself too; java-stack-notes pitfall 11).
            run();
            return;
        }
        thread = new Thread(this, "inproc-" + commandLine);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public void run() {
        int status;
        try {
            status = execute(List.of(commandLine.trim().split("\\s+", -1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 130;
        } catch (IOException | RuntimeException e) {
            status = 1;
        }
        exit.onExit(status);
    }

    private int execute(List<String> argv) throws IOException, InterruptedException {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        switch (name) {
            case "true":
            case "noop":
                return 0;
            case "false":
                return 1;
            case "exit":
                return args.isEmpty() ? 0 : Integer.parseInt(args.get(0));
            case "echo":
                write(out, String.join(" ", args) + "\n");
                return 0;
            case "stderr":
                write(err, String.join(" ", args) + "\n");
                return 0;
            case "cat":
                in.transferTo(out);
                out.flush();
                return 0;
            case "sleep":
                Thread.sleep((long) (Double.parseDouble(args.get(0)) * 1000));
                return 0;
            case "printenv":
                String v = env.get(args.get(0));
                if (v == null) {
                    return 1;
                }
                write(out, v + "\n");
                return 0;
            case "winch":
                return winch(Double.parseDouble(args.get(0)));
            case "closeout":
                write(out, "partial\n");
                out.close();
                return args.isEmpty() ? 0 : Integer.parseInt(args.get(0));
            default:
                write(err, "unknown command: " + name + "\n");
                return 127;
        }
    }

    private int winch(double seconds) throws IOException, InterruptedException {
        java.util.concurrent.CountDownLatch changed = new java.util.concurrent.CountDownLatch(1);
        SignalListener listener = (channel, signal) -> changed.countDown();
        environment.addSignalListener(listener, Signal.WINCH);
        try {
            write(out, "ready " + size() + "\n");
            if (!changed.await((long) (seconds * 1000), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                write(out, "no winch\n");
                return 1;
            }
            write(out, "winch " + size() + "\n");
            return 0;
        } finally {
            environment.removeSignalListener(listener);
        }
    }

    /** "ROWS COLS" of the pty, or "? ?" without one. */
    private String size() {
        Map<String, String> e = environment.getEnv();
        return e.getOrDefault(Environment.ENV_LINES, "?") + " " + e.getOrDefault(Environment.ENV_COLUMNS, "?");
    }

    private static void write(OutputStream s, String text) throws IOException {
        s.write(text.getBytes(StandardCharsets.UTF_8));
        s.flush();
    }
}
