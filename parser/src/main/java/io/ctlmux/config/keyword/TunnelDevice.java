package io.ctlmux.config.keyword;

/** {@code TunnelDevice}: local and remote tun unit numbers, {@link #ANY} for {@code any}. */
public record TunnelDevice(int local, int remote) {
    /** {@code SSH_TUNID_ANY}. */
    public static final int ANY = 0x7fffffff;
    private static final int MAX = 0x7ffffffd;
    private static final int ERR = 0x7ffffffe;

    /** The default, {@code any:any}. */
    public static final TunnelDevice DEFAULT = new TunnelDevice(ANY, ANY);

    /** {@code N}, {@code any}, {@code N:M}, {@code any:N} ... Errors: {@code Missing argument.}, {@code Bad tun device.}. */
    public static ValueResult<TunnelDevice> parse(String arg) {
        if (arg == null || arg.isEmpty()) {
            return ValueResult.err("Missing argument.");
        }
        int colon = arg.indexOf(':');
        int local;
        int remote = ANY;
        if (colon < 0) {
            local = one(arg);
        } else {
            remote = one(arg.substring(colon + 1));
            local = one(arg.substring(0, colon));
            if (remote == ERR) {
                local = ERR;
            }
        }
        return local == ERR ? ValueResult.err("Bad tun device.") : ValueResult.ok(new TunnelDevice(local, remote));
    }

    private static int one(String s) {
        if (s.equalsIgnoreCase("any")) {
            return ANY;
        }
        ValueResult<Long> v = CNum.strtonum(s, 0, MAX);
        return v.isOk() ? v.value().intValue() : ERR;
    }

    /** The {@code -G} line, e.g. {@code tunneldevice any:any}, {@code tunneldevice 3:any}. */
    public String render() {
        return "tunneldevice " + (local == ANY ? "any" : Integer.toString(local)) + ":"
                + (remote == ANY ? "any" : Integer.toString(remote));
    }
}
