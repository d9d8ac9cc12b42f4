package io.ctlmux.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/** Entry point of the {@code ctlmux} command. Refers to no picocli type, so the check fast path never loads it. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Integer fast = fastCheck(args);
        if (fast != null) {
            // check registers no shutdown hook and has flushed its output; System.exit would first set up the
            // JDK's logging (Runtime.exit is logged), which costs check a noticeable part of its run time.
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(fast);
        }
        System.exit(CommandLines.forArgs(args).execute(args));
    }

    /**
     * Runs the command line and returns the exit code (for tests and for the launcher's cache training):
     * {@code check} through the fast path, everything else through picocli.
     */
    public static int run(String... args) {
        Integer fast = fastCheck(args);
        return fast != null ? fast : CommandLines.forArgs(args).execute(args);
    }

    /**
     * {@code ctlmux check ...} without picocli: start-up time is most of what {@code check} costs. Handles the
     * same options as {@link CheckCommand}; returns null (use picocli) for anything else, e.g. {@code --help}.
     */
    static Integer fastCheck(String[] args) {
        if (args.length == 0 || !args[0].equals("check")) {
            return null;
        }
        // The socket library initialises on the other core while this thread resolves the config.
        io.ctlmux.mux.transport.ControlSockets.prepareInBackground();
        String timeout = null;
        boolean json = false;
        boolean allowForeign = false;
        boolean trace = false;
        boolean all = false;
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--allow-foreign")) {
                allowForeign = true;
            } else if (a.equals("--all")) {
                all = true;
            } else if (a.equals("--trace")) {
                trace = true;
            } else if (a.equals("--timeout") && i + 1 < args.length) {
                timeout = args[++i];
            } else if (a.startsWith("--timeout=")) {
                timeout = a.substring("--timeout=".length());
            } else if (a.startsWith("--") || a.equals("-h") || a.equals("-V")) {
                return null;
            } else {
                rest.add(a);
                if (SshArgs.WITH_VALUE.indexOf(a.length() == 2 && a.charAt(0) == '-' ? a.charAt(1) : ' ') >= 0
                        && i + 1 < args.length) {
                    rest.add(args[++i]);
                }
            }
        }
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        MuxOptions.Values mux = new MuxOptions.Values(timeout, allowForeign, trace);
        int rc = all ? LifecycleActions.checkAll(rest, mux, json, out, err) : CheckAction.run(rest, mux, json, out, err);
        out.flush();
        err.flush();
        return rc;
    }
}
