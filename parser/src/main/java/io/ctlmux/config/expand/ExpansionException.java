package io.ctlmux.config.expand;

import java.util.List;

/**
 * A failed %-token, {@code ${VAR}} or {@code ~} expansion. {@link #lines} are the lines OpenSSH writes to stderr for
 * it, in order and without line terminators (ssh ends each with CR LF); {@link #getMessage} is the cause alone.
 */
public final class ExpansionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /**
         * Bad syntax: unknown {@code %X}, {@code %} at the end, {@code ${} with no {@code }}, or {@code ${}}.
         * OpenSSH's {@code percent_expand}/{@code percent_dollar_expand} are fatal here; the last line is theirs.
         */
        SYNTAX,
        /**
         * The syntax was fine but one or more {@code ${VAR}} are unset. Each has its own line; the caller adds its
         * own verdict (ssh.c prints {@code invalid environment variable expansion} for ControlPath and friends).
         */
        UNSET_VARIABLE,
        /** {@code ~user} for a user with no passwd entry. */
        UNKNOWN_USER,
        /** The tilde-expanded path reached PATH_MAX (4096 bytes). */
        PATH_TOO_LONG
    }

    private final Kind kind;
    private final transient List<String> lines;
    private final String token;
    private final int tokenLine;

    ExpansionException(Kind kind, String cause, List<String> lines) {
        this(kind, cause, lines, "", -1);
    }

    ExpansionException(Kind kind, String cause, List<String> lines, String token, int tokenLine) {
        super(cause);
        this.kind = kind;
        this.lines = List.copyOf(lines);
        this.token = token;
        this.tokenLine = tokenLine;
    }

    /**
     * What the failure is about, as written in the config: {@code %x} for an unknown token, else {@code ${NAME}}
     * for the first unset variable, {@code ~user} for an unknown user; empty otherwise.
     */
    public String token() {
        return token;
    }

    /** The index in {@link #lines} of the line that names {@link #token}, or -1. */
    public int tokenLine() {
        return tokenLine;
    }

    public Kind kind() {
        return kind;
    }

    /** The exact stderr lines OpenSSH prints for this failure (function-name prefixes included). */
    public List<String> lines() {
        return lines;
    }
}
