package io.ctlmux.config.keyword;

import java.util.List;

/**
 * One row of the keyword catalogue.
 *
 * @param name     the name {@code ssh -G} and messages use (the first table entry with this opcode)
 * @param aliases  further accepted names (lower case)
 * @param kind     how the arguments are parsed and stored
 * @param choices  the word table for {@link Kind#CHOICE} (null otherwise)
 * @param since    first version that knows the keyword (major*100+minor), 0 for always
 * @param debianOnly true for the Debian-patched keywords (GSSAPI key exchange and friends)
 * @param summary  one line for documentation and lint messages
 */
public record Keyword(String name, List<String> aliases, Kind kind, Choices choices, int since, boolean debianOnly,
        String summary) {
    public Keyword {
        aliases = List.copyOf(aliases);
    }

    /** True when {@code dialect} knows this keyword. */
    public boolean availableIn(Dialect dialect) {
        return dialect.version >= since && (!debianOnly || dialect.debian);
    }
}
