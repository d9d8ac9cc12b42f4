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

    /**
     * True for the line shapes SshConfigLexer.g4 documents as beyond its token boundaries: a line whose kept content
     * is a single FF, and an escaped space right before stripped trailing whitespace.
     */
    static boolean isKnownLexerLimit(String text, Line line) {
        int start = line.span().start();
        int end = line.span().end();
        int eff = OpenSshLexing.effectiveEnd(text, start, end);
        if (eff == start + 1 && text.charAt(start) == '\f') {
            return true;
        }
        return eff > start && eff < end && text.charAt(eff - 1) == '\\' && text.charAt(eff) == ' ';
    }

    /** Parses, checks the round trip, the absence of ANTLR errors, and that the grammar agrees with OpenSSH. */
    static ConfigFile parseChecked(SourceText source) {
        ConfigParser.Report r = ConfigParser.parseReport(source);
        assertEquals(source.text(), r.file().toText(), "round trip");
        assertEquals(List.of(), r.syntaxErrors(), "ANTLR errors");
        for (int n : r.grammarMismatches()) {
            Line line = r.file().lines().get(n - 1);
            assertTrue(isKnownLexerLimit(source.text(), line),
                    () -> "grammar and OpenSSH disagree on line " + n + ": " + escape(line.text()));
        }
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
