package io.ctlmux.config.keyword;

import java.util.List;
import java.util.OptionalInt;

/**
 * OpenSSH's "multistate" tables: the words a keyword accepts (case-insensitive) and their numeric values.
 * {@code ssh -G} prints the first word in the table that has the stored value.
 */
public enum Choices {
    FLAG(e("true", 1), e("false", 0), e("yes", 1), e("no", 0)),
    YES_NO_ASK(e("true", 1), e("false", 0), e("yes", 1), e("no", 0), e("ask", 2)),
    STRICT_HOSTKEY(e("true", 2), e("false", 0), e("yes", 2), e("no", 0), e("ask", 1), e("off", 0), e("accept-new", 3)),
    YES_NO_ASK_CONFIRM(e("true", 1), e("false", 0), e("yes", 1), e("no", 0), e("ask", 2), e("confirm", 3)),
    ADDRESS_FAMILY(e("inet", 2), e("inet6", 10), e("any", 0)),
    CONTROL_MASTER(e("true", 1), e("yes", 1), e("false", 0), e("no", 0), e("auto", 2), e("ask", 3), e("autoask", 4)),
    TUNNEL(e("ethernet", 2), e("point-to-point", 1), e("true", 1), e("yes", 1), e("false", 0), e("no", 0)),
    REQUEST_TTY(e("true", 2), e("yes", 2), e("false", 1), e("no", 1), e("force", 3), e("auto", 0)),
    SESSION_TYPE(e("none", 0), e("subsystem", 1), e("default", 2)),
    CANONICALIZE(e("true", 1), e("false", 0), e("yes", 1), e("no", 0), e("always", 2)),
    PUBKEY_AUTH(e("true", 3), e("false", 0), e("yes", 3), e("no", 0), e("unbound", 1), e("host-bound", 2)),
    /** 9.x: "yes" is COMP_ZLIB (1). */
    COMPRESSION(e("yes", 1), e("no", 0)),
    /** 10.0+: "yes" is COMP_DELAYED (2); {@code -C} still stores 1, which {@code ssh -G} prints as UNKNOWN. */
    COMPRESSION_DELAYED(e("yes", 2), e("no", 0)),
    WARN_WEAK_CRYPTO(e("true", 1), e("false", 0), e("yes", 1), e("no", 0), e("no-pq-kex", 0));

    /** One word of a table. */
    public record Entry(String word, int value) {
    }

    private final List<Entry> entries;

    Choices(Entry... entries) {
        this.entries = List.of(entries);
    }

    private static Entry e(String w, int v) {
        return new Entry(w, v);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The value of {@code word} (case-insensitive), or empty when the table does not have it. */
    public OptionalInt parse(String word) {
        if (word == null) {
            return OptionalInt.empty();
        }
        String w = io.ctlmux.config.text.Ascii.lower(word);
        for (Entry en : entries) {
            if (en.word.equals(w)) {
                return OptionalInt.of(en.value);
            }
        }
        return OptionalInt.empty();
    }

    /** How {@code ssh -G} prints a stored value: the first word with that value, else "UNKNOWN". */
    public String format(int value) {
        for (Entry en : entries) {
            if (en.value == value) {
                return en.word;
            }
        }
        return "UNKNOWN";
    }
}
