package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLinesTest {
    private static final List<String> NAMES = List.of("help", "config", "explain", "path", "check", "stop", "exit",
            "forward", "cancel", "exec", "conninfo", "channels", "lint", "start", "ls", "prune", "demo", "completion");

    @Test
    void theWholeTreeListsEverySubcommandInOrder() {
        assertEquals(NAMES, List.copyOf(CommandLines.create().getSubcommands().keySet()));
        String usage = run(CommandLines.create(), "--help");
        for (String n : NAMES) {
            assertTrue(usage.contains("\n  " + n + " "), () -> n + " missing from\n" + usage);
        }
    }

    /** Building only the invoked subcommand must not change what it does: same help, same parse of ssh options. */
    @Test
    void aSingleSubcommandBehavesAsInTheWholeTree() {
        for (String n : NAMES) {
            if (n.equals("help")) {
                continue;
            }
            String[] args = {n, "--help"};
            CommandLine only = CommandLines.forArgs(args);
            assertEquals(List.of(n), List.copyOf(only.getSubcommands().keySet()));
            assertEquals(run(CommandLines.create(), args), run(only, args), n);
            CommandLine sub = only.getSubcommands().get(n);
            CommandLine full = CommandLines.create().getSubcommands().get(n);
            assertEquals(full.isUnmatchedOptionsArePositionalParams(), sub.isUnmatchedOptionsArePositionalParams(), n);
            assertEquals(full.isStopAtPositional(), sub.isStopAtPositional(), n);
        }
    }

    @Test
    void rootOptionsHelpAndUnknownNamesGetTheWholeTree() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "ls"},
                new String[] {"nosuch"}, new String[] {"-V"})) {
            assertEquals(NAMES, List.copyOf(CommandLines.forArgs(args).getSubcommands().keySet()), String.join(" ", args));
        }
    }

    private static String run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        cl.execute(args);
        return out.toString();
    }
}
