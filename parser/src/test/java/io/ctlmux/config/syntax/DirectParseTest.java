package io.ctlmux.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.text.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link ConfigParser#parseDirect} (no ANTLR, used by start-up sensitive commands) must give the grammar's tree. */
class DirectParseTest {
    private static void same(SourceText s) {
        assertEquals(ConfigParser.parse(s), ConfigParser.parseDirect(s), s.name());
    }

    @Test
    void corpusFilesGiveTheSameTreeBothWays() throws Exception {
        Path dir = io.ctlmux.config.testing.Corpus.dir();
        assumeTrue(dir != null, "shared/corpus/realworld not found: skipped");
        int n = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
                same(SourceText.ofBytes(f.toString(), Files.readAllBytes(f)));
                n++;
            }
        }
        assertEquals(283, n);
    }

    @Test
    void trickyAndRandomInputsGiveTheSameTreeBothWays() {
        for (String t : List.of("User bob # c\n", "Port 22#c\r\n", "User=foo=bar", "User == bob\n", "\"User\" bob\n",
                "=User bob\n", "\uFEFFUser bob\n", "User a\u0000b\nPort 1\n", "\f\n", "User a\\ \n", "\r\r\n",
                "Host \"a b\" c\n  User 'x y'\n", "Match exec \"true\" host a\n")) {
            same(SourceText.of("t", t));
        }
        Random r = new Random(42);
        String alphabet = " \t\r\n\f=\"'\\#aU\u0000";
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(40);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            same(SourceText.of("r" + i, sb.toString()));
        }
    }
}
