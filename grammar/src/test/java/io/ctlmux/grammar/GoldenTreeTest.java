package io.ctlmux.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.RuleNode;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden token and tree dumps for the example inputs in {@code src/test/resources/corpus}: each {@code X.conf} has
 * {@code X.conf.tree} beside it. Regenerate with {@code mvn -pl grammar test -Dctlmux.regenerate=true}.
 */
class GoldenTreeTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".conf")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void treeMatchesGolden(Path conf) throws IOException {
        String text = new String(Files.readAllBytes(conf), StandardCharsets.ISO_8859_1);
        String dump = dump(text);
        Path golden = conf.resolveSibling(conf.getFileName() + ".tree");
        if (Boolean.getBoolean("ctlmux.regenerate")) {
            Files.writeString(golden, dump, StandardCharsets.ISO_8859_1);
        }
        assumeTrue(Files.exists(golden) || Boolean.getBoolean("ctlmux.regenerate"), "no golden file " + golden);
        assertEquals(Files.readString(golden, StandardCharsets.ISO_8859_1), dump, conf.toString());
    }

    @Test
    void realWorldCorpusTokensConcatenateToTheInput() throws IOException {
        Path dir = corpusDir();
        assumeTrue(dir != null, "shared/corpus/realworld not found above " + System.getProperty("user.dir"));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no .conf files in " + dir);
        for (Path p : files) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            Parsed parsed = parse(text);
            assertEquals(text, parsed.allText(), p.toString());
            assertEquals(List.of(), parsed.errors, p.toString());
        }
    }

    @Test
    void trickyInputsConcatenateToTheInput() {
        for (String text : List.of("", "\0", "\r\r\n", " \f", "\"", "User \"a\\", "\u00ef\u00bb\u00bfUser bob",
                "x".repeat(1 << 20), "K\f\f", "=\"", "K \\")) {
            Parsed parsed = parse(text);
            assertEquals(text, parsed.allText());
            assertEquals(List.of(), parsed.errors);
        }
    }

    @Test
    void noTokenIsEmpty() throws IOException {
        for (Path conf : examples().toList()) {
            String text = new String(Files.readAllBytes(conf), StandardCharsets.ISO_8859_1);
            for (Token t : parse(text).tokens.getTokens()) {
                assertFalse(t.getType() != Token.EOF && t.getText().isEmpty(), conf + ": empty " + t);
            }
        }
    }

    record Parsed(CommonTokenStream tokens, SshConfigParser.ConfigFileContext tree, List<String> errors) {
        String allText() {
            StringBuilder sb = new StringBuilder();
            for (Token t : tokens.getTokens()) {
                if (t.getType() != Token.EOF) {
                    sb.append(t.getText());
                }
            }
            return sb.toString();
        }
    }

    static Parsed parse(String text) {
        List<String> errors = new ArrayList<>();
        BaseErrorListener recorder = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object o, int line, int col, String msg, RecognitionException e) {
                errors.add(line + ":" + col + " " + msg);
            }
        };
        SshConfigLexer lexer = new SshConfigLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(recorder);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        SshConfigParser parser = new SshConfigParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(recorder);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        SshConfigParser.ConfigFileContext tree = parser.configFile();
        tokens.fill();
        return new Parsed(tokens, tree, errors);
    }

    /** Tokens (all channels), then the parse tree, then any errors; texts escaped so the dump is plain ASCII. */
    static String dump(String text) {
        Parsed parsed = parse(text);
        StringBuilder sb = new StringBuilder("# tokens\n");
        for (Token t : parsed.tokens.getTokens()) {
            sb.append(t.getLine()).append(':').append(t.getCharPositionInLine()).append(' ')
                    .append(SshConfigLexer.VOCABULARY.getSymbolicName(t.getType()))
                    .append(t.getChannel() == Token.HIDDEN_CHANNEL ? " (hidden)" : "");
            if (t.getType() != Token.EOF) {
                sb.append(' ').append(quote(t.getText()));
            }
            sb.append('\n');
        }
        sb.append("# tree\n");
        tree(parsed.tree, 0, sb);
        for (String e : parsed.errors) {
            sb.append("# error ").append(e).append('\n');
        }
        return sb.toString();
    }

    private static void tree(ParseTree node, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth));
        if (node instanceof TerminalNode t) {
            Token tok = t.getSymbol();
            sb.append(SshConfigLexer.VOCABULARY.getSymbolicName(tok.getType()));
            if (tok.getType() != Token.EOF) {
                sb.append(' ').append(quote(tok.getText()));
            }
            sb.append('\n');
            return;
        }
        sb.append(SshConfigParser.ruleNames[((RuleNode) node).getRuleContext().getRuleIndex()]).append('\n');
        for (int i = 0; i < node.getChildCount(); i++) {
            tree(node.getChild(i), depth + 1, sb);
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\f' -> b.append("\\f");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 32 || c > 126) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static Path corpusDir() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (; dir != null; dir = dir.getParent()) {
            for (Path c : List.of(dir.resolve("shared/corpus/realworld"), dir.resolve("../shared/corpus/realworld"))) {
                if (Files.isDirectory(c)) {
                    return c.normalize();
                }
            }
        }
        return null;
    }
}
