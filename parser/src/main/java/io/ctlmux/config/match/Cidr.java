package io.ctlmux.config.match;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One network of a {@code Match localnetwork} list ({@code addrmatch.c:addr_match_cidr_list}, {@code addr.c}).
 * Addresses are parsed as glibc {@code getaddrinfo(AI_NUMERICHOST)} does ({@link NumericHost}): IPv4 in
 * {@code inet_aton} forms ({@code 10.1}, octal {@code 010.0.0.1}), IPv6 as {@code inet_pton}. A missing mask means a host route (/32, /128);
 * bits set beyond the mask make the entry inconsistent.
 */
public final class Cidr {
    private static final String FN = "addr_match_cidr_list: ";
    private static final String VALID_CHARS = "0123456789abcdefABCDEF.:/";
    /** INET6_ADDRSTRLEN (46) + 3 for the mask length. */
    private static final int MAX_ENTRY = 49;
    private static final int ERR_PARSE = -1;
    private static final int ERR_MASK = -2;

    private final byte[] network;
    private final int maskLength;
    private final long scopeId;

    private Cidr(byte[] network, int maskLength, long scopeId) {
        this.network = network;
        this.maskLength = maskLength;
        this.scopeId = scopeId;
    }

    /**
     * Validates a comma-separated CIDR list the way {@code addr_match_cidr_list(NULL, list)} does and returns its
     * networks. Any empty, over-long, badly-charactered, unparsable or inconsistent entry fails the whole list.
     */
    public static List<Cidr> parseList(String list) throws CidrListException {
        List<String> errors = new ArrayList<>();
        List<Cidr> out = new ArrayList<>();
        String[] entries = list.split(",", -1);
        for (String cp : entries) {
            if (cp.isEmpty()) {
                // strsep has already cut the list at its first comma, so OpenSSH shows only the first entry here.
                errors.add(FN + "empty entry in list \"" + max100(entries[0]) + "\"");
                break;
            }
            if (cp.length() > MAX_ENTRY) {
                errors.add(FN + "list entry \"" + max100(cp) + "\" too long");
                break;
            }
            for (int i = 0; i < cp.length(); i++) {
                if (VALID_CHARS.indexOf(cp.charAt(i)) < 0) {
                    // OpenSSH records the failure but still tries to parse the entry.
                    errors.add(FN + "list entry \"" + max100(cp) + "\" contains invalid characters");
                    break;
                }
            }
            Object r = parseCidr(cp);
            if (r instanceof Cidr c) {
                out.add(c);
            } else if ((Integer) r == ERR_PARSE) {
                errors.add("Invalid network entry \"" + max100(cp) + "\"");
                break;
            } else {
                errors.add("Inconsistent mask length for network \"" + max100(cp) + "\"");
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new CidrListException(errors);
        }
        return List.copyOf(out);
    }

    /** True if any of {@code addresses} lies in any of {@code networks} ({@code check_match_ifaddrs}). */
    public static boolean anyMatch(List<Cidr> networks, Collection<? extends InetAddress> addresses) {
        for (InetAddress a : addresses) {
            for (Cidr c : networks) {
                if (c.contains(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code addr_netmatch}: same family and same masked bits. For IPv6 the scope id takes part in the comparison,
     * so a scoped (link-local) interface address never matches an unscoped network, as in OpenSSH.
     */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        long scope = address instanceof Inet6Address a6 ? a6.getScopeId() : 0;
        if (scope != scopeId) {
            return false;
        }
        byte[] masked = applyMask(a, maskLength);
        return Arrays.equals(masked, network);
    }

    public int maskLength() {
        return maskLength;
    }

    /** True for an IPv6 network. */
    public boolean isIpv6() {
        return network.length == 16;
    }

    @Override
    public String toString() {
        try {
            InetAddress a = network.length == 4 ? Inet4Address.getByAddress(network) : Inet6Address.getByAddress(network);
            return a.getHostAddress() + "/" + maskLength;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: the length is 4 or 16
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.maskLength == maskLength && c.scopeId == scopeId
                && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + maskLength;
    }

    /** {@code addr_pton_cidr}: a Cidr, or ERR_PARSE / ERR_MASK. */
    private static Object parseCidr(String p) {
        if (p.length() >= 64) {
            return ERR_PARSE;
        }
        String addr = p;
        long mask = -1;
        int slash = p.indexOf('/');
        if (slash >= 0) {
            addr = p.substring(0, slash);
            mask = strtonum(p.substring(slash + 1));
            if (mask < 0) {
                return ERR_PARSE;
            }
        }
        NumericHost.Address a = NumericHost.parse(addr, NumericHost.ANY);
        if (a == null) {
            return ERR_PARSE;
        }
        int bits = a.bytes().length * 8;
        if (mask < 0) {
            mask = bits;
        }
        if (mask > bits) {
            return ERR_MASK;
        }
        if (!Arrays.equals(applyMask(a.bytes(), (int) mask), a.bytes())) {
            return ERR_MASK;
        }
        return new Cidr(a.bytes(), (int) mask, a.scopeId());
    }

    private static byte[] applyMask(byte[] a, int mask) {
        byte[] r = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            int keep = Math.max(0, Math.min(8, mask - i * 8));
            r[i] = (byte) (a[i] & (0xff00 >> keep));
        }
        return r;
    }

    /** OpenBSD {@code strtonum(s, 0, INT_MAX)} (strtoll base 10 underneath); -1 on any error. */
    private static long strtonum(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isCSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int digits = i;
        long v = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = Math.min(v * 10 + (s.charAt(i) - '0'), Long.MAX_VALUE / 20); // saturate: far beyond INT_MAX anyway
            i++;
        }
        if (i == digits || i != n) {
            return -1;
        }
        if (neg) {
            return v == 0 ? 0 : -1;
        }
        return v > Integer.MAX_VALUE ? -1 : v;
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static String max100(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
