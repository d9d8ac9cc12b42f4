package io.ctlmux.masters;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.keyword.ControlMaster;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.resolved.BytePath;
import io.ctlmux.config.resolved.ResolvedConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ssh master processes found in /proc: daemonised ControlPersist masters titled {@code ssh: PATH [mux]}, and ssh
 * processes whose command line resolves to a master (ControlMaster yes or ask, a ControlPath), as {@code ctlmux
 * start} runs them. Linux only; elsewhere the table is empty.
 */
public final class ProcessTable {
    private static final int MAX_CMDLINE = 64 * 1024;

    /** One master process and the control path it serves. */
    public record Entry(long pid, int uid, Path path) {
    }

    private ProcessTable() {
    }

    /**
     * Every ssh master process visible to us, keyed by control path (the oldest pid per path is kept); ssh command
     * lines are split and resolved as {@code dialect}'s ssh would.
     */
    public static Map<Path, Entry> scan(Dialect dialect) {
        Map<Path, Entry> out = new LinkedHashMap<>();
        for (Entry e : scanAll(dialect)) {
            out.putIfAbsent(e.path(), e);
        }
        return out;
    }

    /** Every ssh master process visible to us, in pid order. */
    public static List<Entry> scanAll(Dialect dialect) {
        List<Entry> out = new ArrayList<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return out;
        }
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(proc)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.isEmpty() && n.length() < 12 && n.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(n));
                }
            }
        } catch (IOException e) {
            return out;
        }
        pids.sort(null);
        for (long pid : pids) {
            List<String> argv = cmdline(pid);
            if (argv.isEmpty()) {
                continue;
            }
            Path path = masterPath(argv, cwd(pid), dialect);
            if (path != null && Posix.alive(pid)) {
                out.add(new Entry(pid, Posix.processUid(pid), path));
            }
        }
        return out;
    }

    /** The words of /proc/PID/cmdline, one char per byte; empty when unreadable (gone, or a kernel thread). */
    static List<String> cmdline(long pid) {
        byte[] raw;
        try (InputStream in = Files.newInputStream(Path.of("/proc/" + pid + "/cmdline"))) {
            raw = in.readNBytes(MAX_CMDLINE);
        } catch (IOException e) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == 0) {
                words.add(io.ctlmux.config.text.ByteText.of(raw, start, i - start));
                start = i + 1;
            }
        }
        while (!words.isEmpty() && words.get(words.size() - 1).isEmpty()) {
            words.remove(words.size() - 1);
        }
        return words;
    }

    /** The process's working directory (where its relative {@code -F} points), or null. */
    private static Path cwd(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + pid + "/cwd"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /**
     * The control path a master process serves, from its title or from its command line; null if it is not a
     * master. A command line is split by the one ssh parser and resolved as {@code ssh -G} would resolve it (Match
     * exec never run); the process is a master when the resolved ControlMaster is {@code yes} or {@code ask} and it
     * has a ControlPath. The resolution uses this process's environment and files, which are the master's when it
     * is this user's (as {@code ctlmux start} runs them); a relative {@code -F} is taken from the master's
     * working directory {@code cwd} (null: ours).
     */
    static Path masterPath(List<String> argv, Path cwd, Dialect dialect) {
        String first = argv.get(0);
        if (first.startsWith("ssh: ")) {
            // setproctitle() wrote "ssh: PATH [mux]" over argv; padding may follow as spaces or NULs
            String title = String.join(" ", argv).strip();
            if (title.endsWith(" [mux]")) {
                String p = title.substring("ssh: ".length(), title.length() - " [mux]".length());
                if (p.startsWith("/")) {
                    return Posix.path(p);
                }
            }
            return null;
        }
        String base = first.substring(first.lastIndexOf('/') + 1);
        if (!base.equals("ssh")) {
            return null;
        }
        SshCommandLine line = SshCommandLine.parse(argv.subList(1, argv.size()), dialect);
        if (line.error() != null || line.destination() == null || line.has('G') || line.has('O')) {
            return null; // such an ssh exits at once or is a client
        }
        ResolvedConfig r;
        try {
            r = SshConfig.resolveFull(fromDirectory(line, cwd), dialect, Evaluator.ExecPolicy.NEVER).result();
        } catch (SshConfigException e) {
            return null;
        }
        ControlMaster master = r.controlMaster();
        Optional<BytePath> path = r.controlPath();
        if (!(master == ControlMaster.YES || master == ControlMaster.ASK) || path.isEmpty()
                || !path.get().bytes().startsWith("/")) {
            return null;
        }
        return path.get().toPath();
    }

    /** {@code line} with a relative {@code -F} file made absolute against {@code cwd}. */
    private static SshCommandLine fromDirectory(SshCommandLine line, Path cwd) {
        if (cwd == null) {
            return line;
        }
        List<SshCommandLine.Option> opts = new ArrayList<>();
        for (SshCommandLine.Option opt : line.options()) {
            String f = opt.argument();
            boolean relative = opt.letter() == 'F' && !f.startsWith("/") && !f.equalsIgnoreCase("none");
            opts.add(relative ? new SshCommandLine.Option('F', Posix.text(cwd) + "/" + f) : opt);
        }
        return new SshCommandLine(opts, line.optionsBeforeDestination(), line.destination(), line.command(),
                line.error());
    }
}
