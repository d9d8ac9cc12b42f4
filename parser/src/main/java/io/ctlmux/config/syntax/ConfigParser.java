package io.ctlmux.config.syntax;

import io.ctlmux.config.text.SourceText;
import io.ctlmux.config.text.Span;
import io.ctlmux.grammar.SshConfigLexer;
import io.ctlmux.grammar.SshConfigParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Parses ssh_config text into a lossless {@link ConfigFile}. Never throws on any input.
 *
 * <p>The ANTLR grammar gives the token boundaries (keyword, separator, arguments, comment, line end); values are
 * computed from the token texts as OpenSSH computes them. {@link OpenSshLexing}, a direct rendering of OpenSSH's
 * line lexing, answers for the few line shapes the lexer cannot express (see SshConfigLexer.g4) and for any line
 * ANTLR could not handle; the tests check the two agree everywhere else.
 */
public final class ConfigParser {
    private ConfigParser() {
    }

    public static ConfigFile parse(SourceText source) {
        return parseReport(source, false).file();
    }

    /** The same tree as {@link #parse}, without loading ANTLR: see {@link DirectParser#parse}. */
    public static ConfigFile parseDirect(SourceText source) {
        return DirectParser.parse(source);
    }

    /**
     * The parse with its bookkeeping: {@code syntaxErrors} from the ANTLR lexer and parser (expected empty for every
     * input), and, when verifying, the 1-based numbers of the lines where the grammar's answer differed from
     * OpenSSH's (expected only for {@link #isKnownLexerLimit} lines).
     */
    record Report(ConfigFile file, List<String> syntaxErrors, List<Integer> grammarMismatches) {
    }

    static Report parseReport(SourceText source) {
        return parseReport(source, true);
    }

