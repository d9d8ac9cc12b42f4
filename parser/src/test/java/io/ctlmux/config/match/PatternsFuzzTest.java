package io.ctlmux.config.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link Patterns}. Input bytes are {@code subject NUL pattern}, one char per byte. In a normal build only the
 * seeds under {@code PatternsFuzzTestInputs/} run; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class PatternsFuzzTest {
    private static final int MAX_REFERENCE_LEN = 64;

    @FuzzTest(maxDuration = "30s")
    void matchPattern(byte[] data) {
        String all = new String(data, StandardCharsets.ISO_8859_1);
        int nul = all.indexOf('\0');
        String s = nul < 0 ? all : all.substring(0, nul);
        String p = nul < 0 ? "" : all.substring(nul + 1);
        boolean got = Patterns.matchPattern(s, p);
        if (s.length() <= MAX_REFERENCE_LEN && p.length() <= MAX_REFERENCE_LEN) {
            assertEquals(PatternReference.matches(s, p), got, () -> "s=\"" + s + "\" p=\"" + p + "\"");
        }
        int list = Patterns.matchPatternList(s, p, false);
        assertTrue(list >= -1 && list <= 1);
        if (!p.isEmpty() && p.indexOf(',') < 0 && p.indexOf('!') < 0 && p.length() < Patterns.MAX_SUBPATTERN) {
            // one plain sub-pattern (an empty list has none, so it gives 0)
            assertEquals(got ? 1 : 0, list);
        }
        int lower = Patterns.matchPatternList(s, p, true);
        assertTrue(lower >= -1 && lower <= 1);
    }
}
