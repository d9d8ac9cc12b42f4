package io.ctlmux.config.resolved;

/**
 * Where {@code ssh} writes the messages of a resolution, and the one message that depends on the terminal: ssh.c
 * writes what it logs while reading the command line to stderr, then sets up logging ({@code log_redirect_stderr_to}
 * and {@code log_init}): with {@code -E FILE} later messages are appended to FILE, with {@code -y} they go to
 * syslog, else to stderr. After the config checks it logs {@link #TTY_NOTICE} (at INFO) when it would allocate a
 * pseudo-terminal but stdin is not a terminal, or is {@code /dev/null} by {@code -n}/{@code -f}/StdinNull.
 *
 * @param beforeLogSetUp  how many of the printed lines come before the log set-up (they always go to stderr), or -1
 *                        when ssh stopped before setting up logging (every line goes to stderr)
 * @param logFile         {@code -E}'s file (the last one given), or null
 * @param syslog          {@code -y}: the later lines go to syslog, not to stderr
 * @param ttyNoticeAt     where {@link #TTY_NOTICE} goes among the printed lines, or -1 when ssh does not log it
 *                        (no pseudo-terminal wanted, {@code -tt}, LogLevel below INFO, or a failed resolution)
 * @param ttyNoticeAlways whether ssh logs it even when stdin is a terminal (StdinNull, {@code -n}, {@code -f})
 */
public record MessageRoute(int beforeLogSetUp, String logFile, boolean syslog, int ttyNoticeAt,
        boolean ttyNoticeAlways) {
    /** ssh's notice for a pseudo-terminal it will not request. */
    public static final String TTY_NOTICE = "Pseudo-terminal will not be allocated because stdin is not a terminal.";

    /** Whether ssh logs {@link #TTY_NOTICE}, given whether its stdin is a terminal. */
    public boolean ttyNotice(boolean stdinIsTerminal) {
        return ttyNoticeAt >= 0 && (!stdinIsTerminal || ttyNoticeAlways);
    }
}
