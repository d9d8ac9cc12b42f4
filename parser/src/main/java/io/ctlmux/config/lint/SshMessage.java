package io.ctlmux.config.lint;

/**
 * A line OpenSSH printed while resolving a destination, mapped back to the file and line it is about.
 *
 * @param target      the release that printed it
 * @param destination the destination being resolved
 * @param file        the config file (the top file when OpenSSH gave no location)
 * @param line        1-based line
 * @param column      1-based column of the keyword
 * @param text        OpenSSH's reason, without the location prefix (preceding detail lines appended)
 * @param kind        what sort of rejection it is
 * @param subject     the keyword, Match criterion or token concerned (lower case), or empty
 * @param located     false when OpenSSH printed no location and lint guessed the line
 */
public record SshMessage(Target target, String destination, String file, int line, int column, String text,
        Kind kind, String subject, boolean located) {
    /** Classes of messages; each is reported by one rule. */
    public enum Kind {
        /** Bad configuration option: a keyword no release knows. */
        UNKNOWN_KEYWORD,
        /** a keyword, Match criterion or token newer than the target. */
        TOO_NEW,
        /** a vendor keyword (UseKeychain) on a platform that lacks it. */
        PLATFORM,
        /** "Unsupported option": accepted with an error message, not fatal. */
        UNSUPPORTED,
        /** Include recursion or depth. */
        INCLUDE,
        /** every other rejection. */
        OTHER
    }
}
