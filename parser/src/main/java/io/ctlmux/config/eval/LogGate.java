package io.ctlmux.config.eval;

import io.ctlmux.config.resolved.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Which messages ssh actually prints. ssh.c sets up logging twice: after the command line (at the level -q, -v or
 * {@code -o LogLevel} gave, else INFO) and again after the config checks (at the final LogLevel). Messages from
 * before the first set-up are always printed; later error lines need ERROR or more, fatal ones FATAL or more, at
 * the level in force when they were logged. Every message ctlmux collects is an error line except the fatal
 * one that ends a failed resolution.
 */
final class LogGate {
    static final int QUIET = 0;
    static final int FATAL = 1;
    static final int ERROR = 2;
    static final int INFO = 3;

    private int phase1At = -1;
    private int phase2At = -1;
    private int level1 = INFO;
    private int level2 = INFO;
    private int ttyNoticeAt = -1;
    private boolean ttyNoticeAlways;

    /** The first log set-up: {@code linesSoFar} messages were logged before it, {@code logLevel} is -q/-v/-o's. */
    void commandLineSetUp(int linesSoFar, String logLevel) {
        phase1At = linesSoFar;
        level1 = level(logLevel);
    }

    /** The second set-up, at the configured LogLevel. */
    void finalSetUp(int linesSoFar, String logLevel) {
        phase2At = linesSoFar;
        level2 = level(logLevel);
    }

    /**
     * ssh logs the pseudo-terminal notice ({@link io.ctlmux.config.resolved.MessageRoute#TTY_NOTICE}) after {@code printedSoFar} printed
     * lines; {@code always}: even when stdin is a terminal.
     */
    void ttyNotice(int printedSoFar, boolean always) {
        ttyNoticeAt = printedSoFar;
        ttyNoticeAlways = always;
    }

    int ttyNoticeAt() {
        return ttyNoticeAt;
    }

    boolean ttyNoticeAlways() {
        return ttyNoticeAlways;
    }

    /** How many messages were logged before the first set-up, or -1 before it. */
    int commandLineSetUpAt() {
        return phase1At;
    }

    /** The final log level (for messages logged after resolution, such as the -G dump's). */
    int finalLevel() {
        return phase2At < 0 ? level1 : level2;
    }

    /**
     * {@code messages}, each marked whether ssh prints it; when {@code endsWithFatal} the last one is the fatal message,
     * logged in the phase in force now.
     */
    List<Diagnostic> mark(List<Diagnostic> messages, boolean endsWithFatal) {
        List<Diagnostic> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            boolean fatal = endsWithFatal && i == messages.size() - 1;
            int at = fatal ? Integer.MAX_VALUE : i;
            int level = phase2At >= 0 && at >= phase2At ? level2 : phase1At >= 0 && at >= phase1At ? level1 : INFO;
            out.add(messages.get(i).withPrinted(level >= (fatal ? FATAL : ERROR)));
        }
        return out;
    }

    /** log_level_number for the names ssh -G prints (Debian's SILENT is QUIET); null is the default, INFO. */
    static int level(String name) {
        if (name == null) {
            return INFO;
        }
        return switch (name) {
            case "QUIET", "SILENT" -> QUIET;
            case "FATAL" -> FATAL;
            case "ERROR" -> ERROR;
            case "INFO" -> INFO;
            default -> INFO + 1; // VERBOSE, DEBUG*
        };
    }
}
