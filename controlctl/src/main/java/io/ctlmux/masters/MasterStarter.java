package io.ctlmux.masters;

import io.ctlmux.config.args.SshCommandLine;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code ctlmux start}: starts a master with the system OpenSSH client and the user's own config, fully detached
 * (stdin and stdout on /dev/null, ssh's log in {@code PATH.log}), and returns once the master answers ALIVE_CHECK.
 *
 * <p>Idempotent and serialised: a lock on {@code PATH.lock} beside the socket (fcntl, plus an in-process lock for
 * callers in the same JVM) means concurrent starts for one ControlPath end with exactly one master. Checks that
 * need no network come first: the path budget, then the directory.
 */
public final class MasterStarter {
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final Duration PROBE = Duration.ofSeconds(2);

    private MasterStarter() {
    }

    /**
     * What to start.
     *
     * @param args        the user's ssh command line: options and the destination, no command
     * @param persist     ControlPersist to use instead of the config's, or null
     * @param mkdir       create a missing socket directory (mode 0700)
     * @param timeout     how long to wait for the master (and for the lock)
     * @param ssh         the ssh binary
     */
    public record Request(SshCommandLine args, String persist, boolean mkdir, Duration timeout, String ssh) {
        public Request {
            if (args.destination() == null || args.error() != null || !args.command().isEmpty()) {
                throw new IllegalArgumentException("a master needs options and a destination only: " + args);
            }
        }

        public String destination() {
            return args.destination();
        }
    }

    /** How a start ended. */
    public enum Outcome { STARTED, ALREADY_RUNNING }

    /**
     * A running master.
     *
     * @param removedStale a dead socket that was removed before starting, or null
     */
    public record Result(Outcome outcome, Path path, long pid, Path log, Path removedStale) {
    }

    /** Starts (or finds) the master for {@code req}. */
    public static Result start(Request req, ConfigResolver resolver) throws LifecycleException {
        MasterTarget t = MasterTarget.resolve(resolver, req.args());
        Path path = t.controlPath();
        if (path == null) {
            throw new LifecycleException("ctlmux: no ControlPath for " + req.destination() + ": set ControlPath in "
                    + "ssh_config (e.g. ControlPath ~/.ssh/cm/%C) or pass -S PATH");
        }
        checkBudget(path);
        checkDirectory(path.getParent(), req.mkdir());
        Path lockPath = sibling(path, ".lock");
        ReentrantLock inProcess = LOCKS.computeIfAbsent(lockPath, k -> new ReentrantLock());
        try {
            // a holder may legitimately take up to its own timeout to start the master
            if (!inProcess.tryLock(req.timeout().toMillis() + PROBE.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                throw new LifecycleException("ctlmux: another start for " + Posix.text(path) + " is still running; gave up "
                        + "after " + req.timeout().toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LifecycleException("ctlmux: interrupted while waiting for the start lock");
        }
        try (FileChannel ch = openLock(lockPath); FileLock lock = fileLock(ch, lockPath, req.timeout())) {
            return startLocked(req, path, System.nanoTime() + req.timeout().toNanos());
        } catch (IOException e) {
            throw new LifecycleException("ctlmux: lock file " + lockPath + ": " + SocketProbe.reason(e));
        } finally {
            inProcess.unlock();
        }
    }

    private static Result startLocked(Request req, Path path, long deadline)
            throws LifecycleException, IOException {
        SocketProbe p = SocketProbe.probe(path, PROBE);
        Path removed = null;
        switch (p.state()) {
            case ALIVE:
                return new Result(Outcome.ALREADY_RUNNING, path, p.pid(), sibling(path, ".log"), null);
            case MISSING:
                break;
            case STALE:
                Optional<String> why = Pruner.removeIfDead(p);
                if (why.isPresent()) {
                    throw new LifecycleException("ctlmux: a dead socket is in the way at " + Posix.text(path) + " and was not "
                            + "removed: " + why.get());
                }
                removed = path;
                break;
            case UNRESPONSIVE:
                throw new LifecycleException(List.of("ctlmux: a master at " + Posix.text(path) + " does not answer ("
                        + p.detail() + "); not starting a second one.",
                        "It may be busy or wedged: `ctlmux prune --unresponsive` asks it to exit."), 255);
            default:
                throw new LifecycleException("ctlmux: refusing to start a master at " + Posix.text(path) + ": "
                        + p.state().label() + " (" + p.detail() + ")");
        }
        Path log = sibling(path, ".log");
        Files.deleteIfExists(log);
        Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        List<String> cmd = command(req, path, log);
        Process ssh;
        try {
            // A java.io.File holds no path the platform charset cannot encode; ssh -E writes its messages to the
            // log itself, so then only what ssh prints before it reads -E is not kept.
            String logText = Posix.text(log);
            ssh = new ProcessBuilder(io.ctlmux.config.text.ByteText.command(cmd))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(io.ctlmux.config.text.ByteText.isAscii(logText)
                            ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new LifecycleException("ctlmux: cannot run " + req.ssh() + ": " + SocketProbe.reason(e));
        }
        Integer exit = null;
        long pause = 10;
        while (true) {
            if (exit == null && !ssh.isAlive()) {
                exit = ssh.exitValue();
                if (exit != 0) {
                    throw failure(path, log, "ssh exited with status " + exit + " before the master was ready");
                }
            }
            SocketProbe q = SocketProbe.probe(path, PROBE);
            if (q.state() == MasterState.ALIVE) {
                if (exit == null) {
                    // ssh forks once the connection is up; reap the parent so no zombie is left behind
                    waitQuietly(ssh, Duration.ofSeconds(2));
                }
                return new Result(Outcome.STARTED, path, q.pid(), log, removed);
            }
            if (System.nanoTime() - deadline > 0) {
                if (ssh.isAlive()) {
                    ssh.destroy();
                    if (!waitQuietly(ssh, Duration.ofSeconds(2))) {
                        ssh.destroyForcibly();
                        waitQuietly(ssh, Duration.ofSeconds(2));
                    }
                }
                throw failure(path, log, "no master answered at " + Posix.text(path) + " within "
                        + req.timeout().toSeconds() + " s" + (exit != null ? " (ssh went to the background; check "
                        + "the log for 'disabling multiplexing')" : "; ssh was stopped"));
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                ssh.destroy();
                Thread.currentThread().interrupt();
                throw new LifecycleException("ctlmux: interrupted; the starting ssh was stopped");
            }
            pause = Math.min(100, pause * 2);
        }
    }

    /** The ssh command line: our master options first (ssh's -o is first-wins), then the user's options. */
    static List<String> command(Request req, Path path, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(req.ssh());
        cmd.add("-o");
        cmd.add("ControlMaster=yes");
        cmd.add("-o");
        cmd.add("ControlPath=" + Posix.text(path).replace("%", "%%")); // literal: no token expansion
        if (req.persist() != null) {
            cmd.add("-o");
            cmd.add("ControlPersist=" + req.persist());
        }
        cmd.add("-E");
        cmd.add(Posix.text(log));
        cmd.add("-f");
        cmd.add("-N");
        // -M toggles yes/ask, -f/-N are ours, -E is the log; -O/-G/-W/-T/-t make no sense for a detached master
        cmd.addAll(req.args().without("MfNGTtEOW").words());
        return cmd;
    }

    /** Refuses a ControlPath too long for the master's temporary socket name. */
    static void checkBudget(Path path) throws LifecycleException {
        int bytes = Posix.bytes(path);
        int budget = Posix.masterPathBudget();
        if (bytes > budget) {
            throw new LifecycleException(List.of("ctlmux: ControlPath " + Posix.text(path) + " is " + bytes + " bytes; a master "
                    + "needs at most " + budget + " (it binds PATH plus a 17-byte temporary suffix first).",
                    "Use a shorter directory or the %C token, e.g. ControlPath ~/.ssh/cm/%C"), 255);
        }
    }

    /** Refuses a missing directory (unless {@code mkdir}) and one that other users can write to or own. */
    static void checkDirectory(Path dir, boolean mkdir) throws LifecycleException {
        Optional<Posix.Stat> st;
        try {
            st = Posix.stat(dir);
        } catch (IOException e) {
            throw new LifecycleException("ctlmux: cannot stat socket directory " + Posix.text(dir) + ": " + SocketProbe.reason(e));
        }
        if (st.isEmpty()) {
            if (!mkdir) {
                throw new LifecycleException(List.of("ctlmux: socket directory " + Posix.text(dir) + " does not exist.",
                        "Create it with: mkdir -m 700 -p " + Posix.text(dir) + "   (or pass --mkdir)"), 255);
            }
            try {
                Files.createDirectories(dir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                st = Posix.stat(dir);
            } catch (IOException e) {
                throw new LifecycleException("ctlmux: cannot create " + Posix.text(dir) + ": " + SocketProbe.reason(e));
            }
            if (st.isEmpty()) {
                throw new LifecycleException("ctlmux: " + Posix.text(dir) + " vanished after it was created");
            }
        }
        Posix.Stat s = st.get();
        if (!s.isDirectory()) {
            throw new LifecycleException("ctlmux: " + Posix.text(dir) + " is a " + s.typeName() + ", not a directory");
        }
        int me = Posix.uid();
        if (s.uid() != me && s.uid() != 0) {
            throw new LifecycleException(List.of("ctlmux: socket directory " + Posix.text(dir) + " belongs to "
                    + Posix.userName(dir, s.uid()) + "; it could replace your sockets.",
                    "Use a directory of your own, e.g. mkdir -m 700 ~/.ssh/cm"), 255);
        }
        if ((s.mode() & 0022) != 0) {
            throw new LifecycleException(List.of("ctlmux: socket directory " + Posix.text(dir) + " is writable by others (mode "
                    + String.format("%04o", s.mode() & 07777) + "): another user could plant or swap sockets there.",
                    "Use a private directory (mkdir -m 700 ~/.ssh/cm) or run: chmod go-w " + Posix.text(dir)), 255);
        }
    }

    private static FileChannel openLock(Path lockPath) throws IOException {
        return FileChannel.open(lockPath, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    private static FileLock fileLock(FileChannel ch, Path lockPath, Duration timeout) throws IOException {
        long until = System.nanoTime() + timeout.toNanos() + PROBE.toNanos() * 2;
        long pause = 5;
        while (true) {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l != null) {
                return l;
            }
            if (System.nanoTime() - until > 0) {
                throw new IOException("held by another process for longer than " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock");
            }
            pause = Math.min(100, pause * 2);
        }
    }

    private static LifecycleException failure(Path path, Path log, String what) {
        List<String> lines = new ArrayList<>();
        lines.add("ctlmux: starting the master for " + Posix.text(path) + " failed: " + what + ".");
        List<String> tail = tail(log, 10);
        if (tail.isEmpty()) {
            lines.add("ssh logged nothing (" + log + ").");
        } else {
            lines.add("Last lines of " + log + ":");
            for (String l : tail) {
                lines.add("  " + l);
            }
        }
        return new LifecycleException(lines, 255);
    }

    /** The last {@code n} non-empty lines of a file, CRs removed. */
    static List<String> tail(Path file, int n) {
        List<String> all;
        try {
            all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String l : all) {
            String s = l.replace("\r", "").strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out.subList(Math.max(0, out.size() - n), out.size());
    }

    static Path sibling(Path path, String suffix) {
        return Posix.path(Posix.text(path) + suffix);
    }

    private static boolean waitQuietly(Process p, Duration d) {
        try {
            return p.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
