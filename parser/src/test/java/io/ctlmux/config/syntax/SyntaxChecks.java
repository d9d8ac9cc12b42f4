package io.ctlmux.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctlmux.config.text.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared assertions for the syntax tests. */
final class SyntaxChecks {
    private SyntaxChecks() {
    }

    /** Parses, checks the round trip, the absence of ANTLR errors, and that the grammar agrees with OpenSSH. */
    static ConfigFile parseChecked(SourceText source) {
        ConfigParser.Report r = ConfigParser.parseReport(source);
        assertEquals(source.text(), r.file().toText(), "round trip");
        assertEquals(List.of(), r.syntaxErrors(), "ANTLR errors");
        for (int n : r.grammarMismatches()) {
            Line line = r.file().lines().get(n - 1);
            assertTrue(ConfigParser.isKnownLexerLimit(source.text(), line.span().start(), line.span().end()),
                    () -> "grammar and OpenSSH disagree on line " + n + ": " + escape(line.text()));
        }
        assertEquals(r.file(), ConfigParser.parse(source), "parse() differs from the verified parse");
        int expectedOffset = 0;
        for (Line l : r.file().lines()) {
            assertEquals(expectedOffset, l.span().start());
            expectedOffset = l.span().end();
        }
        return r.file();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 32 || c > 126 || c == '\\') {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The shared real-world corpus, found by walking up from the working directory; null when absent. */
    static Path corpusDir() {
        return io.ctlmux.config.testing.Corpus.dir();
    }
}
