package io.ctlmux.masters;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.syntax.Arg;
import io.ctlmux.config.syntax.ConfigFile;
import io.ctlmux.config.syntax.Directive;
import io.ctlmux.config.syntax.Line;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Every master the config can reach ({@code ctlmux ls}): the ControlPath of each concrete Host alias in the config
 * and the files it includes, the other sockets in those directories (including OpenSSH's leftover temporary
 * sockets {@code PATH.XXXXXXXXXXXXXXXX}), and ssh master processes from the process table. Each path is probed
 * once, concurrently, with a bounded timeout.
 *
 * <p>{@code %C} names map back to aliases because each alias is resolved exactly as ssh resolves it, which
 * recomputes the hash.
 */
public final class Inventory {
    /** Host aliases beyond this many are not resolved (each costs one full resolution). */
    static final int MAX_ALIASES = 2000;
    /** A placeholder destination used once, to learn which config files exist. */
    static final String PROBE_HOST = "ctlmux-ls.invalid";
    private static final Pattern TEMP = Pattern.compile(".+\\.[A-Za-z0-9]{16}");

    /**
     * One socket or master.
     *
     * @param aliases   the Host aliases whose ControlPath this is (empty when none is known)
     * @param endpoint  {@code user@host:port} of the first alias, or null
     * @param since     when the master process started, else when the socket was made, else null
     * @param temporary an OpenSSH temporary socket name ({@code PATH.} plus 16 characters)
     * @param source    how it was found: config, directory or process
     */
    public record Master(Path path, MasterState state, Long pid, List<String> aliases, String endpoint,
                         String owner, Instant since, boolean temporary, String detail, String source,
                         SocketProbe probe) {
    }

    /** What {@link #discover} found, and what it could not look at. */
    public record Listing(List<Master> masters, List<String> warnings) {
    }

    private Inventory() {
    }

    private static final class Candidate {
        final Path path;
        final Set<String> aliases = new LinkedHashSet<>();
        String endpoint;
        String source;
        boolean temporary;
        ProcessTable.Entry process;

        Candidate(Path path, String source) {
            this.path = path;
            this.source = source;
        }
    }

