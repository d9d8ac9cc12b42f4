package io.ctlmux.config.eval;

import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.resolved.Setting;
import io.ctlmux.config.text.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation's working store of options, keyed by the keyword's -G name, each with the line that set it and
 * the later lines that lost to it. Internal to one evaluation (first value wins); {@link #freeze} turns it into the
 * settings of the immutable {@link io.ctlmux.config.resolved.ResolvedConfig} that consumers read.
 */
final class OptionState {
    /** One option's value and history. Values are Integer, String, or List of those. */
    static final class Slot {
        private Object value;
        private Provenance.Origin origin;
        private Span span;
        private Span block;
        /** Created on first use (most slots never shadow anything). */
        private List<Span> shadowed;
        /** For accumulating options: the line and block of each item, in order (created on first use). */
        private List<Span[]> items;

        public Object value() {
            return value;
        }

        /** The provenance of item {@code i} of an accumulating option (the slot's own for other options). */
        public Provenance itemProvenance(int i) {
            if (items != null && i < items.size() && items.get(i)[0] != null) {
                return new Provenance(origin, items.get(i)[0], items.get(i)[1], List.of());
            }
            return provenance();
        }

        public Provenance provenance() {
            if (shadowed == null) {
                return origin == Provenance.Origin.DEFAULT && span == null && block == null ? Provenance.DEFAULT
                        : new Provenance(origin, span, block, List.of());
            }
            return new Provenance(origin, span, block, shadowed);
        }
    }

    /** Sized for every option ssh -G prints, so that filling the defaults never rehashes. */
    private final Map<String, Slot> slots = new LinkedHashMap<>(256);
    /** Counts calls that may change the state (see {@link #changes}). */
    private int changes;

    /**
     * A number that grows whenever a method that can change this state is called (it may grow without a change).
     * The evaluator compares it around a line to learn that the line changed nothing.
     */
    int changes() {
        return changes;
    }

    private Slot slotFor(String key) {
        Slot s = slots.get(key);
        if (s == null) {
            s = new Slot();
            slots.put(key, s);
        }
        return s;
    }

    /** True when {@code key} holds a value. */
    boolean isSet(String key) {
        Slot s = slots.get(key);
        return s != null && s.value != null;
    }

    Optional<Slot> slot(String key) {
        Slot s = slots.get(key);
        return s == null || s.value == null ? Optional.empty() : Optional.of(s);
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key) {
        Slot s = slots.get(key);
        return s == null ? null : (T) s.value;
    }

    int getInt(String key, int unset) {
        Object v = get(key);
        return v instanceof Integer i ? i : unset;
    }

    /**
     * First value wins: stores {@code value} when nothing is stored yet and returns true; otherwise records
     * {@code span} as shadowed and returns false.
     */
    boolean offer(String key, Object value, Provenance.Origin origin, Span span, Span block) {
        changes++;
        Slot s = slotFor(key);
        if (s.value != null) {
            if (span != null && !span.equals(s.span)) { // the final pass reads the winning line again
                if (s.shadowed == null) {
                    s.shadowed = new ArrayList<>();
                }
                s.shadowed.add(span);
            }
            return false;
        }
        s.value = value;
        s.origin = origin;
        s.span = span;
        s.block = block;
        return true;
    }

    /** Replaces the value unconditionally (last wins, or a value computed after the config was read). */
    void put(String key, Object value, Provenance.Origin origin, Span span, Span block) {
        changes++;
        Slot s = slotFor(key);
        s.value = value;
        s.origin = origin;
        s.span = span;
        s.block = block;
    }

    /** Sets a value computed from others (defaults, expansion), keeping the provenance of what was there. */
    void replaceValue(String key, Object value) {
        changes++;
        Slot s = slotFor(key);
        if (s.origin == null) {
            s.origin = Provenance.Origin.DEFAULT;
        }
        s.value = value;
    }

    /** Fills a default when unset. */
    void defaultTo(String key, Object value) {
        changes++;
        Slot s = slotFor(key);
        if (s.value == null) {
            s.value = value;
            s.origin = Provenance.Origin.DEFAULT;
        }
    }

    void clear(String key) {
        changes++;
        Slot s = slots.get(key);
        if (s != null) {
            s.value = null;
        }
    }

    /**
     * Appends to an accumulating list option (IdentityFile, SendEnv, forwards): later lines add, they shadow
     * nothing. The provenance names the first line that contributed.
     */
    @SuppressWarnings("unchecked")
    void append(String key, Object item, Provenance.Origin origin, Span span, Span block) {
        changes++;
        Slot s = slotFor(key);
        if (s.value == null) {
            s.value = new ArrayList<>();
            s.origin = origin;
            s.span = span;
            s.block = block;
        }
        ((List<Object>) s.value).add(item);
        if (s.items == null) {
            s.items = new ArrayList<>();
        }
        s.items.add(new Span[] {span, block});
    }

    /** Removes the items of an accumulating option that {@code drop} selects (SendEnv's {@code -pattern}). */
    @SuppressWarnings("unchecked")
    void removeItems(String key, java.util.function.Predicate<Object> drop) {
        changes++;
        Slot s = slots.get(key);
        if (s == null || s.value == null) {
            return;
        }
        List<Object> values = (List<Object>) s.value;
        for (int i = values.size() - 1; i >= 0; i--) {
            if (drop.test(values.get(i))) {
                values.remove(i);
                if (s.items != null && i < s.items.size()) {
                    s.items.remove(i);
                }
            }
        }
    }

    /** The settings, in the order the evaluation first touched them (values frozen). */
    Map<String, Setting> freeze() {
        Map<String, Setting> out = new LinkedHashMap<>(slots.size() * 2);
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            Slot s = e.getValue();
            List<Provenance> items = List.of();
            if (s.items != null) {
                items = new ArrayList<>(s.items.size());
                for (int i = 0; i < s.items.size(); i++) {
                    items.add(s.itemProvenance(i));
                }
            }
            out.put(e.getKey(), new Setting(s.value, s.provenance(), items));
        }
        return out;
    }
}
