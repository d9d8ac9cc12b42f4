package io.ctlmux.config.keyword;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * A value computed once per dialect, on first use of that dialect: a process usually needs one dialect, and
 * building tables for all of them would cost a short command such as {@code check} at start-up. Thread-safe; two
 * threads may compute the same value once each, and one of them is kept.
 */
final class PerDialect<T> {
    private final Function<Dialect, T> compute;
    private final AtomicReferenceArray<T> values = new AtomicReferenceArray<>(Dialect.values().length);

    PerDialect(Function<Dialect, T> compute) {
        this.compute = compute;
    }

    T get(Dialect d) {
        T v = values.get(d.ordinal());
        if (v == null) {
            v = compute.apply(d);
            if (!values.compareAndSet(d.ordinal(), null, v)) {
                v = values.get(d.ordinal());
            }
        }
        return v;
    }
}
