package io.ctlmux.config.resolved;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The effective options for one destination, in {@code ssh -G} order, each with its provenance. Immutable. */
public final class ResolvedOptions {
    private final List<ResolvedValue> values;

    public ResolvedOptions(List<ResolvedValue> values) {
        this.values = List.copyOf(values);
    }

    /** Every line, in the order {@code ssh -G} prints them. */
    public List<ResolvedValue> values() {
        return values;
    }

    /** The first value printed for {@code keyword} (case-insensitive), if any. */
    public Optional<String> first(String keyword) {
        return find(keyword).map(ResolvedValue::value);
    }

    public Optional<ResolvedValue> find(String keyword) {
        String k = keyword.toLowerCase(Locale.ROOT);
        for (ResolvedValue v : values) {
            if (v.keyword().toLowerCase(Locale.ROOT).equals(k)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Every value printed for {@code keyword} (accumulating options print one line each). */
    public List<String> all(String keyword) {
        String k = keyword.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (ResolvedValue v : values) {
            if (v.keyword().toLowerCase(Locale.ROOT).equals(k)) {
                out.add(v.value());
            }
        }
        return out;
    }

    /** The exact {@code ssh -G} output (each line ends with LF). */
    public String render() {
        int length = 0;
        for (ResolvedValue v : values) {
            length += v.keyword().length() + v.value().length() + 2;
        }
        StringBuilder sb = new StringBuilder(length);
        for (ResolvedValue v : values) {
            sb.append(v.keyword()).append(' ').append(v.value()).append('\n');
        }
        return sb.toString();
    }
}
