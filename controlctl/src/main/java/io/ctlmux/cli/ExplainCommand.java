package io.ctlmux.cli;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.resolved.ResolvedValue;
import io.ctlmux.config.text.Span;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctlmux explain}: each effective value, the line that set it and the lines it shadowed. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain where each effective option comes from (file:line), what it shadowed, and "
                + "which blocks were active.",
        footer = {"", "Keywords to explain may follow the destination: ctlmux explain -F cfg host user port"})
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ResolveOptions resolve;
    @Option(names = "--json", description = "Print {options: [{keyword, value, source}], blocks: [{file, line}], "
            + "skippedExec} (source as in config --json); the options listed are those the text lists.")
    boolean json;
    @Parameters(paramLabel = "SSH_ARGS", description = "ssh options, the destination, then optional keywords.")
    List<String> args;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SshCommandLine line;
        try {
            line = resolve.split(args);
        } catch (IllegalArgumentException e) {
            return Failures.usage(e.getMessage(), spec.commandLine().getErr());
        }
        // ssh's options, the destination, more options; the words after them (ssh's command) name keywords
        Set<String> keywords = new LinkedHashSet<>();
        for (String k : line.command()) {
            keywords.add(k.toLowerCase(Locale.ROOT));
        }
        SshConfig.Resolution r;
        try {
            r = resolve.resolve(line.withoutCommand(), spec.commandLine().getErr());
        } catch (ExitStatus e) {
            return e.code;
        }
        Set<Span> blocks = new LinkedHashSet<>();
        StringBuilder options = new StringBuilder();
        for (ResolvedValue v : r.options().values()) {
            Provenance p = v.provenance();
            if (p.block() != null) {
                blocks.add(p.block());
            }
            if (!keywords.isEmpty() && !keywords.contains(v.keyword().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (keywords.isEmpty() && p.origin() == Provenance.Origin.DEFAULT) {
                continue;
            }
            if (json) {
                options.append(options.length() == 0 ? "\n  " : ",\n  ").append(Json.option(v));
                continue;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(v.render()).append("\n    from ").append(Json.where(p));
            if (p.block() != null) {
                sb.append(" (block at line ").append(p.block().line()).append(')');
            }
            for (Span sp : p.shadowed()) {
                sb.append("\n    shadows ").append(sp.file()).append(':').append(sp.line());
            }
            out.println(sb);
        }
        if (json) {
            StringBuilder sb = new StringBuilder("{\"options\":[").append(options)
                    .append(options.length() == 0 ? "]" : "\n]").append(",\"blocks\":[");
            boolean first = true;
            for (Span b : blocks) {
                sb.append(first ? "" : ",").append(Json.span(b));
                first = false;
            }
            Json.print(out, sb.append("],\"skippedExec\":").append(Json.strings(r.result().skippedExecs()))
                    .append('}').toString());
            return ExitCodes.OK;
        }
        if (keywords.isEmpty()) {
            out.println("(options not listed have OpenSSH's default values; name keywords to see them)");
        }
        if (!blocks.isEmpty()) {
            out.println("active blocks that set values:");
            for (Span b : blocks) {
                out.println("    " + b.file() + ":" + b.line());
            }
        }
        for (String sk : r.result().skippedExecs()) {
            out.println("not run (--no-exec): Match exec " + sk);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
