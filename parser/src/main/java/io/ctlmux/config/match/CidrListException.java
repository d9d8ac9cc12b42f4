package io.ctlmux.config.match;

import java.util.List;

/** A {@code Match localnetwork} list that {@code addr_match_cidr_list} rejects; {@link #lines} are what ssh prints. */
public final class CidrListException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;

    CidrListException(List<String> lines) {
        super(lines.get(0));
        this.lines = List.copyOf(lines);
    }

    /** The error lines OpenSSH writes to stderr, in order, without line terminators (ssh ends each with CR LF). */
    public List<String> lines() {
        return lines;
    }
}
