package io.ctlmux.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.text.SourceText;
import io.ctlmux.config.text.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigParserTest {

    private static Directive directive(String text) {
        ConfigFile f = SyntaxChecks.parseChecked(SourceText.of("t.conf", text));
        return assertInstanceOf(Directive.class, f.lines().get(0));
    }

    /** Lexing corner cases from the reference, sections 2 and 8: line, keyword, args, rest, comment. */
    static Stream<Arguments> directives() {
        return Stream.of(
                Arguments.of("User bob # c\n", "User", List.of("bob"), "bob # c", "# c"),
                Arguments.of("Port 22#c\n", "Port", List.of("22#c"), "22#c", ""),
                Arguments.of("User=foo=bar\n", "User", List.of("foo=bar"), "foo=bar", ""),
                Arguments.of("User == bob\n", "User", List.of("=", "bob"), "= bob", ""),
                Arguments.of("User =bob\n", "User", List.of("bob"), "bob", ""),
                Arguments.of("User\t=\t=bob\n", "User", List.of("=bob"), "=bob", ""),
                Arguments.of("\"User\" bob\n", "User", List.of("bob"), "bob", ""),
                Arguments.of("\"Us er\" bob\n", "Us er", List.of("bob"), "bob", ""),
                Arguments.of("\"User\"=bob\n", "User", List.of("=bob"), "=bob", ""),
                Arguments.of("Us\"er\"x bob\n", "User", List.of("x", "bob"), "x bob", ""),
                Arguments.of("\"\"User bob\n", "User", List.of("bob"), "bob", ""),
                Arguments.of("=User bob\n", "User", List.of("bob"), "bob", ""),
                Arguments.of(" = User bob\n", "User", List.of("bob"), "bob", ""),
                Arguments.of("User bob\r\n", "User", List.of("bob"), "bob", ""),
                Arguments.of("User bob\r\r\n", "User", List.of("bob"), "bob", ""),
                Arguments.of("User bob \f\t\r\n", "User", List.of("bob"), "bob", ""),
                Arguments.of("User bob", "User", List.of("bob"), "bob", ""),
                Arguments.of("User bob \r", "User", List.of("bob"), "bob", ""),
                Arguments.of("\u00ef\u00bb\u00bfUser bob\n", "\u00ef\u00bb\u00bfUser", List.of("bob"), "bob", ""),
                Arguments.of("User a\rPort 7\n", "User", List.of("a\rPort", "7"), "a\rPort 7", ""),
                Arguments.of("User a \r b\n", "User", List.of("a", "\r", "b"), "a \r b", ""),
                Arguments.of("User\rbob\n", "User", List.of("bob"), "bob", ""),
                Arguments.of("User\f bob\n", "User\f", List.of("bob"), "bob", ""),
                Arguments.of("User \fbob\n", "User", List.of("\fbob"), "\fbob", ""),
                Arguments.of("User bob \0 junk # x\n", "User", List.of("bob"), "bob", ""),
                Arguments.of("User #bob\n", "User", List.of(), "#bob", "#bob"),
                Arguments.of("User \"#bob\"\n", "User", List.of("#bob"), "\"#bob\"", ""),
                Arguments.of("User a\\tb\n", "User", List.of("a\\tb"), "a\\tb", ""),
                Arguments.of("User a\"b c\"d\n", "User", List.of("ab cd"), "a\"b c\"d", ""),
                Arguments.of("ProxyCommand nc %h %p # comment\n", "ProxyCommand", List.of("nc", "%h", "%p"),
                        "nc %h %p # comment", "# comment"),
                Arguments.of("ProxyCommand=nc  \"%h\"   %p\n", "ProxyCommand", List.of("nc", "%h", "%p"),
                        "nc  \"%h\"   %p", ""),
                Arguments.of("Bogus\n", "Bogus", List.of(), "", ""),
                Arguments.of("User =\n", "User", List.of(), "", ""),
                Arguments.of("User= \n", "User", List.of(), "", ""),
                Arguments.of("Host a#b\n", "Host", List.of("a#b"), "a#b", ""),
                Arguments.of("\f\n", "\f", List.of(), "", ""),
                Arguments.of("User a\\ \n", "User", List.of("a\\"), "a\\", ""),
                Arguments.of("User \\\\ \n", "User", List.of("\\"), "\\\\", ""));
    }

    @ParameterizedTest
    @MethodSource("directives")
    void directivesMatchOpenSsh(String text, String keyword, List<String> args, String rest, String comment) {
        Directive d = directive(text);
        assertEquals(keyword, d.keyword());
        assertEquals(args, d.args().stream().map(Arg::value).toList());
        assertEquals(rest, d.rest());
        assertEquals(comment, d.trailingComment());
        assertFalse(d.invalidQuotes());
    }

    @Test
    void bomIsPartOfTheKeyword() {
        assertEquals("\u00ef\u00bb\u00bfuser", directive("\u00ef\u00bb\u00bfUser bob\n").keywordLower());
    }

    @Test
    void unterminatedQuoteInArgumentsIsInvalid() {
        Directive d = directive("ProxyCommand sh -c \"echo hi\n");
        assertTrue(d.invalidQuotes());
        assertEquals(List.of(), d.args());
        assertEquals("sh -c \"echo hi", d.rest());
    }

    static Stream<Arguments> trivia() {
        return Stream.of(
                Arguments.of("\n", Trivia.Kind.BLANK),
                Arguments.of("   \t\r\n", Trivia.Kind.BLANK),
                Arguments.of(" \f\n", Trivia.Kind.BLANK),
                Arguments.of("\0User bob\n", Trivia.Kind.BLANK),
                Arguments.of("# comment\n", Trivia.Kind.COMMENT),
                Arguments.of("  # User bob\n", Trivia.Kind.COMMENT),
                Arguments.of("#User=bob", Trivia.Kind.COMMENT),
                Arguments.of("\"#x\" y\n", Trivia.Kind.COMMENT),
                Arguments.of("==User bob\n", Trivia.Kind.COMMENT),
                Arguments.of("\"User bob\n", Trivia.Kind.COMMENT),
                Arguments.of("\"\"\n", Trivia.Kind.COMMENT),
                Arguments.of("= =User\n", Trivia.Kind.COMMENT));
    }

    @ParameterizedTest
    @MethodSource("trivia")
    void ignoredLinesAreTrivia(String text, Trivia.Kind kind) {
        ConfigFile f = SyntaxChecks.parseChecked(SourceText.of("t.conf", text));
        assertEquals(kind, assertInstanceOf(Trivia.class, f.lines().get(0)).kind());
    }

    @Test
    void spansCarryFileOffsetsLineAndColumn() {
        ConfigFile f = SyntaxChecks.parseChecked(SourceText.of("cfg", "Host x\n  User  bob # c\n"));
        Directive d = f.directives().get(1);
        assertEquals(2, d.lineNumber());
        assertEquals(new Span("cfg", 7, 23, 2, 1), d.span());
        assertEquals(new Span("cfg", 9, 13, 2, 3), d.keywordSpan());
        assertEquals(new Span("cfg", 15, 18, 2, 9), d.args().get(0).span());
        assertEquals(new Span("cfg", 15, 22, 2, 9), d.restSpan());
        assertEquals("  User  bob # c\n", d.text());
    }

    @Test
    void linesSplitOnLfOnly() {
        ConfigFile f = SyntaxChecks.parseChecked(SourceText.of("t", "A 1\r\nB 2\rC 3\n\nD 4"));
        assertEquals(4, f.lines().size());
        assertEquals(List.of("A", "B", "D"), f.directives().stream().map(Directive::keyword).toList());
        assertEquals(List.of("2\rC", "3"), f.directives().get(1).args().stream().map(Arg::value).toList());
        assertEquals(0, SyntaxChecks.parseChecked(SourceText.of("t", "")).lines().size());
    }

    static Stream<String> tricky() {
        String big = "x".repeat(1 << 20);
        return Stream.of("", "\n", "\n\n", "User bob", "User bob\r\n", "\r\r\n", "\u00ef\u00bb\u00bfUser bob\n",
                "User bob\0rest\nPort 22\n", "\0", "\0\n\0", "\"", "'", "\\", "=", "==", "\f", "\f\f", " \f",
                "User " + big + "\n", "ProxyCommand " + big, "#" + big, "\"" + big, "a b\\",
                "K \"a\\", "K a\\\0", "K '\\''\n", "Host *\n\tUser \"a b\" 'c d' e\\ f\n");
    }

    @ParameterizedTest
    @MethodSource("tricky")
    void trickyInputsRoundTrip(String text) {
        SyntaxChecks.parseChecked(SourceText.of("t", text));
    }

    @Test
    void longLineKeepsItsArgument() {
        String big = "y".repeat(1 << 20);
        assertEquals(List.of(big), directive("User " + big + "\n").args().stream().map(Arg::value).toList());
    }

    @Test
    void randomBytesRoundTripAndAgreeWithOpenSsh() {
        char[] alphabet = " \t\r\n\f\0=\"'\\#aUb".toCharArray();
        Random random = new Random(20240521L);
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) {
                sb.append(random.nextInt(8) == 0 ? (char) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)]);
            }
            String text = sb.toString();
            try {
                SyntaxChecks.parseChecked(SourceText.of("r", text));
            } catch (AssertionError e) {
                throw new AssertionError("input " + SyntaxChecks.escape(text) + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void realWorldCorpusRoundTripsWithoutGrammarMismatch() throws IOException {
        Path dir = SyntaxChecks.corpusDir();
        assumeTrue(dir != null, "shared/corpus/realworld not found above " + System.getProperty("user.dir"));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no .conf files in " + dir);
        for (Path p : files) {
            SourceText src = SourceText.ofBytes(p.toString(), Files.readAllBytes(p));
            ConfigParser.Report r = ConfigParser.parseReport(src);
            assertEquals(src.text(), r.file().toText(), p.toString());
            assertEquals(List.of(), r.syntaxErrors(), p.toString());
            assertEquals(List.of(), r.grammarMismatches(), p.toString());
        }
    }
}
