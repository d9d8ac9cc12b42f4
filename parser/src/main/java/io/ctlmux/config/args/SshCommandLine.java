package io.ctlmux.config.args;

import io.ctlmux.config.keyword.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code ssh} command line, split once the way ssh.c splits it: options (with their arguments) up to the first
 * word that is not an option, that word as the destination, option parsing restarted after it (unless a
 * {@code --} ended the first run), then the remote command words.
 *
 * <p>Splitting follows OpenSSH's own getopt (openbsd-compat, which never permutes): a word is an option word when
 * it starts with {@code -} and is longer than that; {@code --} ends the options; letters may be clustered
 * ({@code -46v}); an option's argument is the rest of its word ({@code -p22}) or the next word, whatever it looks
 * like ({@code -o -x}); {@code -} alone, the empty word and any other word are not options; a {@code -} at the end
 * of a cluster ({@code -v-}) ends the options and that word is the first non-option. Like ssh, "the first run ended
 * with {@code --}" is "the word before the destination is {@code --}", even when that word was an option's
 * argument ({@code -b -- host -p 1}: {@code -p 1} is the command).
 *
 * <p>ssh stops at the first bad option ({@code unknown option -- Z}, {@code option requires an argument -- p})
 * and prints its usage; everything before it has already been applied, so an earlier fatal option wins. The
 * parse therefore does not throw: {@link #error} says why it stopped, after {@link #options} (and after the
 * destination, when one was reached).
 *
 * @param options                  the options in command-line order
 * @param optionsBeforeDestination how many of {@code options} came before the destination (ssh takes the
 *                                 destination's user and port when getopt reaches it, so first-wins depends on it)
 * @param destination              the destination as typed; null when the words ran out (or an error came) first
 * @param command                  the words after the destination and its options (empty when none)
 * @param error                    the option error that stopped parsing, or null
 */
public record SshCommandLine(List<Option> options, int optionsBeforeDestination, String destination,
        List<String> command, OptionError error) {

    /** One option: its letter and its argument (null for a flag). */
    public record Option(char letter, String argument) {
        /** The option as separate words: {@code -X} and, for an option with an argument, the argument. */
        public void addWords(List<String> out) {
            out.add("-" + letter);
            if (argument != null) {
                out.add(argument);
            }
        }
    }

    /** Why getopt stopped: what ssh prints before its usage text (exit status 255). */
    public record OptionError(Kind kind, char letter) {
        public enum Kind {
            /** {@code unknown option -- X}. */
            UNKNOWN_OPTION,
            /** {@code option requires an argument -- X}. */
            MISSING_ARGUMENT
        }

        /** ssh's wording (its getopt's). */
        public String message() {
            return (kind == Kind.UNKNOWN_OPTION ? "unknown option -- " : "option requires an argument -- ") + letter;
        }
    }

    /**
     * Words that are not ssh's but are mixed into its command line (ctlmux's own {@code --json}, ...). Asked for
     * every word in an option position, before ssh's getopt looks at it.
     */
    @FunctionalInterface
    public interface Foreign {
        /** How many words from {@code argv[i]} on are this caller's; 0 when {@code argv[i]} is for ssh. */
        int take(List<String> argv, int i);
    }

    public SshCommandLine {
        options = List.copyOf(options);
        command = List.copyOf(command);
        if (optionsBeforeDestination < 0 || optionsBeforeDestination > options.size()) {
            throw new IllegalArgumentException("optionsBeforeDestination " + optionsBeforeDestination);
        }
    }

    /** Splits {@code argv} (the words after {@code ssh}) as {@code dialect}'s ssh does. */
    public static SshCommandLine parse(List<String> argv, Dialect dialect) {
        return parse(argv, dialect, null);
    }

    /** {@link #parse(List, Dialect)}, giving {@code foreign} the first look at every word in an option position. */
    public static SshCommandLine parse(List<String> argv, Dialect dialect, Foreign foreign) {
        String table = OptionLetters.of(dialect);
        int n = argv.size();
        List<Option> opts = new ArrayList<>();
        String destination = null;
        int before = 0;
        int i = 0;
        while (true) {
            // one run of getopt, from argv[i]
            scan:
            while (i < n) {
                String w = argv.get(i);
                if (w.length() < 2 || w.charAt(0) != '-') {
                    break;
                }
                if (w.equals("--")) {
                    i++;
                    break;
                }
                int taken = foreign == null ? 0 : foreign.take(argv, i);
                if (taken > 0) {
                    i += taken;
                    continue;
                }
                for (int p = 1; p < w.length(); p++) {
                    char c = w.charAt(p);
                    boolean last = p == w.length() - 1;
                    if (c == '-' && last) {
                        break scan; // "-v-": getopt returns -1 here and argv[i] is the first non-option
                    }
                    int at = c == ':' || c == '-' ? -1 : table.indexOf(c);
                    if (at < 0) {
                        return stopped(opts, before, destination, OptionError.Kind.UNKNOWN_OPTION, c);
                    }
                    if (at + 1 < table.length() && table.charAt(at + 1) == ':') {
                        if (!last) {
                            opts.add(new Option(c, w.substring(p + 1)));
                        } else if (i + 1 < n) {
                            opts.add(new Option(c, argv.get(++i)));
                        } else {
                            return stopped(opts, before, destination, OptionError.Kind.MISSING_ARGUMENT, c);
                        }
                        break;
                    }
                    opts.add(new Option(c, null));
                }
                i++;
            }
            if (destination == null && i < n) {
                boolean terminated = i > 0 && argv.get(i - 1).equals("--");
                destination = argv.get(i++);
                before = opts.size();
                if (i < n && !terminated) {
                    continue; // ssh restarts getopt after the destination
                }
            }
            return new SshCommandLine(opts, destination == null ? opts.size() : before, destination,
                    argv.subList(i, n), null);
        }
    }

    private static SshCommandLine stopped(List<Option> opts, int before, String destination, OptionError.Kind kind,
            char letter) {
        return new SshCommandLine(opts, destination == null ? opts.size() : before, destination, List.of(),
                new OptionError(kind, letter));
    }

    /**
     * Whether there is a remote command: ssh joins the command words with spaces and has none when that is
     * empty, so a lone empty word ({@code ssh host ""}) is no command while two are ({@code " "}).
     */
    public boolean hasCommand() {
        return !commandText().isEmpty();
    }

    /** The command words joined with spaces, as ssh sends them. */
    public String commandText() {
        return String.join(" ", command);
    }

    /** The last {@code -F} argument, or null. */
    public String configFile() {
        String f = null;
        for (Option o : options) {
            if (o.letter == 'F') {
                f = o.argument;
            }
        }
        return f;
    }

    /** Whether option {@code letter} was given. */
    public boolean has(char letter) {
        for (Option o : options) {
            if (o.letter == letter) {
                return true;
            }
        }
        return false;
    }

    /** The arguments of every {@code letter} option, in order. */
    public List<String> arguments(char letter) {
        List<String> out = new ArrayList<>();
        for (Option o : options) {
            if (o.letter == letter && o.argument != null) {
                out.add(o.argument);
            }
        }
        return out;
    }

    /** This command line without the options whose letters are in {@code letters} (with their arguments). */
    public SshCommandLine without(String letters) {
        List<Option> kept = new ArrayList<>();
        int before = 0;
        for (int k = 0; k < options.size(); k++) {
            Option o = options.get(k);
            if (letters.indexOf(o.letter) < 0) {
                kept.add(o);
                if (k < optionsBeforeDestination) {
                    before++;
                }
            }
        }
        return new SshCommandLine(kept, before, destination, command, error);
    }

    /** The same options and destination without the command. */
    public SshCommandLine withoutCommand() {
        return new SshCommandLine(options, optionsBeforeDestination, destination, List.of(), error);
    }

    /**
     * The same options before {@code dest} and no command: a command line of options only ({@code ls -F cfg})
     * aimed at one destination.
     */
    public SshCommandLine withDestination(String dest) {
        return new SshCommandLine(options, options.size(), dest, List.of(), error);
    }

    /**
     * Words that ssh splits back into this command line: the options before the destination, the destination,
     * the options after it, the command; with {@code --} where a destination or command word would otherwise be
     * read as an option. For running an ssh; never split these again in ctlmux.
     */
    public List<String> words() {
        List<String> out = new ArrayList<>();
        if (destination == null) {
            for (Option o : options) {
                o.addWords(out);
            }
            return out;
        }
        boolean dashDest = destination.length() > 1 && destination.charAt(0) == '-';
        for (Option o : options.subList(0, dashDest ? options.size() : optionsBeforeDestination)) {
            o.addWords(out);
        }
        if (dashDest) {
            out.add("--"); // no restart after the destination: the command follows verbatim
            out.add(destination);
            out.addAll(command);
            return out;
        }
        // ssh does not restart getopt when the word before the destination is "--", even an option's argument
        boolean restarts = out.isEmpty() || !out.get(out.size() - 1).equals("--");
        List<Option> after = options.subList(optionsBeforeDestination, options.size());
        if (!restarts && after.isEmpty()) {
            out.add(destination);
            out.addAll(command);
            return out;
        }
        if (!restarts) {
            for (Option o : after) {
                o.addWords(out); // now the word before the destination is not "--"
            }
            after = List.of();
        }
        out.add(destination);
        for (Option o : after) {
            o.addWords(out);
        }
        if (!command.isEmpty() && command.get(0).length() > 1 && command.get(0).charAt(0) == '-') {
            out.add("--");
        }
        out.addAll(command);
        return out;
    }
}
