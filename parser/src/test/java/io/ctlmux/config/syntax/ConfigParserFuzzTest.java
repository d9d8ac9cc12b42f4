package io.ctlmux.config.syntax;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ctlmux.config.text.SourceText;

/**
 * Any byte input parses without throwing, round-trips exactly, produces no ANTLR errors, and the grammar agrees with
 * OpenSSH's lexing except on the documented lexer limits. In {@code mvn verify} only the seed inputs run; fuzz with
 * {@code JAZZER_FUZZ=1 mvn -pl parser test -Dtest=ConfigParserFuzzTest}.
 */
class ConfigParserFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void parseAnyBytes(byte[] data) {
        SyntaxChecks.parseChecked(SourceText.ofBytes("fuzz", data));
    }
}
