package io.ctlmux.config.match;

/**
 * OpenSSH wildcard patterns ({@code match.c}): {@code *} matches any run of chars, {@code ?} exactly one; no classes,
 * no escapes. Strings are one char per byte (ISO-8859-1, as {@code SourceText}), so matching is byte for byte.
 */
public final class Patterns {
    /** {@code match_pattern_list} copies each sub-pattern into a 1024-byte buffer; 1023 bytes or more fails the list. */
    static final int MAX_SUBPATTERN = 1023;

    private Patterns() {}

    /**
     * {@code match_pattern}: true if the whole of {@code s} matches {@code pattern}. Case-sensitive. Runs in
     * O(|s|·|pattern|) at worst (OpenSSH 10.4+ uses an NFA; older releases backtrack; the answers are the same).
     */
    public static boolean matchPattern(String s, String pattern) {
        int si = 0;
        int pi = 0;
        int n = s.length();
        int m = pattern.length();
        int starP = -1; // pattern index of the last '*' seen
        int starS = 0; // input index that '*' currently extends to
        while (si < n) {
            if (pi < m) {
                char pc = pattern.charAt(pi);
                if (pc == '*') {
                    starP = pi++;
                    starS = si;
                    continue;
                }
                if (pc == '?' || pc == s.charAt(si)) {
                    pi++;
                    si++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            // Let the last '*' swallow one more char and retry after it. Earlier stars never need revisiting.
            pi = starP + 1;
            si = ++starS;
        }
        while (pi < m && pattern.charAt(pi) == '*') {
            pi++;
        }
        return pi == m;
    }

    /**
     * {@code match_pattern_list}: {@code list} is comma-separated; a sub-pattern prefixed by one {@code !} is negated.
     * Returns -1 as soon as a negated sub-pattern matches, 1 if a plain one matched, else 0. A trailing comma adds no
     * empty sub-pattern, a leading or doubled one does. A sub-pattern of 1023 or more chars makes the result 0.
     * With {@code dolower} only the pattern is lower-cased (ASCII), never {@code s}.
     */
    public static int matchPatternList(String s, String list, boolean dolower) {
        int len = list.length();
        boolean positive = false;
        int i = 0;
        while (i < len) {
            boolean negated = list.charAt(i) == '!';
            if (negated) {
                i++;
            }
            int start = i;
            while (i < len && list.charAt(i) != ',' && i - start < MAX_SUBPATTERN) {
                i++;
            }
            if (i - start >= MAX_SUBPATTERN) {
                return 0;
            }
            String sub = list.substring(start, i);
            if (dolower) {
                sub = asciiLower(sub);
            }
            if (i < len) {
                i++; // the comma
            }
            if (matchPattern(s, sub)) {
                if (negated) {
                    return -1;
                }
                positive = true;
            }
        }
        return positive ? 1 : 0;
    }

    /** {@code match_hostname}: lower-cases {@code host} and the patterns (ASCII only), then {@link #matchPatternList}. */
    public static int matchHostname(String host, String list) {
        return matchPatternList(asciiLower(host), list, true);
    }

    /** Lower-cases A-Z only, like {@code tolower} on bytes in the C or a UTF-8 locale. */
    public static String asciiLower(String s) {
        return io.ctlmux.config.text.Ascii.lower(s);
    }
}
