package io.ctlmux.config.resolved;

/**
 * One message OpenSSH prints while reading the configuration, as a record: what kind of problem it is, where, and
 * OpenSSH's exact wording. The evaluator produces them; stderr text is rendered from them ({@link #text}) and lint
 * reads them directly.
 *
 * @param kind    what sort of message it is (stable; {@link Kind#id()} for output)
 * @param level   OpenSSH's log level for it: the one that ends a failed resolution is {@link Level#FATAL}
 * @param file    the file the message names (the name as ssh prints it, {@code command-line} for {@code -o}), or
 *                null when ssh names no location
 * @param line    the 1-based line it names, 0 when none ({@code command-line} is line 0)
 * @param column  the 1-based byte column of the line's keyword when known, else 0
 * @param text    the line exactly as ssh prints it, without the newline
 * @param subject the keyword, Match criterion or {@code %} token concerned (lower case), or empty
 * @param printed true when ssh prints it at the log levels in force ({@code LogLevel QUIET} hides error lines)
 */
public record Diagnostic(Kind kind, Level level, String file, int line, int column, String text, String subject,
        boolean printed) {

    /** OpenSSH's log levels for the messages of configuration reading. */
    public enum Level { FATAL, ERROR }

    /** Classes of messages. The names are stable; new kinds are added, never renamed. */
    public enum Kind {
        /** {@code Bad configuration option: X}: a keyword this release does not know (subject: the keyword). */
        BAD_OPTION,
        /** {@code Unsupported option "X"}: accepted with an error message, not fatal (subject: the keyword). */
        UNSUPPORTED_OPTION,
        /** any other rejection of a configuration line (a bad value, missing or extra arguments, bad quotes). */
        BAD_LINE,
        /** {@code Unsupported Match attribute X}, printed before the line's Bad Match condition (subject: X). */
        MATCH_ATTRIBUTE,
        /** a {@code %} token the expansion does not know (subject: {@code %x}). */
        UNKNOWN_TOKEN,
        /** {@code Too many recursive configuration includes}. */
        INCLUDE_DEPTH,
        /** {@code Bad owner or permissions on FILE}. */
        BAD_PERMISSIONS,
        /**
         * {@code Can't open user config file FILE: REASON}: a -F file or an Include that exists, or may, but cannot be
         * opened (REASON is the system's wording, e.g. Permission denied; subject: the file).
         */
        CANNOT_OPEN,
        /** {@code FILE: terminating, N bad configuration options}: the summary after the lines it counts. */
        TERMINATING,
        /** a warning that is not fatal (an identity file that is missing, a domain that does not resolve). */
        WARNING,
        /** every other message. */
        OTHER;

        /** The kind as a stable lower-case, hyphenated word (for JSON). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The same message, printed or not. */
    public Diagnostic withPrinted(boolean p) {
        return p == printed ? this : new Diagnostic(kind, level, file, line, column, text, subject, p);
    }

    /** True when ssh names the file and line ({@code FILE line N: ...} or {@code FILE: line N: ...}). */
    public boolean located() {
        return file != null && reasonStart() > 0;
    }

    /** The wording after the location prefix (all of {@link #text} for unlocated messages). */
    public String reason() {
        int at = reasonStart();
        return at > 0 ? text.substring(at).trim() : text;
    }

    private int reasonStart() {
        if (file == null) {
            return 0;
        }
        for (String sep : new String[] {" line ", ": line "}) {
            String prefix = file + sep + line + ":";
            if (text.startsWith(prefix)) {
                return prefix.length();
            }
        }
        return 0;
    }
}
