package io.ctlmux.config.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds ../shared/corpus/realworld (beside the repository) from a module's working directory. */
public final class Corpus {
    private Corpus() {
    }

    /**
     * The corpus directory, or null when it is absent (tests then skip with a message). {@code -Dctlmux.corpus=DIR}
     * names another directory of the same shape (config files plus {@code hosts.tsv}).
     */
    public static Path dir() {
        String other = System.getProperty("ctlmux.corpus");
        if (other != null) {
            return Files.isDirectory(Path.of(other)) ? Path.of(other).toAbsolutePath().normalize() : null;
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path c : List.of(p.resolve("shared/corpus/realworld"), p.resolveSibling("shared")
                    .resolve("corpus/realworld"))) {
                if (Files.isDirectory(c)) {
                    return c.normalize();
                }
            }
        }
        return null;
    }
}
