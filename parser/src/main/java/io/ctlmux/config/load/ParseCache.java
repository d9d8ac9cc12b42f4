package io.ctlmux.config.load;

import io.ctlmux.config.syntax.ConfigFile;
import io.ctlmux.config.syntax.DirectParser;
import io.ctlmux.config.text.SourceText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed trees of recently read files, keyed by name and exact content, so that resolving many destinations in
 * one process (ls, lint, check --all, a JVM library user) parses each file once. Files are still read every
 * time, as ssh reads them: a changed file has different content and is parsed again. Bounded (LRU).
 */
public final class ParseCache {
    private static final int MAX_ENTRIES = 1024;
    /**
     * Keyed by name only, so that a hit costs one comparison of the content (no hash of the whole text); a file
     * whose content changed replaces its entry.
     */
    private static final Map<String, ConfigFile> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ConfigFile> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private ParseCache() {
    }

    /** The tree of {@code source}, parsed with {@link DirectParser} on first sight. Thread-safe. */
    public static ConfigFile parse(SourceText source) {
        synchronized (CACHE) {
            ConfigFile f = CACHE.get(source.name());
            if (f != null && f.source().text().equals(source.text())) {
                return f;
            }
        }
        ConfigFile parsed = DirectParser.parse(source);
        synchronized (CACHE) {
            CACHE.put(source.name(), parsed);
        }
        return parsed;
    }
}
