package io.ctlmux.masters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ssh master processes found in /proc: daemonised ControlPersist masters titled {@code ssh: PATH [mux]}, and ssh
 * processes started as masters ({@code -M} or {@code ControlMaster=yes}) with a literal ControlPath on their command
 * line, as {@code ctlmux start} runs them. Linux only; elsewhere the table is empty.
 */
public final class ProcessTable {
    private static final int MAX_CMDLINE = 64 * 1024;

    /** One master process and the control path it serves. */
    public record Entry(long pid, int uid, Path path) {
    }

    private ProcessTable() {
    }

    /** Every ssh master process visible to us, keyed by control path (the oldest pid per path is kept). */
    public static Map<Path, Entry> scan() {
        Map<Path, Entry> out = new LinkedHashMap<>();
        for (Entry e : scanAll()) {
            out.putIfAbsent(e.path(), e);
        }
        return out;
    }

    /** Every ssh master process visible to us, in pid order. */
    public static List<Entry> scanAll() {
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
            Path path = masterPath(argv);
            if (path != null && Posix.alive(pid)) {
                out.add(new Entry(pid, Posix.processUid(pid), path));
            }
        }
        return out;
    }

    /** The words of /proc/PID/cmdline; empty when unreadable (gone, or a kernel thread). */
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
                words.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        while (!words.isEmpty() && words.get(words.size() - 1).isEmpty()) {
            words.remove(words.size() - 1);
        }
        return words;
    }

    /** The control path a master process serves, from its title or its arguments; null if it is not a master. */
    static Path masterPath(List<String> argv) {
        String first = argv.get(0);
        if (first.startsWith("ssh: ")) {
            // setproctitle() wrote "ssh: PATH [mux]" over argv; padding may follow as spaces or NULs
            String title = String.join(" ", argv).strip();
            if (title.endsWith(" [mux]")) {
                String p = title.substring("ssh: ".length(), title.length() - " [mux]".length());
                if (p.startsWith("/")) {
                    return Path.of(p);
                }
            }
            return null;
        }
        String base = first.substring(first.lastIndexOf('/') + 1);
        if (!base.equals("ssh")) {
            return null;
        }
        boolean master = false;
        String path = null;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                break; // the destination: options end here (options after it are rare for masters)
            }
            if (a.equals("--")) {
                break;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                if (c == 'M') {
                    master = true;
                    continue;
                }
                if ("bceilmopBDEFIJLOPQRSWw".indexOf(c) >= 0) {
                    String v = k + 1 < a.length() ? a.substring(k + 1) : (i + 1 < argv.size() ? argv.get(++i) : "");
                    if (c == 'S') {
                        path = v;
                    } else if (c == 'o') {
                        String[] kv = option(v);
                        if (kv != null && kv[0].equals("controlpath") && path == null) {
                            path = kv[1];
                        } else if (kv != null && kv[0].equals("controlmaster")) {
                            String m = kv[1].toLowerCase(Locale.ROOT);
                            master |= m.equals("yes") || m.equals("ask");
                        }
                    }
                    break;
                }
            }
        }
        if (!master || path == null || !path.startsWith("/") || path.indexOf('%') >= 0) {
            return null;
        }
        return Path.of(path);
    }

    /** {@code Keyword=value} or {@code Keyword value}: lower-cased keyword and value; null if neither. */
    private static String[] option(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) != '=' && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
            i++;
        }
        if (i == s.length()) {
            return null;
        }
        int j = i;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '=' ) {
            j++;
        }
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        return new String[] {s.substring(0, i).toLowerCase(Locale.ROOT), s.substring(j)};
    }
}
