package io.ctlmux.config.syntax;

import io.ctlmux.config.text.SourceText;
import io.ctlmux.config.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the same tree as {@link ConfigParser#parse} straight from {@link OpenSshLexing}, without loading ANTLR
 * (tests check the two agree on the whole corpus and on random input). Used where start-up time matters, such as
 * {@code ctlmux check}, and by ConfigParser itself for the lines its grammar cannot express.
 */
public final class DirectParser {
    private DirectParser() {
    }

    public static ConfigFile parse(SourceText source) {
        String text = source.text();
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int lineNo = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? text.length() : lf + 1;
            lineNo++;
            lines.add(reference(source, lineNo, start, end));
            start = end;
        }
        return new ConfigFile(source, lines);
    }

    static Span span(SourceText source, int lineNo, int lineStart, int start, int end) {
        return new Span(source.name(), start, end, lineNo, start - lineStart + 1);
    }

    static Trivia trivia(SourceText source, int lineNo, int start, int end) {
        int eff = OpenSshLexing.effectiveEnd(source.text(), start, end);
        Trivia.Kind kind = Trivia.Kind.BLANK;
        for (int i = start; i < eff; i++) {
            if (!OpenSshLexing.isTrailing(source.text().charAt(i))) {
                kind = Trivia.Kind.COMMENT;
                break;
            }
        }
        return new Trivia(lineNo, span(source, lineNo, start, start, end), source.text().substring(start, end), kind);
    }

    /** The line as OpenSSH's own code sees it. */
    static Line reference(SourceText source, int lineNo, int start, int end) {
        String text = source.text();
        int eff = OpenSshLexing.effectiveEnd(text, start, end);
        if (eff == start) {
            return trivia(source, lineNo, start, end);
        }
        OpenSshLexing.Token kw = OpenSshLexing.strdelim(text, start, eff);
        if (kw != null && kw.value().isEmpty()) {
            kw = kw.next() < 0 ? null : OpenSshLexing.strdelim(text, kw.next(), eff);
        }
        if (kw == null || kw.value().isEmpty() || kw.value().charAt(0) == '\n' || kw.value().charAt(0) == '#') {
            return trivia(source, lineNo, start, end);
        }
        int restStart = kw.next() < 0 ? eff : OpenSshLexing.skipWhitespace(text, kw.next(), eff);
        List<Arg> args = new ArrayList<>();
        boolean invalid = false;
        String comment = "";
        if (restStart < eff) {
            OpenSshLexing.Split split = OpenSshLexing.argvSplit(text, restStart, eff);
            invalid = split.invalid();
            for (OpenSshLexing.RawArg a : split.args()) {
                args.add(new Arg(a.value(), span(source, lineNo, start, a.start(), a.end())));
            }
            if (split.commentStart() >= 0) {
                comment = text.substring(split.commentStart(), eff);
            }
        }
        return new Directive(lineNo, span(source, lineNo, start, start, end), text.substring(start, end), kw.value(),
                span(source, lineNo, start, kw.start(), kw.end()), text.substring(restStart, eff),
                span(source, lineNo, start, restStart, eff), args, invalid, comment);
    }
}
