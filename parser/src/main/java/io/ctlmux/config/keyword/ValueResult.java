package io.ctlmux.config.keyword;

import java.util.function.Function;

/**
 * The outcome of parsing one value: the value, or OpenSSH's error message for it (without the
 * {@code FILE line N: } prefix, exactly as readconf prints the rest, e.g. {@code Bad port 'x'.}).
 */
public sealed interface ValueResult<T> {
    record Ok<T>(T value) implements ValueResult<T> {
    }

    record Err<T>(String message) implements ValueResult<T> {
    }

    static <T> ValueResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> ValueResult<T> err(String message) {
        return new Err<>(message);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("no value: " + ((Err<T>) this).message());
    }

    default String error() {
        return this instanceof Err<T> e ? e.message() : null;
    }

    default <R> ValueResult<R> map(Function<T, R> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Err<>(((Err<T>) this).message());
    }
}
