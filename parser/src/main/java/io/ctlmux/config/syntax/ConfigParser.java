package io.ctlmux.config.syntax;

import io.ctlmux.config.text.SourceText;
import io.ctlmux.config.text.Span;
import java.util.ArrayList;
import java.util.List;

/** Parses ssh_config text into a lossless {@link ConfigFile}. Never throws on any input. */
public final class ConfigParser {
    private ConfigParser() {
    }

    public static ConfigFile parse(SourceText source) {
        String text = source.text();
        String name = source.name();
        List<Line> lines = new ArrayList<>();
        int pos = 0;
        int lineNo = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl + 1;
            lineNo++;
            lines.add(line(text, name, pos, end, lineNo));
            pos = end;
        }
        return new ConfigFile(source, lines);
    }

    private static Line line(String text, String name, int start, int end, int lineNo) {
        Span whole = new Span(name, start, end, lineNo, 1);
        String raw = text.substring(start, end);
        int eff = OpenSshLexing.effectiveEnd(text, start, end);
        if (eff == start) {
            return new Trivia(lineNo, whole, raw, Trivia.Kind.BLANK);
        }
        OpenSshLexing.Token kw = OpenSshLexing.strdelim(text, start, eff);
        if (kw != null && kw.value().isEmpty() && kw.next() >= 0) {
            kw = OpenSshLexing.strdelim(text, kw.next(), eff);
        } else if (kw != null && kw.value().isEmpty()) {
            kw = null;
        }
        if (kw == null || kw.value().isEmpty() || kw.value().charAt(0) == '\n') {
            return new Trivia(lineNo, whole, raw, Trivia.Kind.BLANK);
        }
        if (kw.value().charAt(0) == '#') {
            return new Trivia(lineNo, whole, raw, Trivia.Kind.COMMENT);
        }
        Span kwSpan = new Span(name, kw.start(), kw.end(), lineNo, kw.start() - start + 1);
        int restStart = kw.next() < 0 ? eff : OpenSshLexing.skipWhitespace(text, kw.next(), eff);
        String rest = text.substring(restStart, eff);
        Span restSpan = new Span(name, restStart, eff, lineNo, restStart - start + 1);
        OpenSshLexing.Split split = OpenSshLexing.argvSplit(text, restStart, eff);
        List<Arg> args = new ArrayList<>();
        if (!split.invalid()) {
            for (OpenSshLexing.RawArg a : split.args()) {
                args.add(new Arg(a.value(), new Span(name, a.start(), a.end(), lineNo, a.start() - start + 1)));
            }
        }
        String comment = split.commentStart() >= 0 ? text.substring(split.commentStart(), eff) : "";
        return new Directive(lineNo, whole, raw, kw.value(), kwSpan, rest, restSpan, args, split.invalid(), comment);
    }
}
