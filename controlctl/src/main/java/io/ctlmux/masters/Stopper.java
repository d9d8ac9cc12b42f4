package io.ctlmux.masters;

import io.ctlmux.mux.client.MuxClient;
import io.ctlmux.mux.client.MuxClientOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Ending masters gently: {@code stop --drain} for one, {@code exit --all} for many. */
public final class Stopper {
    /** How long a master with no sessions left may take to exit on its own before it gets SIGTERM. */
    static final Duration GRACE = Duration.ofMillis(500);

    private Stopper() {
    }

    /**
     * How a drain ended.
     *
     * @param exited     the master process is gone
     * @param terminated ctlmux sent SIGTERM because the master had no sessions left but stayed (ControlPersist)
     * @param sessions   mux connections still open when the time ran out (-1 when they cannot be counted)
     */
    public record Drained(long pid, boolean exited, boolean terminated, int sessions, Duration took) {
    }

    /**
     * Stops the master at {@code path} from listening, waits for its sessions to end, and makes sure it exits.
     *
     * @param muxOptions   options for the stop request itself
     * @param drainTimeout how long to wait for the sessions
     * @param progress     receives a line now and then while waiting
     */
    public static Drained drain(Path path, MuxClientOptions muxOptions, Duration drainTimeout,
                                Consumer<String> progress) throws IOException {
        long pid;
        try (MuxClient c = MuxClient.connect(path, muxOptions)) {
            pid = c.check();
            c.stop();
        }
        return await(pid, drainTimeout, progress);
    }

    /**
     * Waits for a master that stopped listening to exit: until its process is gone, sending SIGTERM once it holds
     * no mux connections, or until {@code drainTimeout} passes.
     */
    public static Drained await(long pid, Duration drainTimeout, Consumer<String> progress) {
        long start = System.nanoTime();
        long until = start + drainTimeout.toNanos();
        long zeroSince = -1;
        int last = Integer.MIN_VALUE;
        boolean terminated = false;
        while (true) {
            if (!Posix.alive(pid)) {
                return new Drained(pid, true, terminated, 0, Duration.ofNanos(System.nanoTime() - start));
            }
            int n = muxConnections(pid);
            // our own control connection may still be closing at first; report from 250 ms on
            if (n != last && n >= 0 && System.nanoTime() - start > 250_000_000L) {
                progress.accept("master " + pid + ": " + n + " session" + (n == 1 ? "" : "s") + " open");
                last = n;
            }
            long now = System.nanoTime();
            if (n == 0) {
                if (zeroSince < 0) {
                    zeroSince = now;
                } else if (!terminated && now - zeroSince > GRACE.toNanos()) {
                    // no listener and no sessions: nothing can use it any more (ControlPersist would keep it)
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                    terminated = true;
                    progress.accept("master " + pid + ": no sessions left; sent SIGTERM");
                }
            } else {
                zeroSince = -1;
            }
            if (now - until > 0) {
                return new Drained(pid, false, terminated, n, Duration.ofNanos(now - start));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Drained(pid, false, terminated, n, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    /**
     * The Unix-domain sockets a master holds, which after STOP_LISTENING are its mux clients' control
     * connections; -1 when they cannot be read (another user's process, or no /proc).
     */
    static int muxConnections(long pid) {
        Set<String> unix = unixInodes();
        if (unix == null) {
            return -1;
        }
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : ds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;
                }
                if (target.startsWith("socket:[") && target.endsWith("]")
                        && unix.contains(target.substring(8, target.length() - 1))) {
                    n++;
                }
            }
        } catch (IOException | SecurityException e) {
            return Posix.alive(pid) ? -1 : 0;
        }
        return n;
    }

    private static Set<String> unixInodes() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/net/unix"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length >= 7) {
                out.add(f[6]);
            }
        }
        return out;
    }

    /** The outcome of {@code exit --all} for one master. */
    public record Exited(Inventory.Master master, boolean done, String why) {
    }

    /**
     * Asks every alive master of the listing to exit.
     *
     * @param olderThan only masters at least this old (null: all)
     */
    public static List<Exited> exitAll(Inventory.Listing listing, Duration olderThan, MuxClientOptions muxOptions) {
        List<Exited> out = new ArrayList<>();
        Instant now = Instant.now();
        for (Inventory.Master m : listing.masters()) {
            if (m.state() != MasterState.ALIVE) {
                continue;
            }
            if (olderThan != null && (m.since() == null || m.since().plus(olderThan).isAfter(now))) {
                out.add(new Exited(m, false, m.since() == null ? "age unknown" : "younger than " + olderThan
                        .toString().substring(2).toLowerCase(java.util.Locale.ROOT)));
                continue;
            }
            try (MuxClient c = MuxClient.connect(m.path(), muxOptions)) {
                c.exit();
                out.add(new Exited(m, true, "exit request sent"));
            } catch (IOException | RuntimeException e) {
                out.add(new Exited(m, false, SocketProbe.reason(e)));
            }
        }
        return out;
    }
}
