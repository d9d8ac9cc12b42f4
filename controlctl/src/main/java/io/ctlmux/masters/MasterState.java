package io.ctlmux.masters;

/** What sits at a control path, as far as can be proven without harming it. */
public enum MasterState {
    /** A master answered ALIVE_CHECK. */
    ALIVE("alive"),
    /** A socket of ours that refuses connections (ECONNREFUSED): nobody listens, provably dead. */
    STALE("stale"),
    /** The connect, the hello or the reply did not come in time: maybe busy, maybe wedged; never deleted. */
    UNRESPONSIVE("unresponsive"),
    /** Owned by another user (neither us nor root): not touched. */
    FOREIGN("foreign"),
    /** A symbolic link, a regular file or anything else that is not a socket: not touched. */
    NOT_A_SOCKET("not-a-socket"),
    /** Nothing at the path. */
    MISSING("missing"),
    /** A master process whose socket is gone (it stopped listening, or someone removed the file). */
    NO_SOCKET("no-socket"),
    /** Any other failure (permission denied, the master hung up, ...); see the detail. */
    ERROR("error");

    private final String label;

    MasterState(String label) {
        this.label = label;
    }

    /** The name used in output and JSON. */
    public String label() {
        return label;
    }
}
