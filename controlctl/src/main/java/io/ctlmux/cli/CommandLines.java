package io.ctlmux.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds the picocli command line with the parser settings the mux subcommands need. picocli reads every
 * subcommand's annotations by reflection when it is registered, which is most of a short command's start-up; so
 * {@link #forArgs} registers only the subcommand that {@code args} invoke, and the whole tree only when it is needed
 * (root options, {@code help}, an unknown name).
 */
public final class CommandLines {
    /** Every subcommand, in the order {@code ctlmux --help} lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
        SUBCOMMANDS.put("config", ConfigCommand::new);
        SUBCOMMANDS.put("explain", ExplainCommand::new);
        SUBCOMMANDS.put("path", PathCommand::new);
        SUBCOMMANDS.put("check", CheckCommand::new);
        SUBCOMMANDS.put("stop", StopCommand::new);
        SUBCOMMANDS.put("exit", ExitCommand::new);
        SUBCOMMANDS.put("forward", ForwardCommand::new);
        SUBCOMMANDS.put("cancel", CancelCommand::new);
        SUBCOMMANDS.put("exec", ExecCommand::new);
        SUBCOMMANDS.put("conninfo", ConninfoCommand::new);
        SUBCOMMANDS.put("channels", ChannelsCommand::new);
        SUBCOMMANDS.put("lint", LintCommand::new);
        SUBCOMMANDS.put("start", StartCommand::new);
        SUBCOMMANDS.put("ls", LsCommand::new);
        SUBCOMMANDS.put("prune", PruneCommand::new);
        SUBCOMMANDS.put("demo", DemoCommand::new);
        SUBCOMMANDS.put("completion", CompletionCommand::new);
    }

    /** Subcommands whose unknown options are ssh's own (-F cfg, -o K=V, -p 22, ...), split by SshCommandLine. */
    private static final Set<String> TAKE_SSH_OPTIONS = Set.of("check", "stop", "exit", "forward", "cancel", "exec",
            "conninfo", "channels", "config", "explain", "path", "start", "ls", "prune");

    private CommandLines() {
    }

    /** The whole command tree (tests use it with their own writers). */
    public static CommandLine create() {
        CommandLine cl = root();
        for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
            add(cl, e.getKey(), e.getValue());
        }
        return cl;
    }

    /** The root with only the subcommand {@code args[0]} names, or the whole tree when that is not a plain subcommand. */
    public static CommandLine forArgs(String[] args) {
        String name = args.length == 0 ? null : args[0];
        Supplier<Object> only = name == null || name.equals("help") ? null : SUBCOMMANDS.get(name);
        if (only == null) {
            return create();
        }
        CommandLine cl = root();
        add(cl, name, only);
        return cl;
    }

    /** Runs {@code args} through {@link #forArgs} with these writers; returns the exit code. */
    static int execute(String[] args, java.io.PrintWriter out, java.io.PrintWriter err) {
        CommandLine cl = forArgs(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    private static CommandLine root() {
        CommandLine cl = new CommandLine(new CtlMux());
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler(new UnexpectedErrors());
        exitCodeTable(cl);
        return cl;
    }

    /** The one exit-status table ({@link ExitCodes}) at the end of a command's help. */
    private static void exitCodeTable(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status (all ctlmux commands):%n")
                .exitCodeList(ExitCodes.table());
    }

    /** A bad option or argument: one line saying what, one saying where to look; exit {@link ExitCodes#USAGE}. */
    private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine c = e.getCommandLine();
            java.io.PrintWriter err = c.getErr();
            Failures.usage(e.getMessage(), err);
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCodes.USAGE;
        }
    }

    /** An exception a command did not handle: one line through {@link Failures}, no stack trace. */
    private static final class UnexpectedErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine c, CommandLine.ParseResult parsed) {
            return Failures.unexpected(c.getCommandName(), e, c.getErr());
        }
    }

    private static void add(CommandLine root, String name, Supplier<Object> command) {
        CommandLine sub = new CommandLine(command.get());
        root.addSubcommand(name, sub);
        exitCodeTable(sub);
        if (TAKE_SSH_OPTIONS.contains(name)) {
            sub.setUnmatchedOptionsArePositionalParams(true);
        }
        if (name.equals("exec")) {
            ExecCommand.configure(sub);
        }
    }
}
