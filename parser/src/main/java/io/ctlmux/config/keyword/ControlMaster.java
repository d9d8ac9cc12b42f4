package io.ctlmux.config.keyword;

/**
 * {@code ControlMaster}, typed. Each value is named by its word; the number readconf.c stores for it
 * (SSHCTL_MASTER_*) is the one the catalogue row {@link Choices#CONTROL_MASTER} gives that word, and nothing else
 * in ctlmux spells those numbers.
 */
public enum ControlMaster {
    /** {@code no}: use an existing master, never become one. */
    NO,
    /** {@code yes} (or {@code -M}): become the master. */
    YES,
    /** {@code auto}: use an existing master, else become one. */
    AUTO,
    /** {@code ask} (or {@code -M -M}): become the master, confirming each session with ssh-askpass. */
    ASK,
    /** {@code autoask}: {@code auto}, confirming each session. */
    AUTOASK;

    /** The number readconf.c stores for this value (from {@link Choices#CONTROL_MASTER}). */
    public int code() {
        return Choices.CONTROL_MASTER.parse(name()).getAsInt();
    }

    /** The value a stored {@code code} stands for. */
    public static ControlMaster ofCode(int code) {
        for (ControlMaster m : values()) {
            if (m.code() == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("no ControlMaster value " + code);
    }

    /**
     * ssh.c's {@code -M} applied to the stored code ({@code unset} when none): the first makes the client a master
     * ({@code yes}), a second one asks ({@code ask}).
     */
    public static int codeAfterFlagM(int stored) {
        return stored == YES.code() ? ASK.code() : YES.code();
    }

    /** True for every value but {@code no}: the client may become a master. */
    public boolean mayStartMaster() {
        return this != NO;
    }

    /** {@code auto} and {@code autoask}: an existing master is used when there is one. */
    public boolean usesExisting() {
        return this == AUTO || this == AUTOASK;
    }

    /** {@code ask} and {@code autoask}: each new session is confirmed. */
    public boolean asks() {
        return this == ASK || this == AUTOASK;
    }
}