    /** Finds, probes and returns every master reachable from {@code options} (ssh options, no destination). */
    public static Listing discover(SshCommandLine options, ConfigResolver resolver, Duration timeout)
            throws LifecycleException {
        List<String> warnings = new ArrayList<>();
        Map<Path, Candidate> found = new TreeMap<>();
        for (MasterTarget t : targets(options, resolver, warnings)) {
            Candidate c = found.computeIfAbsent(t.controlPath(), p -> new Candidate(p, "config"));
            c.aliases.add(t.destination());
            if (c.endpoint == null) {
                c.endpoint = t.endpoint();
            }
        }
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path p : found.keySet()) {
            if (p.getParent() != null) {
                dirs.add(p.getParent());
            }
        }
        Map<Path, Candidate> byConfig = new TreeMap<>(found);
        for (Path dir : dirs) {
            scanDirectory(dir, found, byConfig, warnings);
        }
        for (ProcessTable.Entry e : ProcessTable.scan(resolver.dialect()).values()) {
            Candidate c = found.computeIfAbsent(e.path(), p -> new Candidate(p, "process"));
            c.process = e;
        }
        return new Listing(probeAll(found.values(), timeout), warnings);
    }

    /** Resolves every concrete Host alias, following the files each resolution reads (Include). */
    static List<MasterTarget> targets(SshCommandLine options, ConfigResolver resolver, List<String> warnings)
            throws LifecycleException {
        MasterTarget first = MasterTarget.resolve(resolver, options.withDestination(PROBE_HOST));
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> queued = new HashSet<>();
        addAliases(first, seen, queue, queued);
        List<MasterTarget> out = new ArrayList<>();
        int resolved = 0;
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ctlmux-resolve");
            t.setDaemon(true);
            return t;
        });
        try {
            // in waves: the aliases known so far in parallel, then those their files (Includes) add
            while (!queue.isEmpty()) {
                List<String> wave = new ArrayList<>();
                while (!queue.isEmpty() && resolved < MAX_ALIASES) {
                    wave.add(queue.removeFirst());
                    resolved++;
                }
                if (wave.isEmpty()) {
                    warnings.add("only the first " + MAX_ALIASES + " Host aliases were resolved");
                    break;
                }
                List<Future<MasterTarget>> fs = new ArrayList<>();
                for (String alias : wave) {
                    fs.add(pool.submit(() -> MasterTarget.resolve(resolver, options.withDestination(alias))));
                }
                for (int i = 0; i < wave.size(); i++) {
                    MasterTarget t;
                    try {
                        t = fs.get(i).get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        Throwable c = e.getCause();
                        warnings.add("Host " + wave.get(i) + ": " + (c instanceof LifecycleException le
                                ? String.join("; ", le.lines()) : String.valueOf(c)));
                        continue;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new LifecycleException("ctlmux: interrupted");
                    }
                    addAliases(t, seen, queue, queued);
                    if (t.controlPath() != null) {
                        out.add(t);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static void addAliases(MasterTarget t, Set<String> seen, Deque<String> queue, Set<String> queued) {
        for (ConfigFile f : t.resolution().result().files()) {
            if (!seen.add(f.source().name())) {
                continue;
            }
            for (String alias : hostAliases(f)) {
                if (queued.add(alias)) {
                    queue.addLast(alias);
                }
            }
        }
    }

    /** The concrete names on Host lines: no wildcard, no negation. */
    static List<String> hostAliases(ConfigFile f) {
        List<String> out = new ArrayList<>();
        for (Line l : f.lines()) {
            if (l instanceof Directive d && d.keywordLower().equals("host")) {
                for (Arg a : d.args()) {
                    String v = a.value();
                    if (!v.isEmpty() && v.indexOf('*') < 0 && v.indexOf('?') < 0 && v.charAt(0) != '!'
                            && !v.equals(PROBE_HOST)) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    private static void scanDirectory(Path dir, Map<Path, Candidate> found, Map<Path, Candidate> byConfig,
                                      List<String> warnings) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                Optional<Posix.Stat> st = Posix.lstat(p);
                if (st.isEmpty() || !st.get().isSocket()) {
                    continue;
                }
                Candidate c = found.computeIfAbsent(p, q -> new Candidate(q, "directory"));
                String name = Posix.text(p.getFileName());
                if (!byConfig.containsKey(p) && TEMP.matcher(name).matches()) {
                    String full = Posix.text(p);
                    Path base = Posix.path(full.substring(0, full.length() - 17));
                    c.temporary = true;
                    Candidate b = byConfig.get(base);
                    if (b != null) {
                        c.aliases.addAll(b.aliases);
                        c.endpoint = b.endpoint;
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // a configured directory that does not exist holds no masters
        } catch (IOException e) {
            warnings.add("cannot list " + Posix.text(dir) + ": " + SocketProbe.reason(e));
        }
    }

    private static List<Master> probeAll(java.util.Collection<Candidate> candidates, Duration timeout) {
        List<Candidate> list = new ArrayList<>(candidates);
        List<Master> out = new ArrayList<>();
        if (list.isEmpty()) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(list.size(), 32), r -> {
            Thread t = new Thread(r, "ctlmux-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SocketProbe>> futures = new ArrayList<>();
            for (Candidate c : list) {
                futures.add(pool.submit(() -> SocketProbe.probe(c.path, timeout)));
            }
            for (int i = 0; i < list.size(); i++) {
                Candidate c = list.get(i);
                SocketProbe p;
                try {
                    // each probe is bounded by connect + hello + reply; this only guards against the unexpected
                    p = futures.get(i).get(timeout.toMillis() * 3 + 1000, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    p = new SocketProbe(c.path, MasterState.UNRESPONSIVE, null, null, "probe did not finish", null);
                }
                Master m = master(c, p);
                if (m != null) {
                    out.add(m);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static Master master(Candidate c, SocketProbe p) {
        MasterState state = p.state();
        String detail = p.detail();
        if (state == MasterState.MISSING) {
            if (c.process == null) {
                return null; // a configured path with nothing there: no master
            }
            state = MasterState.NO_SOCKET;
            detail = "ssh process " + c.process.pid() + " serves this path but the socket is gone";
        }
        Long pid = p.pid() != null ? p.pid() : c.process != null ? Long.valueOf(c.process.pid()) : null;
        Instant since = pid != null ? Posix.started(pid).orElse(null) : null;
        if (since == null) {
            since = p.modified();
        }
        String owner = p.ownerName();
        if (owner == null && c.process != null) {
            owner = Integer.toString(c.process.uid());
        }
        return new Master(c.path, state, pid, List.copyOf(c.aliases), c.endpoint, owner, since, c.temporary,
                detail, c.source, p);
    }
}
