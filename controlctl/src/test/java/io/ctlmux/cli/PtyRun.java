package io.ctlmux.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Test fixture: a command run on a fresh pseudo-terminal made by util-linux {@code script}, as a user's terminal
 * would run it. The shell around the command prints the terminal's name, sets its size to 24x80, records its modes
 * ({@code before MODES}), runs the command, then prints {@code rc=STATUS} and the modes again ({@code after MODES}).
 * Output arrives as lines without their CR. Every wait is bounded.
 */
final class PtyRun implements AutoCloseable {
    private final Process script;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    final Path tty;

    private static String unavailable;

    /**
     * Why no terminal can be made here, if none can: {@code script} or {@code stty} missing, or {@code script} unable
     * to open a pseudo-terminal (tried once, bounded).
     */
    static synchronized Optional<String> unavailable() throws Exception {
        if (unavailable == null) {
            unavailable = probe();
        }
        return unavailable.isEmpty() ? Optional.empty() : Optional.of(unavailable);
    }

    private static String probe() throws Exception {
        if (!onPath("script") || !onPath("stty")) {
            return "script(1) and stty(1) are needed for a terminal";
        }
        Process p = new ProcessBuilder("script", "-q", "-e", "-c", "tty", "/dev/null").redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "script(1) did not finish within 10 s";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.exitValue() == 0 && out.startsWith("/dev/") ? "" : "script(1) cannot open a pseudo-terminal here: "
                + out;
    }

    private static boolean onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, name)));
    }

    /** Runs {@code command} (words, quoted for the shell here) on a new terminal; {@code dir} holds the wrapper. */
    PtyRun(Path dir, List<String> command) throws Exception {
        Path wrapper = Files.createTempFile(dir, "pty", ".sh");
        Files.writeString(wrapper, "tty\nstty rows 24 cols 80\necho \"before $(stty -g)\"\n"
                + String.join(" ", command.stream().map(PtyRun::quote).toList()) + "\n"
                + "echo \"rc=$?\"\necho \"after $(stty -g)\"\n");
        // script's stdin is a pipe kept open and empty: at EOF on its stdin script would type the EOF character
        // into the terminal, and a command still in cooked mode would read that as the end of its input
        ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-f", "-c", "sh " + quote(wrapper.toString()),
                "/dev/null").redirectErrorStream(true);
        pb.environment().put("SHELL", "/bin/sh");
        script = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line.replace("\r", ""));
                }
            } catch (IOException e) {
                // script is gone
            }
        }, "pty-output");
        reader.setDaemon(true);
        reader.start();
        String name = await(l -> l.startsWith("/dev/"), 20);
        tty = Path.of(name);
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The next line that matches, skipping others (all are kept for {@link #output}). */
    String await(Predicate<String> wanted, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = end - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no such line within " + seconds + " s; output so far: " + seen);
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Every line read so far. */
    List<String> output() {
        return List.copyOf(seen);
    }

    /** Runs stty on the terminal, e.g. {@code cols 132} (a resize signals its foreground processes). */
    String stty(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(tty.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("stty " + String.join(" ", args) + " failed: " + new String(out,
                    StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Waits until the terminal is in raw mode (no ICANON, no ISIG): the client has set up its session. */
    void awaitRaw(int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String modes = " " + stty("-a").replace('\n', ' ') + " ";
            if (modes.contains(" -icanon ") && modes.contains(" -isig ")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the terminal did not enter raw mode within " + seconds + " s: " + seen);
    }

    /** The one process below this terminal's shell whose executable is named {@code name}. */
    ProcessHandle process(String name) {
        List<ProcessHandle> found = script.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/" + name)).orElse(false)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + name + " process under script, found " + found.size());
        }
        return found.get(0);
    }

    /** Sends {@code signal} (e.g. {@code TERM}) to {@code p} with kill(1). */
    static void signal(ProcessHandle p, String signal) throws Exception {
        Process k = new ProcessBuilder("kill", "-s", signal, Long.toString(p.pid())).redirectErrorStream(true)
                .start();
        if (!k.waitFor(10, TimeUnit.SECONDS) || k.exitValue() != 0) {
            k.destroyForcibly();
            throw new IOException("kill -s " + signal + " " + p.pid() + " failed");
        }
    }

    /** Waits for the shell to finish; returns the "rc=" status of the command, the modes before and after. */
    record Outcome(int rc, String before, String after) {
    }

    Outcome finish(int seconds) throws Exception {
        String rc = await(l -> l.startsWith("rc="), seconds);
        String after = await(l -> l.startsWith("after "), 10);
        String before = seen.stream().filter(l -> l.startsWith("before ")).findFirst().orElseThrow();
        if (!script.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("script did not exit");
        }
        return new Outcome(Integer.parseInt(rc.substring(3)), before.substring(7), after.substring(6));
    }

    /** Whether a line equal to {@code line} was seen. */
    boolean saw(String line) {
        return seen.contains(line);
    }

    @Override
    public void close() throws Exception {
        script.getOutputStream().close();
        script.descendants().forEach(ProcessHandle::destroyForcibly);
        script.destroyForcibly();
        script.waitFor(10, TimeUnit.SECONDS);
    }
}
