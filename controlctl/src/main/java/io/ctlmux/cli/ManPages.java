package io.ctlmux.cli;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Manual pages (troff, man(7) macros) generated from the same picocli model as {@code --help}: one page for
 * {@code ctlmux} and one per subcommand ({@code ctlmux-check(1)}, ...). Written directly as troff rather than through
 * AsciiDoc and Asciidoctor, which would add a JRuby runtime of some 30 MB to the build for the same result.
 */
final class ManPages {
    private ManPages() {
    }

    /** File name (e.g. {@code ctlmux-check.1}) to page, for the root and every subcommand but {@code help}. */
    static Map<String, String> all(CommandLine root, String version) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("ctlmux.1", rootPage(root, version));
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help")) {
                pages.put("ctlmux-" + e.getKey() + ".1", commandPage(e.getValue(), version));
            }
        }
        return pages;
    }

    static String rootPage(CommandLine root, String version) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder sb = header("ctlmux", version);
        sb.append(".SH NAME\nctlmux \\- ").append(escape(text(spec.usageMessage().description()[0]))).append('\n');
        sb.append(".SH SYNOPSIS\n.B ctlmux\n.RI [ OPTIONS ]\n.I COMMAND\n.RI [ ARGS ...]\n");
        sb.append(".SH DESCRIPTION\n");
        paragraphs(sb, spec.usageMessage().description());
        sb.append(".PP\nEach command has its own page, e.g. \\fBctlmux\\-check\\fR(1), and prints its usage with "
                + "\\fB\\-\\-help\\fR.\n");
        sb.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            String[] d = e.getValue().getCommandSpec().usageMessage().description();
            sb.append(".TP\n\\fB").append(escape(e.getKey())).append("\\fR\n")
                    .append(escape(d.length == 0 ? "" : text(d[0]))).append(" See \\fBctlmux\\-")
                    .append(escape(e.getKey())).append("\\fR(1).\n");
        }
        options(sb, spec);
        exitStatus(sb);
        sb.append(".SH ENVIRONMENT\nRead by the \\fBctlmux\\fR launcher script:\n");
        for (String[] v : List.of(
                new String[] {"JAVA_HOME", "the JDK to run on (17 or newer); when unset, the newest JDK found"},
                new String[] {"CTLMUX_JAVA_HOME", "a JDK for ctlmux only; wins over JAVA_HOME"},
                new String[] {"CTLMUX_JAVA_OPTS", "extra JVM options, appended last"},
                new String[] {"CTLMUX_CACHE_DIR", "the start-up cache (default ${XDG_CACHE_HOME:-~/.cache}/ctlmux)"},
                new String[] {"CTLMUX_NO_CACHE", "1: no start-up cache"},
                new String[] {"CTLMUX_OPENSSH", "the OpenSSH dialect to reproduce when --openssh is not given"})) {
            sb.append(".TP\n.B ").append(escape(v[0])).append('\n').append(escape(v[1])).append('\n');
        }
        sb.append(".SH SEE ALSO\n");
        List<String> refs = new ArrayList<>();
        for (String n : root.getSubcommands().keySet()) {
            if (!n.equals("help")) {
                refs.add("\\fBctlmux\\-" + escape(n) + "\\fR(1)");
            }
        }
        refs.add("\\fBssh\\fR(1)");
        refs.add("\\fBssh_config\\fR(5)");
        sb.append(String.join(",\n", refs)).append('\n');
        return sb.toString();
    }

    static String commandPage(CommandLine cl, String version) {
        CommandSpec spec = cl.getCommandSpec();
        String name = spec.name();
        StringBuilder sb = header("ctlmux-" + name, version);
        String[] description = spec.usageMessage().description();
        sb.append(".SH NAME\nctlmux\\-").append(escape(name)).append(" \\- ")
                .append(escape(description.length == 0 ? "" : summary(text(description[0])))).append('\n');
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        String synopsis = help.synopsis(0).strip().replaceAll("\\s+", " ");
        sb.append(".SH SYNOPSIS\n").append(escape(synopsis)).append('\n');
        sb.append(".SH DESCRIPTION\n");
        paragraphs(sb, description);
        options(sb, spec);
        List<PositionalParamSpec> positionals = spec.positionalParameters();
        if (!positionals.isEmpty()) {
            sb.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : positionals) {
                sb.append(".TP\n.I ").append(escape(p.paramLabel())).append('\n')
                        .append(escape(joined(p.description()))).append('\n');
            }
        }
        String[] footer = spec.usageMessage().footer();
        if (footer.length > 0) {
            sb.append(".SH NOTES\n");
            paragraphs(sb, footer);
        }
        exitStatus(sb);
        sb.append(".SH SEE ALSO\n\\fBctlmux\\fR(1), \\fBssh\\fR(1), \\fBssh_config\\fR(5)\n");
        return sb.toString();
    }

    private static StringBuilder header(String title, String version) {
        return new StringBuilder(4096).append(".\\\" Generated from ctlmux's command definitions; do not edit.\n")
                .append(".TH \"").append(title.toUpperCase(Locale.ROOT)).append("\" \"1\" \"\" \"ctlmux ")
                .append(escape(version)).append("\" \"ctlmux Manual\"\n");
    }

    private static void options(StringBuilder sb, CommandSpec spec) {
        List<OptionSpec> options = spec.options();
        if (options.isEmpty()) {
            return;
        }
        sb.append(".SH OPTIONS\n");
        for (OptionSpec o : options) {
            if (o.hidden()) {
                continue;
            }
            StringBuilder names = new StringBuilder();
            for (String n : o.names()) {
                names.append(names.length() == 0 ? "" : ", ").append("\\fB").append(escape(n)).append("\\fR");
            }
            if (o.arity().max() > 0) {
                names.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            sb.append(".TP\n").append(names).append('\n').append(escape(joined(o.description()))).append('\n');
        }
    }

    private static void exitStatus(StringBuilder sb) {
        sb.append(".SH EXIT STATUS\nThe same for every ctlmux command:\n");
        for (Map.Entry<String, String> e : ExitCodes.table().entrySet()) {
            sb.append(".TP\n.B ").append(e.getKey()).append('\n').append(escape(e.getValue())).append('\n');
        }
    }

    private static void paragraphs(StringBuilder sb, String[] lines) {
        boolean open = false;
        for (String l : lines) {
            String t = text(l);
            if (t.isBlank()) {
                open = false;
                continue;
            }
            if (!open) {
                sb.append(".PP\n");
                open = true;
            }
            sb.append(escape(t)).append('\n');
        }
    }

    /** The first sentence or clause of a description, for the NAME line. */
    private static String summary(String text) {
        int end = text.length();
        for (String stop : new String[] {". ", ": ", "; "}) {
            int k = text.indexOf(stop);
            if (k > 0 && k < end) {
                end = k;
            }
        }
        String s = text.substring(0, end);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String joined(String[] lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(sb.length() == 0 ? "" : " ").append(text(l));
        }
        return sb.toString();
    }

    /** picocli treats help text as format strings ({@code %%}, {@code %n}); the page shows what the help shows. */
    private static String text(String s) {
        try {
            return String.format(Locale.ROOT, s).replace(System.lineSeparator(), " ");
        } catch (IllegalFormatException e) {
            return s;
        }
    }

    /** Text safe on a troff line: backslashes and hyphens escaped, no control character first. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                sb.append("\\e");
            } else if (c == '-') {
                sb.append("\\-");
            } else if (c == '\n') {
                sb.append(' ');
            } else if ((c == '.' || c == '\'') && (i == 0)) {
                sb.append("\\&").append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
