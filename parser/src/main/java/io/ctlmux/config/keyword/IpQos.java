package io.ctlmux.config.keyword;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code IPQoS}: the interactive and bulk TOS values. {@link #NONE} is the {@code none} value (INT_MAX).
 * 10.1+ ignores the legacy names {@code lowdelay}, {@code throughput}, {@code reliability} (they become none).
 */
public record IpQos(int interactive, int bulk) {
    /** The value stored for {@code none}. */
    public static final int NONE = Integer.MAX_VALUE;
    private static final int DEPRECATED = Integer.MIN_VALUE;

    /** The name table per dialect, built once: iteration order is iptos2str's search order. */
    private static final PerDialect<Map<String, Integer>> TABLES =
            new PerDialect<>(d -> Collections.unmodifiableMap(buildTable(d)));

    private static Map<String, Integer> table(Dialect d) {
        return TABLES.get(d);
    }

    private static Map<String, Integer> buildTable(Dialect d) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("none", NONE);
        int[] af = {0x28, 0x30, 0x38, 0x48, 0x50, 0x58, 0x68, 0x70, 0x78, 0x88, 0x90, 0x98};
        String[] afn = {"af11", "af12", "af13", "af21", "af22", "af23", "af31", "af32", "af33", "af41", "af42", "af43"};
        for (int i = 0; i < af.length; i++) {
            m.put(afn[i], af[i]);
        }
        for (int i = 0; i < 8; i++) {
            m.put("cs" + i, i << 5);
        }
        m.put("ef", 0xb8);
        m.put("le", 0x04);
        boolean modern = d.atLeast(10, 1);
        if (d.atLeast(10, 3)) {
            m.put("va", 0xb0);
        }
        m.put("lowdelay", modern ? DEPRECATED : 0x10);
        m.put("throughput", modern ? DEPRECATED : 0x08);
        m.put("reliability", modern ? DEPRECATED : 0x04);
        return m;
    }

    /** The default: Debian 9.2 {@code lowdelay throughput}, 9.2 {@code af21 cs1}, 10.1+ {@code ef cs0}. */
    public static IpQos defaults(Dialect d) {
        if (d.atLeast(10, 1)) {
            return new IpQos(0xb8, 0x00);
        }
        return d.debian ? new IpQos(0x10, 0x08) : new IpQos(0x48, 0x20);
    }

    /**
     * Parses one or two words ({@code second} null when absent: both take the first). Names are
     * case-insensitive; numbers 0..255 ({@code strtol} base 0 before 10.x, so {@code 0x2e} and octal work;
     * decimal {@code strtonum} in 10.x). Error: {@code Bad IPQoS value: x}.
     */
    public static ValueResult<IpQos> parse(String first, String second, Dialect d) {
        Integer a = parseOne(first, d);
        if (a == null) {
            return ValueResult.err("Bad IPQoS value: " + (first == null ? "(null)" : first));
        }
        Integer b = a;
        if (second != null) {
            b = parseOne(second, d);
            if (b == null) {
                return ValueResult.err("Bad IPQoS value: " + second);
            }
        }
        return ValueResult.ok(new IpQos(a == DEPRECATED ? NONE : a, b == DEPRECATED ? NONE : b));
    }

    private static Integer parseOne(String cp, Dialect d) {
        if (cp == null) {
            return null;
        }
        for (Map.Entry<String, Integer> e : table(d).entrySet()) {
            if (e.getKey().equalsIgnoreCase(cp)) {
                return e.getValue();
            }
        }
        if (d.atLeast(10, 0)) {
            ValueResult<Long> v = CNum.strtonum(cp, 0, 255);
            return v.isOk() ? v.value().intValue() : null;
        }
        CNum.Scan sc = CNum.strtol(cp, 0, 0);
        if (cp.isEmpty() || sc.end() != cp.length() || !sc.digits() || sc.value() < 0 || sc.value() > 255) {
            return null;
        }
        return (int) sc.value();
    }

    /** {@code iptos2str}: the first table name with this value, else {@code 0x%02x}. */
    public static String name(int tos, Dialect d) {
        for (Map.Entry<String, Integer> e : table(d).entrySet()) {
            if (e.getValue() == tos) {
                return e.getKey();
            }
        }
        return String.format("0x%02x", tos);
    }

    /** The {@code -G} line: {@code ipqos <interactive> <bulk>}. */
    public String render(Dialect d) {
        return "ipqos " + name(interactive, d) + " " + name(bulk, d);
    }
}
