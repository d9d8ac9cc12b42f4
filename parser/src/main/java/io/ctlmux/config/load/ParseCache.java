package io.ctlmux.config.load;

import io.ctlmux.config.syntax.ConfigFile;
import io.ctlmux.config.syntax.DirectParser;
import io.ctlmux.config.text.SourceText;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one cache of parsed trees: recently read files, keyed by name and exact content, so that resolving many
 * destinations in one process (ls, lint, check --all, a JVM library user) parses each file once. Files are still
 * read every time, as ssh reads them: a changed file has different content and is parsed again. Bounded (LRU).
 */
public final class ParseCache {
    private static final int MAX_ENTRIES = 1024;

    /** A file's bytes as last parsed, and the tree. */
    private static final class Entry {
        final byte[] bytes;
        final ConfigFile tree;

        Entry(byte[] bytes, ConfigFile tree) {
            this.bytes = bytes;
            this.tree = tree;
        }
    }

    /**
     * Keyed by name only, so that a hit costs one comparison of the content (none when the caller hands the same
     * array again, as lint's environment does); a file whose content changed replaces its entry.
     */
    private static final Map<String, Entry> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private ParseCache() {
    }

    /** The tree of the file {@code name} whose content is {@code bytes}, parsed on first sight. Thread-safe. */
    public static ConfigFile parse(String name, byte[] bytes) {
        synchronized (CACHE) {
            Entry e = CACHE.get(name);
            if (e != null && (e.bytes == bytes || Arrays.equals(e.bytes, bytes))) {
                return e.tree;
            }
        }
        ConfigFile parsed = DirectParser.parse(SourceText.ofBytes(name, bytes));
        synchronized (CACHE) {
            CACHE.put(name, new Entry(bytes, parsed));
        }
        return parsed;
    }

    /** {@link #parse(String, byte[])} for text already decoded. */
    public static ConfigFile parse(SourceText source) {
        return parse(source.name(), source.bytes());
    }
}
