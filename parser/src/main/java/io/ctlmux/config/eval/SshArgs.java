package io.ctlmux.config.eval;

import io.ctlmux.config.keyword.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of an {@code ssh} command line, split the way ssh's getopt loop splits them: options before and
 * after the destination (parsing restarts after it), then the remote command.
 *
 * @param options     the option letters with their arguments, in command-line order
 * @param destination the destination as typed ({@code host}, {@code user@host} or {@code ssh://user@host:port})
 * @param command     the remote command words (empty when none)
 * @param optionsBeforeDestination how many of {@code options} came before the destination (ssh handles the
 *                    destination's user and port when getopt reaches it, so first-wins depends on this)
 */
public record SshArgs(List<Opt> options, String destination, List<String> command, int optionsBeforeDestination) {
    /** One option letter and its argument (null for flags). */
    public record Opt(char letter, String arg) {
    }

    /** Letters that take an argument, per dialect ({@code -P tag} from 9.4). */
    private static String withArg(Dialect d) {
        return d.atLeast(9, 4) ? "bceilmopBDEFIJLOPQRSWw" : "bceilmopBDEFIJLOQRSWw";
    }

    private static final String FLAGS = "1246afgknqstvxACGKMNPTVXYy";

    /** Thrown for a command line ssh would reject with its usage text. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static SshArgs parse(List<String> args, Dialect dialect) throws UsageException {
        String withArg = withArg(dialect);
        List<Opt> opts = new ArrayList<>();
        String dest = null;
        List<String> command = new ArrayList<>();
        int i = 0;
        int beforeDest = 0;
        boolean terminated = false;
        while (i < args.size()) {
            // One getopt run: options until the first non-option.
            while (i < args.size()) {
                String a = args.get(i);
                if (a.equals("--")) {
                    i++;
                    terminated = true;
                    break;
                }
                if (a.length() < 2 || a.charAt(0) != '-') {
                    break;
                }
                i++;
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    if (withArg.indexOf(c) >= 0) {
                        String optarg;
                        if (j + 1 < a.length()) {
                            optarg = a.substring(j + 1);
                        } else if (i < args.size()) {
                            optarg = args.get(i++);
                        } else {
                            throw new UsageException("option requires an argument -- " + c);
                        }
                        opts.add(new Opt(c, optarg));
                        break;
                    } else if (FLAGS.indexOf(c) >= 0 && !(c == 'P' && dialect.atLeast(9, 4))) {
                        opts.add(new Opt(c, null));
                    } else {
                        throw new UsageException("unknown option -- " + c);
                    }
                }
            }
            if (i >= args.size()) {
                break;
            }
            if (dest == null) {
                dest = args.get(i++);
                beforeDest = opts.size();
                if (i < args.size() && !terminated) {
                    continue; // ssh restarts option parsing after the destination
                }
            }
            while (i < args.size()) {
                command.add(args.get(i++));
            }
        }
        if (dest == null) {
            throw new UsageException("no destination given");
        }
        return new SshArgs(List.copyOf(opts), dest, List.copyOf(command), beforeDest);
    }

    /** The last {@code -F} value, or null. */
    public String configFile() {
        String f = null;
        for (Opt o : options) {
            if (o.letter == 'F') {
                f = o.arg;
            }
        }
        return f;
    }

    public boolean has(char letter) {
        return options.stream().anyMatch(o -> o.letter == letter);
    }
}
