package io.ctlmux.config.load;

import io.ctlmux.config.eval.Environment;
import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.resolved.MessageRoute;
import io.ctlmux.config.text.ByteText;
import io.ctlmux.config.text.Vis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything {@code ssh -G ARGS} writes, as {@code ctlmux config} reproduces it: the {@code -G} lines on stdout, the
 * messages ssh prints on stderr, and its exit status. Messages go where ssh sends them ({@link MessageRoute}): those
 * of the command line always to stderr; later ones appended to {@code -E}'s file (created mode 0600, as ssh does;
 * ssh exits 1 when it cannot open it), or with {@code -y} to syslog (which ctlmux does not write), else to stderr;
 * and the pseudo-terminal notice when stdin is not a terminal.
 *
 * @param exitCode ssh's exit status
 * @param stdout   what ssh prints on stdout (the -G lines, empty on failure)
 * @param stderr   the lines ssh prints on stderr (without line ends, not yet vis-encoded)
 * @param logged   the lines that went to -E's file (appended there by {@link #run}) or to syslog
 */
public record GRun(int exitCode, String stdout, List<String> stderr, List<String> logged) {
    /** Resolves {@code args} as {@code ssh -G} does, appending to -E's file as ssh would. */
    public static GRun run(List<String> args, Dialect dialect, Evaluator.ExecPolicy exec, Environment env,
            boolean stdinIsTerminal) {
        List<String> lines;
        MessageRoute route;
        int rc;
        String out;
        try {
            SshConfig.Resolution r = SshConfig.resolveFull(args, dialect, exec, env);
            lines = new ArrayList<>(r.stderr());
            route = r.result().messageRoute();
            rc = 0;
            out = r.options().render();
        } catch (SshConfigException e) {
            lines = new ArrayList<>(e.stderrLines());
            route = e.route();
            rc = e.exitCode();
            out = "";
        }
        if (route == null || route.beforeLogSetUp() < 0) {
            return new GRun(rc, out, List.copyOf(lines), List.of());
        }
        if (route.ttyNotice(stdinIsTerminal)) {
            lines.add(route.ttyNoticeAt(), MessageRoute.TTY_NOTICE);
        }
        int split = Math.min(route.beforeLogSetUp(), lines.size());
        List<String> stderr = new ArrayList<>(lines.subList(0, split));
        List<String> later = List.copyOf(lines.subList(split, lines.size()));
        if (route.logFile() != null) {
            String problem = append(route.logFile(), later);
            if (problem != null) {
                stderr.add("Couldn't open logfile " + route.logFile() + ": " + problem);
                return new GRun(1, "", List.copyOf(stderr), List.of());
            }
            return new GRun(rc, out, List.copyOf(stderr), later);
        }
        if (route.syslog()) {
            return new GRun(rc, out, List.copyOf(stderr), later);
        }
        stderr.addAll(later);
        return new GRun(rc, out, List.copyOf(stderr), List.of());
    }

    /**
     * log_redirect_stderr_to: opens {@code file} (O_WRONLY|O_CREAT|O_APPEND, 0600) and appends the lines as ssh
     * logs them (vis-encoded, CR LF); returns strerror's text when it cannot be opened, else null.
     */
    private static String append(String file, List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String l : lines) {
            bytes.writeBytes(ByteText.bytes(Vis.log(l) + "\r\n"));
        }
        if (file.isEmpty()) {
            return "No such file or directory";
        }
        Path p = ByteText.path(file);
        try (SeekableByteChannel ch = Files.newByteChannel(p, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray());
            while (b.hasRemaining()) {
                ch.write(b);
            }
            return null;
        } catch (NoSuchFileException e) {
            return "No such file or directory";
        } catch (AccessDeniedException e) {
            return "Permission denied";
        } catch (FileSystemException e) {
            return e.getReason() != null ? e.getReason() : e.getMessage();
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