    /**
     * Lines come from the grammar's tokens; a line the lexer cannot express, or any line when ANTLR reported an
     * error, comes from {@link OpenSshLexing}. With {@code verify} every line is computed both ways and compared.
     */
    static Report parseReport(SourceText source, boolean verify) {
        String text = source.text();
        List<String> errors = new ArrayList<>();
        List<SshConfigParser.LineContext> treeLines = treeLines(text, errors);
        List<Line> lines = new ArrayList<>();
        List<Integer> mismatches = new ArrayList<>();
        int start = 0;
        int lineNo = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? text.length() : lf + 1;
            lineNo++;
            Line fromTree = treeLines != null && lineNo - 1 < treeLines.size()
                    ? fromTree(source, lineNo, start, end, treeLines.get(lineNo - 1))
                    : null;
            Line line;
            if (verify) {
                line = DirectParser.reference(source, lineNo, start, end);
                if (!line.equals(fromTree)) {
                    mismatches.add(lineNo);
                }
            } else if (fromTree == null || isKnownLexerLimit(text, start, end)) {
                line = DirectParser.reference(source, lineNo, start, end);
            } else {
                line = fromTree;
            }
            lines.add(line);
            start = end;
        }
        return new Report(new ConfigFile(source, lines), List.copyOf(errors), List.copyOf(mismatches));
    }

    /**
     * The line shapes SshConfigLexer.g4 documents as beyond its token boundaries: kept content that is a single FF
     * (OpenSSH never strips the first byte), and an escaped space right before whitespace OpenSSH strips.
     */
    static boolean isKnownLexerLimit(String text, int start, int end) {
        int eff = OpenSshLexing.effectiveEnd(text, start, end);
        if (eff == start + 1 && text.charAt(start) == '\f') {
            return true;
        }
        return eff > start && eff < end && text.charAt(eff - 1) == '\\' && text.charAt(eff) == ' ';
    }

    /** The grammar's line contexts, one per physical line; null when lexing or parsing reported an error. */
    private static List<SshConfigParser.LineContext> treeLines(String text, List<String> errors) {
        BaseErrorListener recorder = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                    RecognitionException e) {
                if (errors.size() < 100) {
                    errors.add(line + ":" + column + ": " + msg);
                }
            }
        };
        try {
            SshConfigLexer lexer = new SshConfigLexer(CharStreams.fromString(text));
            lexer.removeErrorListeners();
            lexer.addErrorListener(recorder);
            SshConfigParser parser = new SshConfigParser(new CommonTokenStream(lexer));
            parser.removeErrorListeners();
            parser.addErrorListener(recorder);
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            SshConfigParser.ConfigFileContext tree = parser.configFile();
            if (!errors.isEmpty()) {
                return null;
            }
            List<SshConfigParser.LineContext> lines = new ArrayList<>();
            for (int i = 0; i < tree.getChildCount(); i++) {
                if (tree.getChild(i) instanceof SshConfigParser.LineContext l) {
                    lines.add(l);
                }
            }
            return lines;
        } catch (RuntimeException e) {
            errors.add("parser failure: " + e);
            return null;
        }
    }


    /** The line as the grammar's tokens give it. */
    private static Line fromTree(SourceText source, int lineNo, int start, int end, SshConfigParser.LineContext ctx) {
        String text = source.text();
        SshConfigParser.DirectiveContext d = ctx.directive();
        if (ctx.junk() != null) {
            return null;
        }
        if (d == null) {
            return DirectParser.trivia(source, lineNo, start, end);
        }
        SshConfigParser.KeywordContext k = d.keyword();
        Token kwTok = k.KEYWORD().getSymbol();
        String kwText = kwTok.getText();
        int quote = kwText.indexOf('"');
        String keyword = quote < 0 ? kwText : kwText.substring(0, quote) + kwText.substring(quote + 1, kwText.length() - 1);
        int kwEnd = kwTok.getStopIndex() + 1;
        if (k.KEYWORD_FF() != null) {
            keyword += k.KEYWORD_FF().getText();
            kwEnd = k.KEYWORD_FF().getSymbol().getStopIndex() + 1;
        }
        List<Arg> args = new ArrayList<>();
        boolean invalid = false;
        int restStart = -1;
        int restEnd = -1;
        if (d.arguments() != null) {
            for (SshConfigParser.ArgumentContext a : d.arguments().argument()) {
                int as = a.start.getStartIndex();
                int ae = a.stop.getStopIndex() + 1;
                if (restStart < 0) {
                    restStart = as;
                }
                restEnd = ae;
                OpenSshLexing.Split one = OpenSshLexing.argvSplit(text, as, ae);
                if (one.invalid() || !a.ARG_UNTERMINATED().isEmpty()) {
                    invalid = true;
                } else if (one.args().size() == 1 && one.commentStart() < 0) {
                    args.add(new Arg(one.args().get(0).value(), DirectParser.span(source, lineNo, start, as, ae)));
                } else {
                    return null;
                }
            }
        }
        String comment = "";
        if (d.comment() != null) {
            Token c = d.comment().COMMENT().getSymbol();
            comment = c.getText();
            if (restStart < 0) {
                restStart = c.getStartIndex();
            }
            restEnd = c.getStopIndex() + 1;
        }
        if (invalid) {
            // An unterminated quote runs to the line end in the lexer; OpenSSH has stripped trailing whitespace.
            args.clear();
            comment = "";
            restEnd = Math.min(restEnd, OpenSshLexing.effectiveEnd(text, start, end));
        }
        if (restStart < 0) {
            restStart = OpenSshLexing.effectiveEnd(text, start, end);
            restEnd = restStart;
        }
        return new Directive(lineNo, DirectParser.span(source, lineNo, start, start, end), text.substring(start, end), keyword,
                DirectParser.span(source, lineNo, start, kwTok.getStartIndex(), kwEnd), text.substring(restStart, restEnd),
                DirectParser.span(source, lineNo, start, restStart, restEnd), args, invalid, comment);
    }
}
