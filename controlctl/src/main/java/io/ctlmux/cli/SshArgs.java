package io.ctlmux.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * ssh's own command line split the way ssh's getopt does: options (those that take a value keep it, attached or
 * separate), the destination, more options right after the destination, then the remote command.
 *
 * @param options     the option words, in order, ready to pass on to {@code ssh -G}
 * @param destination {@code [user@]host} or {@code ssh://} URI
 * @param command     the words after the destination (the remote command for exec)
 */
public record SshArgs(List<String> options, String destination, List<String> command) {
    /** ssh's option letters that take a value (from its getopt string). */
    static final String WITH_VALUE = "bceilmopBDEFIJLOPQRSWw";
    /** ssh's option letters without a value. */
    static final String FLAGS = "1246afgkMnNqstvxACGKTVXYy";

    public SshArgs {
        options = List.copyOf(options);
        command = List.copyOf(command);
    }

    /** The options followed by the destination: the argument list for the config resolver. */
    public List<String> resolverArgs() {
        List<String> all = new ArrayList<>(options);
        all.add(destination);
        return all;
    }

    /**
     * Parses ssh arguments.
     *
     * @param allowCommand whether words may follow the destination
     * @throws IllegalArgumentException with ssh-like one-line messages
     */
    public static SshArgs parse(List<String> args, boolean allowCommand) {
        List<String> opts = new ArrayList<>();
        String destination = null;
        List<String> command = new ArrayList<>();
        int i = 0;
        boolean optionsDone = false;
        while (i < args.size()) {
            String a = args.get(i);
            if (!optionsDone && a.equals("--")) {
                optionsDone = true;
                i++;
                continue;
            }
            if (!optionsDone && a.startsWith("-") && a.length() > 1) {
                if (a.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + a
                            + " (ctlmux options go before ssh options and the destination)");
                }
                i = option(args, i, opts);
                continue;
            }
            if (destination == null) {
                destination = a;
                i++;
                // like ssh, options may follow the destination directly
                continue;
            }
            command.addAll(args.subList(i, args.size()));
            break;
        }
        if (destination == null) {
            throw new IllegalArgumentException("missing destination ([user@]host)");
        }
        if (!command.isEmpty() && !allowCommand) {
            throw new IllegalArgumentException("unexpected argument: " + command.get(0));
        }
        return new SshArgs(opts, destination, command);
    }

    private static int option(List<String> args, int i, List<String> opts) {
        String a = args.get(i);
        for (int k = 1; k < a.length(); k++) {
            char c = a.charAt(k);
            if (c == 'O' || c == 'G') {
                throw new IllegalArgumentException("option -" + c + " is not allowed here; the subcommand says what "
                        + "to do");
            }
            if (WITH_VALUE.indexOf(c) >= 0) {
                if (k + 1 < a.length()) {
                    opts.add("-" + c);
                    opts.add(a.substring(k + 1));
                    return i + 1;
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("option requires an argument -- " + c);
                }
                opts.add("-" + c);
                opts.add(args.get(i + 1));
                return i + 2;
            }
            if (FLAGS.indexOf(c) < 0) {
                throw new IllegalArgumentException("unknown option -- " + c);
            }
            opts.add("-" + c);
        }
        return i + 1;
    }
}
