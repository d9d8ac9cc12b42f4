package io.ctlmux.cli;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.text.ByteText;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** Entry point of the {@code ctlmux} command. Refers to no picocli type, so the check fast path never loads it. */
public final class Main {
    private Main() {
    }

    /** Takes the arguments' bytes from the kernel (ByteText.arguments), not as the JVM decoded them. */
    public static void main(String[] jvmArgs) {
        String[] args = ByteText.arguments(jvmArgs);
        Integer fast = fastCheck(args);
        if (fast != null) {
            // check registers no shutdown hook and has flushed its output; System.exit would first set up the
            // JDK's logging (Runtime.exit is logged), which costs check a noticeable part of its run time.
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(fast);
        }
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns the exit code (for tests and for the launcher's cache training):
     * {@code check} through the fast path, everything else through picocli. {@code jvmArgs} are text as the JVM
     * would have decoded them ({@link ByteText#fromJvm}).
     */
    public static int run(String... jvmArgs) {
        String[] args = new String[jvmArgs.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = ByteText.fromJvm(jvmArgs[i]);
        }
        Integer fast = fastCheck(args);
        return fast != null ? fast : execute(args);
    }

    /** Through picocli, writing the output's bytes as they are ({@link ByteText#writer}). */
    private static int execute(String[] args) {
        PrintWriter out = ByteText.writer(System.out);
        PrintWriter err = ByteText.writer(System.err);
        try {
            return CommandLines.execute(args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * {@code ctlmux check ...} without picocli: start-up time is most of what {@code check} costs. Handles the
     * same options as {@link CheckCommand}; returns null (use picocli) for anything else, e.g. {@code --help}.
     * ssh's words are split once, by the one ssh parser, which hands ctlmux's own options to {@link CheckFlags}.
     */
    static Integer fastCheck(String[] args) {
        if (args.length == 0 || !args[0].equals("check")) {
            return null;
        }
        // The socket library initialises on the other core while this thread resolves the config.
        io.ctlmux.mux.transport.ControlSockets.prepareInBackground();
        CheckFlags flags = new CheckFlags();
        SshCommandLine ssh = SshCommandLine.parse(Arrays.asList(args).subList(1, args.length),
                SshConfig.defaultDialect(), flags);
        if (flags.picocli) {
            return null;
        }
        PrintWriter out = ByteText.writer(System.out);
        PrintWriter err = ByteText.writer(System.err);
        MuxOptions.Values mux = new MuxOptions.Values(flags.timeout, flags.allowForeign, flags.trace);
        int rc = flags.all ? LifecycleActions.checkAll(ssh, mux, flags.json, out, err)
                : CheckAction.run(ssh, mux, flags.json, out, err);
        out.flush();
        err.flush();
        return rc;
    }

    /** {@code check}'s own options, wherever ssh's getopt would look for an option; anything else goes to picocli. */
    private static final class CheckFlags implements SshCommandLine.Foreign {
        String timeout;
        boolean json;
        boolean allowForeign;
        boolean trace;
        boolean all;
        /** A word only picocli handles ({@code --help}, {@code -V}, an unknown {@code --name}). */
        boolean picocli;

        @Override
        public int take(List<String> argv, int i) {
            String a = argv.get(i);
            switch (a) {
                case "--json":
                    json = true;
                    return 1;
                case "--allow-foreign":
                    allowForeign = true;
                    return 1;
                case "--all":
                    all = true;
                    return 1;
                case "--trace":
                    trace = true;
                    return 1;
                case "--timeout":
                    if (i + 1 < argv.size()) {
                        timeout = argv.get(i + 1);
                        return 2;
                    }
                    break;
                default:
                    if (a.startsWith("--timeout=")) {
                        timeout = a.substring("--timeout=".length());
                        return 1;
                    }
                    if (!a.startsWith("--") && !a.equals("-h") && !a.equals("-V")) {
                        return 0;
                    }
            }
            picocli = true;
            return 1;
        }
    }
}
