package io.ctlmux.config.keyword;

/**
 * {@code ControlMaster}, typed. The codes are readconf.c's SSHCTL_MASTER_* values, the numbers
 * {@link Choices#CONTROL_MASTER} maps the words to; nothing outside this catalogue needs to know them.
 */
public enum ControlMaster {
    /** {@code no}: use an existing master, never become one. */
    NO(0),
    /** {@code yes} (or {@code -M}): become the master. */
    YES(1),
    /** {@code auto}: use an existing master, else become one. */
    AUTO(2),
    /** {@code ask} (or {@code -M -M}): become the master, confirming each session with ssh-askpass. */
    ASK(3),
    /** {@code autoask}: {@code auto}, confirming each session. */
    AUTOASK(4);

    private final int code;

    ControlMaster(int code) {
        this.code = code;
    }

    /** The number readconf.c stores ({@link Choices#CONTROL_MASTER}). */
    public int code() {
        return code;
    }

    /** The value a stored {@code code} stands for. */
    public static ControlMaster ofCode(int code) {
        for (ControlMaster m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("no ControlMaster value " + code);
    }

    /** ssh.c's {@code -M}: the first makes the client a master ({@code yes}), a second one asks ({@code ask}). */
    public static ControlMaster afterFlagM(ControlMaster current) {
        return current == YES ? ASK : YES;
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
