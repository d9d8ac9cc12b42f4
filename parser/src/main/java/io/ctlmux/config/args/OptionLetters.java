package io.ctlmux.config.args;

import io.ctlmux.config.keyword.Dialect;

/**
 * ssh's option letters: the getopt string of ssh.c's command-line loop, per release. The only copy in ctlmux;
 * everything that walks an ssh command line asks this table (through {@link SshCommandLine#parse}).
 *
 * <p>Checked against the sources (tags V_9_2_P1 to V_10_5_P1) and the installed Debian 9.2 binary
 * ({@code strings /usr/bin/ssh}):
 * <ul>
 * <li>9.2 (Debian's too): {@code -P} is a flag without an argument (it did nothing since privileged ports went);
 * {@code -w} takes the tunnel device.</li>
 * <li>9.4: {@code -P tag}.</li>
 * <li>10.5: {@code -Z} (print the public keys the connection would offer), a flag.</li>
 * </ul>
 */
public final class OptionLetters {
    /** 9.2p1's getopt string, Debian's 9.2p1 included. */
    static final String V9_2 = "1246ab:c:e:fgi:kl:m:no:p:qstvxAB:CD:E:F:GI:J:KL:MNO:PQ:R:S:TVw:W:XYy";
    /** 9.4p1 to 10.4p1: {@code -P} takes a tag. */
    static final String V9_4 = "1246ab:c:e:fgi:kl:m:no:p:qstvxAB:CD:E:F:GI:J:KL:MNO:P:Q:R:S:TVw:W:XYy";
    /** 10.5p1 (the string is reordered there; the only addition is the flag {@code -Z}). */
    static final String V10_5 = "1246ACGKMNTVXYZafgknqstvxyB:D:E:F:I:J:L:O:P:Q:R:S:W:b:c:e:i:l:m:o:p:w:";

    private OptionLetters() {
    }

    /** The getopt string of {@code dialect}'s ssh. */
    static String of(Dialect dialect) {
        return dialect.atLeast(10, 5) ? V10_5 : dialect.atLeast(9, 4) ? V9_4 : V9_2;
    }

    /** Whether {@code letter} is one of {@code dialect}'s ssh options (with or without an argument). */
    public static boolean isOption(char letter, Dialect dialect) {
        return letter != ':' && letter != '-' && of(dialect).indexOf(letter) >= 0;
    }

    /** Whether ssh option {@code letter} takes an argument in {@code dialect}. */
    public static boolean takesArgument(char letter, Dialect dialect) {
        String t = of(dialect);
        int at = letter == ':' || letter == '-' ? -1 : t.indexOf(letter);
        return at >= 0 && at + 1 < t.length() && t.charAt(at + 1) == ':';
    }
}
