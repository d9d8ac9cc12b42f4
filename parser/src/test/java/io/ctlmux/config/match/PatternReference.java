package io.ctlmux.config.match;

/** A plainly correct glob matcher (dynamic programming over prefixes) to check {@link Patterns} against. */
final class PatternReference {
    private PatternReference() {}

    static boolean matches(String s, String p) {
        int n = s.length();
        int m = p.length();
        // ok[j] = pattern prefix of length j matches the input prefix consumed so far
        boolean[] ok = new boolean[m + 1];
        ok[0] = true;
        for (int j = 1; j <= m; j++) {
            ok[j] = ok[j - 1] && p.charAt(j - 1) == '*';
        }
        for (int i = 1; i <= n; i++) {
            boolean[] next = new boolean[m + 1];
            for (int j = 1; j <= m; j++) {
                char pc = p.charAt(j - 1);
                if (pc == '*') {
                    next[j] = next[j - 1] || ok[j];
                } else {
                    next[j] = ok[j - 1] && (pc == '?' || pc == s.charAt(i - 1));
                }
            }
            ok = next;
        }
        return ok[m];
    }
}
