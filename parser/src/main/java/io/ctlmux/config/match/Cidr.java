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
 * Addresses are parsed as glibc {@code getaddrinfo(AI_NUMERICHOST)} does: IPv4 in {@code inet_aton} forms
 * ({@code 10.1}, octal {@code 010.0.0.1}), IPv6 as {@code inet_pton}. A missing mask means a host route (/32, /128);
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
        Parsed a = parseNumericHost(addr);
        if (a == null) {
            return ERR_PARSE;
        }
        int bits = a.bytes.length * 8;
        if (mask < 0) {
            mask = bits;
        }
        if (mask > bits) {
            return ERR_MASK;
        }
        if (!Arrays.equals(applyMask(a.bytes, (int) mask), a.bytes)) {
            return ERR_MASK;
        }
        return new Cidr(a.bytes, (int) mask, a.scopeId);
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

    private record Parsed(byte[] bytes, long scopeId) {}

    /** glibc {@code getaddrinfo} with {@code AI_NUMERICHOST}: inet_aton (exact) first, then IPv6 with a %scope. */
    private static Parsed parseNumericHost(String s) {
        byte[] v4 = inetAton(s);
        if (v4 != null) {
            return new Parsed(v4, 0);
        }
        int pct = s.indexOf('%');
        String host = pct < 0 ? s : s.substring(0, pct);
        byte[] v6 = inetPton6(host);
        if (v6 == null) {
            return null;
        }
        long scope = 0;
        if (pct >= 0) {
            // Only numeric scopes are understood here; interface names would need the live system.
            String sc = s.substring(pct + 1);
            if (sc.isEmpty() || sc.length() > 10 || !sc.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            scope = Long.parseLong(sc);
            if (scope > 0xffffffffL) {
                return null;
            }
        }
        return new Parsed(v6, scope);
    }

    /** glibc {@code __inet_aton_exact}: 1 to 4 parts, each a C integer (decimal, 0octal, 0xhex); no trailing text. */
    static byte[] inetAton(String s) {
        long[] parts = new long[4];
        int np = 0;
        int i = 0;
        int n = s.length();
        while (true) {
            if (i >= n || !isDigit(s.charAt(i))) {
                return null;
            }
            int base = 10;
            int start = i;
            if (s.charAt(i) == '0') {
                base = 8;
                // strtoul base 0: "0x" counts as a hex prefix only when a hex digit follows it.
                if (i + 2 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                        && s.charAt(i + 2) < 128 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                    base = 16;
                    start = i + 2;
                }
            }
            long v = 0;
            int j = start;
            while (j < n && Character.digit(s.charAt(j), base) >= 0 && s.charAt(j) < 128) {
                v = v * base + Character.digit(s.charAt(j), base);
                if (v > 0xffffffffL) {
                    return null;
                }
                j++;
            }
            i = j;
            parts[np++] = v;
            if (i < n && s.charAt(i) == '.') {
                if (np > 3 || v > 0xff) {
                    return null;
                }
                i++;
                continue;
            }
            break;
        }
        if (i != n) {
            return null;
        }
        long last = parts[np - 1];
        long max = 0xffffffffL >>> (8 * (np - 1));
        if (last > max) {
            return null;
        }
        long word = 0;
        for (int k = 0; k < np - 1; k++) {
            word |= parts[k] << (24 - 8 * k);
        }
        word |= last;
        return new byte[] {(byte) (word >>> 24), (byte) (word >>> 16), (byte) (word >>> 8), (byte) word};
    }

    /** glibc {@code inet_pton6}: up to 8 groups of 1-4 hex digits, one {@code ::}, optional dotted-quad tail. */
    static byte[] inetPton6(String s) {
        byte[] out = new byte[16];
        int n = s.length();
        int i = 0;
        int tp = 0;
        int colonp = -1;
        if (n == 0) {
            return null;
        }
        if (s.charAt(0) == ':') {
            if (n < 2 || s.charAt(1) != ':') {
                return null;
            }
            i = 1;
        }
        int curtok = i;
        boolean sawXdigit = false;
        int val = 0;
        int digits = 0;
        while (i < n) {
            char ch = s.charAt(i++);
            int d = ch < 128 ? Character.digit(ch, 16) : -1;
            if (d >= 0) {
                if (++digits > 4) {
                    return null;
                }
                val = (val << 4) | d;
                sawXdigit = true;
                continue;
            }
            if (ch == ':') {
                curtok = i;
                if (!sawXdigit) {
                    if (colonp >= 0) {
                        return null;
                    }
                    colonp = tp;
                    continue;
                }
                if (i == n) {
                    return null; // a trailing single colon
                }
                if (tp + 2 > 16) {
                    return null;
                }
                out[tp++] = (byte) (val >> 8);
                out[tp++] = (byte) val;
                sawXdigit = false;
                digits = 0;
                val = 0;
                continue;
            }
            if (ch == '.' && tp + 4 <= 16) {
                byte[] v4 = inetPton4(s.substring(curtok));
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, tp, 4);
                tp += 4;
                sawXdigit = false;
                break;
            }
            return null;
        }
        if (sawXdigit) {
            if (tp + 2 > 16) {
                return null;
            }
            out[tp++] = (byte) (val >> 8);
            out[tp++] = (byte) val;
        }
        if (colonp >= 0) {
            if (tp == 16) {
                return null; // "::" must stand for at least one group
            }
            int moved = tp - colonp;
            System.arraycopy(out, colonp, out, 16 - moved, moved);
            Arrays.fill(out, colonp, 16 - moved, (byte) 0);
            tp = 16;
        }
        return tp == 16 ? out : null;
    }

    /** glibc {@code inet_pton4}: exactly four decimal octets, no leading zeros. */
    private static byte[] inetPton4(String s) {
        byte[] out = new byte[4];
        int octets = 0;
        int val = 0;
        boolean sawDigit = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (isDigit(ch)) {
                if (sawDigit && val == 0) {
                    return null;
                }
                val = val * 10 + (ch - '0');
                if (val > 255) {
                    return null;
                }
                if (!sawDigit) {
                    if (++octets > 4) {
                        return null;
                    }
                    sawDigit = true;
                }
            } else if (ch == '.' && sawDigit) {
                if (octets == 4) {
                    return null;
                }
                out[octets - 1] = (byte) val;
                val = 0;
                sawDigit = false;
            } else {
                return null;
            }
        }
        if (octets < 4 || !sawDigit) {
            return null;
        }
        out[3] = (byte) val;
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String max100(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
