package io.ctlmux.masters;

import io.ctlmux.mux.client.MuxClient;
import io.ctlmux.mux.client.MuxClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ctlmux prune}: removes only sockets that are provably dead. A socket is removed when it refused a
 * connection (ECONNREFUSED), is a real socket (lstat, never a symbolic link), belongs to the current user, and is
 * still the same file (device and inode) when it is unlinked. A socket inode that refused once can never be
 * listened on again, so nothing alive is ever removed. Timeouts, foreign files and everything else are kept.
 */
public final class Pruner {
    /** What happened to one path. */
    public enum Action {
        REMOVED("removed"), WOULD_REMOVE("would remove"), KEPT("kept"), EXITED("asked to exit"),
        WOULD_EXIT("would ask to exit");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The decision for one path and its reason. */
    public record Decision(Path path, Action action, String why, Inventory.Master master) {
    }

    private Pruner() {
    }

    /**
     * Decides (and unless {@code dryRun} acts) on every entry of a listing.
     *
     * @param unresponsive also ask unresponsive masters of ours to exit, by mux request or else SIGTERM to their
     *                     pid, and remove their socket once it provably refuses connections
     */
    public static List<Decision> prune(Inventory.Listing listing, boolean dryRun, boolean unresponsive,
                                       Duration timeout) {
        List<Decision> out = new ArrayList<>();
        for (Inventory.Master m : listing.masters()) {
            out.add(decide(m, dryRun, unresponsive, timeout));
        }
        return out;
    }

    private static Decision decide(Inventory.Master m, boolean dryRun, boolean unresponsive, Duration timeout) {
        SocketProbe p = m.probe();
        switch (m.state()) {
            case STALE: {
                String refused = "connection refused" + (m.temporary() ? " (leftover temporary socket)" : "");
                if (dryRun) {
                    Optional<String> no = whyNot(p);
                    return no.map(r -> new Decision(m.path(), Action.KEPT, r, m))
                            .orElseGet(() -> new Decision(m.path(), Action.WOULD_REMOVE, refused, m));
                }
                Optional<String> no = removeIfDead(p);
                return no.map(r -> new Decision(m.path(), Action.KEPT, r, m))
                        .orElseGet(() -> new Decision(m.path(), Action.REMOVED, refused, m));
            }
            case UNRESPONSIVE:
                if (unresponsive) {
                    return endUnresponsive(m, dryRun, timeout);
                }
                return new Decision(m.path(), Action.KEPT, "unresponsive (" + m.detail() + "); it may be a busy "
                        + "live master (--unresponsive asks it to exit)", m);
            case ALIVE:
                return new Decision(m.path(), Action.KEPT, "alive (pid " + m.pid() + ")", m);
            case FOREIGN:
                return new Decision(m.path(), Action.KEPT, "foreign: " + m.detail(), m);
            case NOT_A_SOCKET:
                return new Decision(m.path(), Action.KEPT, "not a socket (" + m.detail() + ")", m);
            case NO_SOCKET:
                return new Decision(m.path(), Action.KEPT, m.detail(), m);
            default:
                return new Decision(m.path(), Action.KEPT, m.state().label() + ": " + m.detail(), m);
        }
    }

    /** Why a stale probe's socket must not be removed, or empty when it may be. */
    static Optional<String> whyNot(SocketProbe p) {
        if (p.state() != MasterState.STALE) {
            return Optional.of(p.state().label());
        }
        Posix.Stat s = p.stat();
        if (s == null || !s.isSocket()) {
            return Optional.of("not a socket");
        }
        if (s.uid() != Posix.uid()) {
            return Optional.of("owned by " + p.ownerName() + ", not by you");
        }
        return Optional.empty();
    }

    /**
     * Unlinks the socket of a stale probe if it is still the very file that refused the connection.
     *
     * @return empty when removed, else why it was kept
     */
    public static Optional<String> removeIfDead(SocketProbe p) {
        Optional<String> no = whyNot(p);
        if (no.isPresent()) {
            return no;
        }
        try {
            Optional<Posix.Stat> now = Posix.lstat(p.path());
            if (now.isEmpty()) {
                return Optional.empty(); // already gone
            }
            if (!now.get().sameFile(p.stat()) || !now.get().isSocket() || now.get().uid() != p.stat().uid()) {
                return Optional.of("it changed since it was probed");
            }
            Files.delete(p.path());
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot remove: " + SocketProbe.reason(e));
        }
    }

    private static Decision endUnresponsive(Inventory.Master m, boolean dryRun, Duration timeout) {
        SocketProbe p = m.probe();
        if (p.stat() == null || p.stat().uid() != Posix.uid()) {
            return new Decision(m.path(), Action.KEPT, "unresponsive, but not yours", m);
        }
        Long pid = m.pid();
        boolean ourProcess = pid != null && Posix.processUid(pid) == Posix.uid();
        if (dryRun) {
            return new Decision(m.path(), Action.WOULD_EXIT, "unresponsive (" + m.detail() + ")"
                    + (ourProcess ? "; pid " + pid + " gets SIGTERM if the request is not answered" : ""), m);
        }
        // a master that was asleep may answer with more time
        MuxClientOptions o = new MuxClientOptions(timeout.multipliedBy(2), false, false, MuxClientOptions.NO_TRACE);
        try (MuxClient c = MuxClient.connect(m.path(), o)) {
            c.exit();
            return new Decision(m.path(), Action.EXITED, "unresponsive at first; answered the exit request", m);
        } catch (IOException | RuntimeException e) {
            // fall through to the pid
        }
        if (!ourProcess) {
            return new Decision(m.path(), Action.KEPT, "unresponsive; did not answer an exit request and its "
                    + "process is unknown", m);
        }
        ProcessHandle h = ProcessHandle.of(pid).orElse(null);
        if (h != null) {
            h.destroy();
            if (!waitGone(pid, Duration.ofSeconds(3))) {
                h.destroyForcibly();
                waitGone(pid, Duration.ofSeconds(2));
            }
        }
        SocketProbe after = SocketProbe.probe(m.path(), timeout);
        if (after.state() == MasterState.STALE) {
            Optional<String> no = removeIfDead(after);
            if (no.isPresent()) {
                return new Decision(m.path(), Action.KEPT, "terminated pid " + pid + ", socket kept: " + no.get(), m);
            }
        }
        return new Decision(m.path(), Action.EXITED, "unresponsive; terminated pid " + pid, m);
    }

    static boolean waitGone(long pid, Duration d) {
        long until = System.nanoTime() + d.toNanos();
        while (Posix.alive(pid)) {
            if (System.nanoTime() - until > 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
