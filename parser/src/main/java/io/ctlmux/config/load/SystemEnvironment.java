package io.ctlmux.config.load;

import io.ctlmux.config.eval.Environment;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The real machine: passwd entries, files, glob, the shell for Match exec, DNS and interfaces. */
public final class SystemEnvironment implements Environment {
    private final Map<String, String> env;
    private final Passwd.Entry me;

    public SystemEnvironment() {
        this(System.getenv());
    }

    public SystemEnvironment(Map<String, String> env) {
        this.env = env;
        this.me = Passwd.cachedCurrent();
    }

    @Override
    public String getenv(String name) {
        return env.get(name);
    }

    @Override
    public String userName() {
        return me.name();
    }

    @Override
    public long uid() {
        return me.uid();
    }

    @Override
    public String home() {
        return me.home();
    }

    @Override
    public Optional<String> homeOf(String user) {
        return Passwd.byName(user).map(Passwd.Entry::home);
    }

    private static volatile String hostName;

    @Override
    public String hostName() {
        String h = hostName;
        if (h == null) {
            h = readHostName();
            hostName = h;
        }
        return h;
    }

    private static String readHostName() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException e) {
            // fall through
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public Optional<byte[]> readFile(String path) throws IOException {
        Path p = Paths.get(path);
        try {
            // The common case first, without a stat of its own; any failure (a directory fails here too) is
            // sorted out below.
            return Optional.of(Files.readAllBytes(p));
        } catch (IOException e) {
            // fall through
        }
        if (Files.isDirectory(p)) {
            return Optional.of(new byte[0]);
        }
        try {
            return Optional.of(Files.readAllBytes(p));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.file.AccessDeniedException e) {
            return Optional.empty();
        }
    }

    @Override
    public FileFacts fileFacts(String path) {
        try {
            Path p = Paths.get(path);
            Object uid = Files.getAttribute(p, "unix:uid");
            Object mode = Files.getAttribute(p, "unix:mode");
            return new FileFacts(((Number) uid).longValue(), ((Number) mode).intValue() & 07777,
                    Files.isDirectory(p));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            if (new File(path).exists()) {
                try {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(Paths.get(path));
                    int mode = 0;
                    for (PosixFilePermission pp : perms) {
                        mode |= 1 << (8 - pp.ordinal());
                    }
                    return new FileFacts(uid(), mode, Files.isDirectory(Paths.get(path)));
                } catch (IOException | UnsupportedOperationException x) {
                    return new FileFacts(uid(), 0600, false);
                }
            }
            return null;
        }
    }

    @Override
    public List<String> glob(String pattern) {
        return Glob.expand(pattern, this);
    }

    @Override
    public int exec(String command) {
        String shell = env.get("SHELL");
        if (shell == null || shell.isEmpty()) {
            shell = "/bin/sh";
        }
        try {
            Process p = new ProcessBuilder(shell, "-c", command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor();
            int rc = p.exitValue();
            return rc > 128 ? -1 : rc;
        } catch (IOException e) {
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public Optional<InetAddress[]> resolve(String host) {
        try {
            return Optional.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<InetAddress> localAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            Enumeration<NetworkInterface> ifs = NetworkInterface.getNetworkInterfaces();
            for (NetworkInterface ni : Collections.list(ifs)) {
                if (ni.isUp()) {
                    out.addAll(Collections.list(ni.getInetAddresses()));
                }
            }
        } catch (IOException e) {
            // no interfaces known
        }
        return out;
    }

    /** glob(3) with GLOB_TILDE for the patterns Include uses: '*', '?', '[..]' per path component. */
    static final class Glob {
        private Glob() {
        }

        static List<String> expand(String pattern, SystemEnvironment env) {
            String p = pattern;
            if (p.startsWith("~")) {
                int slash = p.indexOf('/');
                String user = slash < 0 ? p.substring(1) : p.substring(1, slash);
                Optional<String> home = user.isEmpty() ? Optional.of(env.home()) : env.homeOf(user);
                if (home.isEmpty()) {
                    return List.of();
                }
                p = home.get() + (slash < 0 ? "" : p.substring(slash));
            }
            if (!hasMeta(p)) {
                return existsNoFollow(p) ? List.of(p) : List.of();
            }
            String[] parts = p.split("/", -1);
            List<String> current = new ArrayList<>();
            current.add(p.startsWith("/") ? "/" : "");
            for (int i = p.startsWith("/") ? 1 : 0; i < parts.length; i++) {
                String part = parts[i];
                List<String> next = new ArrayList<>();
                for (String base : current) {
                    String dir = base.isEmpty() ? "." : base;
                    if (!hasMeta(part)) {
                        String cand = join(base, part);
                        if (i == parts.length - 1 ? new File(cand).exists() : new File(cand).isDirectory()) {
                            next.add(cand);
                        } else if (part.isEmpty() && i == parts.length - 1) {
                            next.add(cand);
                        }
                        continue;
                    }
                    if (!new File(dir).isDirectory()) {
                        continue; // opendir would fail (checked first: a failing open costs an exception)
                    }
                    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + escapeForJava(part));
                    List<String> names = new ArrayList<>();
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Paths.get(dir))) {
                        for (Path e : ds) {
                            String name = e.getFileName().toString();
                            if (name.startsWith(".") && !part.startsWith(".")) {
                                continue;
                            }
                            if (m.matches(Paths.get(name))) {
                                names.add(name);
                            }
                        }
                    } catch (IOException e) {
                        continue;
                    }
                    Collections.sort(names);
                    for (String n : names) {
                        String cand = join(base, n);
                        if (i < parts.length - 1 && !new File(cand).isDirectory()) {
                            continue;
                        }
                        next.add(cand);
                    }
                }
                current = next;
                if (current.isEmpty()) {
                    break;
                }
            }
            return current;
        }

        /**
         * lstat succeeds (a dangling symbolic link counts). java.io.File answers without throwing; only when the
         * path itself is missing from an existing directory does the NIO check (and its exception) run.
         */
        private static boolean existsNoFollow(String path) {
            File f = new File(path);
            if (f.exists()) {
                return true;
            }
            File parent = f.getAbsoluteFile().getParentFile();
            if (parent != null && !parent.isDirectory()) {
                return false; // resolving the parent fails, so lstat of the path fails too
            }
            return Files.exists(Paths.get(path), LinkOption.NOFOLLOW_LINKS);
        }

        private static String join(String base, String name) {
            if (base.isEmpty()) {
                return name;
            }
            return base.endsWith("/") ? base + name : base + "/" + name;
        }

        private static boolean hasMeta(String s) {
            return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
        }

        /** glob(3) has no braces; Java's glob does, so escape them. */
        private static String escapeForJava(String s) {
            StringBuilder sb = new StringBuilder();
            for (char ch : s.toCharArray()) {
                if (ch == '{' || ch == '}' || ch == ',') {
                    sb.append('\\');
                }
                sb.append(ch);
            }
            return sb.toString();
        }
    }
}
