package io.ctlmux.config.match;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Arrays;

/**
 * Numeric host addresses as glibc reads and writes them, the one implementation ctlmux has:
 * {@code getaddrinfo(name, AI_NUMERICHOST)} (IPv4 in the {@code inet_aton} forms with C integer parts, such as
 * {@code 10.1}, {@code 010.0.0.1} or {@code 0x7f.1}, then IPv6 as {@code inet_pton} with an optional
 * {@code %scope}) and {@code getnameinfo(NI_NUMERICHOST)} (dotted quad; IPv6 in {@code inet_ntop}'s compressed
 * form). Used by {@code Match localnetwork} ({@link Cidr}) and by ssh's address checks and canonicalisation
 * ({@code is_addr}, {@code resolve_addr}). Depends on nothing of ctlmux.
 */
public final class NumericHost {
    /** {@code AF_UNSPEC}, {@code AF_INET}, {@code AF_INET6}: the address families (ssh's AddressFamily values). */
    public static final int ANY = 0;
    public static final int INET = 2;
    public static final int INET6 = 10;

    private NumericHost() {
    }

    /** A parsed address: 4 or 16 bytes and an IPv6 scope id (0 for none). */
    public record Address(byte[] bytes, long scopeId) {
    }

    /**
     * glibc {@code getaddrinfo} with {@code AI_NUMERICHOST} (without {@code AI_V4MAPPED}) for {@code family}
     * ({@link #ANY}, {@link #INET} or {@link #INET6}): the address, or null when glibc fails. An IPv4 form asked
     * for as INET6 fails; an IPv4-mapped IPv6 address asked for as INET is its IPv4 address. A scope is numeric
     * or, for link-local addresses, an interface name.
     */
    public static Address parse(String s, int family) {
        byte[] v4 = inetAton(s);
        if (v4 != null) {
            return family == INET6 ? null : new Address(v4, 0);
        }
        int pct = s.indexOf('%');
        byte[] v6 = inetPton6(pct < 0 ? s : s.substring(0, pct));
        if (v6 == null) {
            return null;
        }
        if (family == INET) {
            if (!v4Mapped(v6)) {
                return null;
            }
            v6 = Arrays.copyOfRange(v6, 12, 16);
        }
        long scope = 0;
        if (pct >= 0) {
            scope = scopeId(v6, s.substring(pct + 1));
            if (scope < 0) {
                return null;
            }
        }
        return new Address(v6, v6.length == 4 ? 0 : scope);
    }

    /** {@link #parse} then {@code getnameinfo(NI_NUMERICHOST)}: the canonical text of an address, or null. */
    public static String canonical(String s, int family) {
        Address a = parse(s, family);
        return a == null ? null : format(a);
    }

    /** {@code getnameinfo(NI_NUMERICHOST)}: dotted quad, or {@code inet_ntop}'s IPv6 text with {@code %scope}. */
    public static String format(Address a) {
        byte[] b = a.bytes();
        if (b.length == 4) {
            return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
        }
        String text = ntop6(b);
        if (a.scopeId() == 0) {
            return text;
        }
        if (linkLocal(b)) {
            String name = interfaceName(a.scopeId());
            if (name != null) {
                return text + "%" + name;
            }
        }
        return text + "%" + a.scopeId();
    }

    /**
     * glibc {@code __inet6_scopeid_pton}: an interface name for link-local addresses, else a decimal number that
     * fits 32 bits; -1 when neither.
     */
    private static long scopeId(byte[] v6, String scope) {
        if (v6.length == 16 && (linkLocal(v6) || nodeLocalMulticast(v6)) && !scope.isEmpty()) {
            long index = interfaceIndex(scope);
            if (index > 0) {
                return index;
            }
        }
        if (scope.isEmpty() || !isDigit(scope.charAt(0))) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < scope.length(); i++) {
            if (!isDigit(scope.charAt(i))) {
                return -1;
            }
            v = v * 10 + (scope.charAt(i) - '0');
            if (v > 0xffffffffL) {
                return -1;
            }
        }
        return v;
    }

    private static boolean linkLocal(byte[] a) {
        boolean unicast = (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80;
        boolean multicast = (a[0] & 0xff) == 0xff && (a[1] & 0x0f) == 0x02;
        return unicast || multicast;
    }

    private static boolean nodeLocalMulticast(byte[] a) {
        return (a[0] & 0xff) == 0xff && (a[1] & 0x0f) == 0x01;
    }

    private static boolean v4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }

    private static long interfaceIndex(String name) {
        try {
            NetworkInterface ni = NetworkInterface.getByName(name);
            return ni == null ? 0 : ni.getIndex();
        } catch (SocketException e) {
            return 0;
        }
    }

    private static String interfaceName(long index) {
        try {
            NetworkInterface ni = index > Integer.MAX_VALUE ? null : NetworkInterface.getByIndex((int) index);
            return ni == null ? null : ni.getName();
        } catch (SocketException e) {
            return null;
        }
    }

    /**
     * glibc {@code inet_ntop6}: lower-case hex groups without leading zeros, the longest run of two or more zero
     * groups (the first of equal runs) as {@code ::}, and a dotted-quad tail when the first six groups are zero
     * ({@code ::a.b.c.d}, except {@code ::} and {@code ::x} whose run is longer) or the address is IPv4-mapped.
     */
    static String ntop6(byte[] a) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (w[i] == 0) {
                if (curBase < 0) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
            } else if (curBase >= 0) {
                if (bestBase < 0 || curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase >= 0 && (bestBase < 0 || curLen > bestLen)) {
            bestBase = curBase;
            bestLen = curLen;
        }
        if (bestBase >= 0 && bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
                sb.append(a[12] & 0xff).append('.').append(a[13] & 0xff).append('.').append(a[14] & 0xff)
                        .append('.').append(a[15] & 0xff);
                return sb.toString();
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }

    /** glibc {@code __inet_aton_exact}: 1 to 4 parts, each a C integer (decimal, 0octal, 0xhex); no trailing text. */
    public static byte[] inetAton(String s) {
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
}
