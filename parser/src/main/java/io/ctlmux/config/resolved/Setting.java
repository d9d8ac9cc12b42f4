package io.ctlmux.config.resolved;

import java.util.List;

/**
 * One option as the evaluation left it: the value (null when a later step cleared it, e.g. {@code none}), the line
 * that set it with the lines it shadowed, and for accumulating options the line of each item. Built by the
 * evaluator; read through {@link ResolvedConfig}'s typed accessors.
 */
public final class Setting {
    final Object value;
    final Provenance provenance;
    final List<Provenance> items;

    /**
     * @param value      an Integer, Long, String, int[], a value class of {@code io.ctlmux.config.keyword}, or a list
     *                   of those; frozen here (lists copied, arrays cloned); null when cleared
     * @param provenance where it was set (also when cleared later)
     * @param items      for accumulating options, one provenance per item; empty otherwise
     */
    public Setting(Object value, Provenance provenance, List<Provenance> items) {
        this.value = freeze(value);
        this.provenance = provenance;
        this.items = List.copyOf(items);
    }

    private static Object freeze(Object v) {
        if (v instanceof List<?> l) {
            return List.copyOf(l);
        }
        if (v instanceof int[] a) {
            return a.clone();
        }
        return v;
    }
}
