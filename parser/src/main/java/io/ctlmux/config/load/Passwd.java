package io.ctlmux.config.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads /etc/passwd, as OpenSSH uses the passwd entry (never $HOME). */
final class Passwd {
    record Entry(String name, long uid, String home) {
    }

    private Passwd() {
    }

    private static volatile Entry current;

    /** The current user's entry, read once per process. */
    static Entry cachedCurrent() {
        Entry e = current;
        if (e == null) {
            e = current();
            current = e;
        }
        return e;
    }

    static Entry current() {
        long uid = currentUid();
        Optional<Entry> e = find(f -> Long.toString(uid).equals(f[2]));
        return e.orElseGet(() -> new Entry(System.getProperty("user.name"), uid, System.getProperty("user.home")));
    }

    static Optional<Entry> byName(String name) {
        return find(f -> f[0].equals(name));
    }

    private static Optional<Entry> find(java.util.function.Predicate<String[]> p) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.ISO_8859_1)) {
                String[] f = line.split(":", -1);
                if (f.length >= 6 && p.test(f)) {
                    return Optional.of(new Entry(f[0], Long.parseLong(f[2]), f[5]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static long currentUid() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return ((Number) uid).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : 1000;
        }
    }
}
