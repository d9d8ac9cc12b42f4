package io.ctlmux.config.load;

import io.ctlmux.config.eval.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        return e.orElseGet(() -> new Entry(io.ctlmux.config.text.ByteText.fromJvm(System.getProperty("user.name")), uid,
                io.ctlmux.config.text.ByteText.fromJvm(System.getProperty("user.home"))));
    }

    static Optional<Entry> byName(String name) {
        return find(f -> f[0].equals(name));
    }

    static Optional<Entry> byUid(long uid) {
        String u = Long.toString(uid);
        return find(f -> f[2].equals(u));
    }

    /**
     * getgrgid from /etc/group, with the uids of the /etc/passwd entries whose primary group it is; empty when the
     * group is not listed or a file cannot be read.
     */
    static Optional<Environment.GroupFacts> group(long gid) {
        String g = Long.toString(gid);
        try {
            List<String> members = null;
            for (String line : Files.readAllLines(Path.of("/etc/group"), StandardCharsets.ISO_8859_1)) {
                String[] f = line.split(":", -1);
                if (f.length >= 4 && f[2].equals(g)) {
                    members = f[3].isEmpty() ? List.of() : List.of(f[3].split(",", -1));
                    break;
                }
            }
            if (members == null) {
                return Optional.empty();
            }
            List<Long> primary = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.ISO_8859_1)) {
                String[] f = line.split(":", -1);
                if (f.length >= 6 && f[3].equals(g)) {
                    primary.add(Long.parseLong(f[2]));
                }
            }
            return Optional.of(new Environment.GroupFacts(primary, members));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
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
