package io.ctlmux.config.load;

import io.ctlmux.config.eval.CannotOpenException;
import io.ctlmux.config.eval.Environment;
import io.ctlmux.config.text.ByteText;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real machine: passwd entries, files, glob, the shell for Match exec, DNS and interfaces. Names, values and
 * paths are byte strings ({@link ByteText}): the environment is the process's own bytes, and every path reaches the
 * file system as its bytes.
 */
public final class SystemEnvironment implements Environment {
    private final Map<String, String> env;
    private final Passwd.Entry me;

    public SystemEnvironment() {
        this(ByteText.environment());
    }

    /** With {@code env} (names and values are byte strings) as the environment. */
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
            String h = ByteText.of(Files.readAllBytes(Path.of("/proc/sys/kernel/hostname"))).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException e) {
            // fall through
        }
        try {
            return ByteText.fromJvm(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * The most ctlmux reads of one configuration file. ssh reads any amount, line by line; an endless input
     * ({@code /dev/zero}, {@code /dev/urandom}) then takes it all the memory there is, or forever. Real files are a
     * few kilobytes; generated ones with ten thousand Host blocks about half a megabyte. Resolving a 60 MiB file took
     * 2.3 GB and 95 s on a loaded machine (ssh: 7 s); at this bound, proportionally, about a quarter (not measured).
     */
    public static final int MAX_CONFIG_BYTES = 16 << 20;

    @Override
    public Optional<byte[]> readFile(String path) throws IOException {
        Optional<ConfigInput> in = open(path);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (ConfigInput i = in.get()) {
            return Optional.of(i.readAll());
        }
    }

    @Override
    public Optional<ConfigInput> open(String path) throws IOException {
        if (path.isEmpty()) {
            return Optional.empty(); // fopen("") fails with ENOENT; the JDK would take "" as the current directory
        }
        Path p = ByteText.path(path);
        FileChannel ch;
        try {
            ch = FileChannel.open(p, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new CannotOpenException("Permission denied");
        } catch (FileSystemException e) {
            throw new CannotOpenException(strerror(e));
        }
        return Optional.of(new OpenFile(path, p, ch));
    }

    /** The system's wording of a failed open, as strerror gives it (the JDK adds to the one for ELOOP). */
    private static String strerror(FileSystemException e) {
        String reason = e.getReason();
        if (reason == null) {
            return "Input/output error";
        }
        String jdkSuffix = " or unable to access attributes of symbolic link";
        return reason.endsWith(jdkSuffix) ? reason.substring(0, reason.length() - jdkSuffix.length()) : reason;
    }

    /** An opened file: facts from a stat of its path (the JDK has no fstat), content read up to the bound. */
    private final class OpenFile implements ConfigInput {
        private final String name;
        private final Path path;
        private final FileChannel channel;
        private FileFacts facts;

        OpenFile(String name, Path path, FileChannel channel) {
            this.name = name;
            this.path = path;
            this.channel = channel;
        }

        @Override
        public FileFacts facts() throws IOException {
            if (facts == null) {
                facts = stat(path);
            }
            return facts;
        }

        @Override
        public byte[] readAll() throws IOException {
            if (facts().directory()) {
                return new byte[0];
            }
            // one byte more than the size, so that the end is seen without growing the buffer
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Math.max(channel.size(), 8192) + 1,
                    MAX_CONFIG_BYTES + 1L));
            while (true) {
                if (!buf.hasRemaining()) {
                    if (buf.capacity() > MAX_CONFIG_BYTES) {
                        throw new IOException("more than " + (MAX_CONFIG_BYTES >> 20) + " MiB, the most ctlmux reads "
                                + "of a configuration file");
                    }
                    ByteBuffer bigger = ByteBuffer.allocate((int) Math.min((long) buf.capacity() * 2,
                            MAX_CONFIG_BYTES + 1L));
                    buf.flip();
                    bigger.put(buf);
                    buf = bigger;
                }
                if (channel.read(buf) < 0) {
                    break;
                }
            }
            byte[] out = new byte[buf.position()];
            buf.flip();
            buf.get(out);
            return out;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was written
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private FileFacts stat(Path p) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:uid,gid,mode");
            int mode = ((Number) a.get("mode")).intValue();
            int type = mode & 0170000;
            return new FileFacts(((Number) a.get("uid")).longValue(), ((Number) a.get("gid")).longValue(),
                    mode & 07777, type == 0040000, type == 0100000);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes b = Files.readAttributes(p, BasicFileAttributes.class);
            return new FileFacts(uid(), -1, 0600, b.isDirectory(), b.isRegularFile());
        }
    }

    @Override
    public FileFacts fileFacts(String path) {
        if (path.isEmpty()) {
            return null;
        }
        try {
            return stat(ByteText.path(path));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Optional<GroupFacts> group(long gid) {
        return Passwd.group(gid);
    }

    @Override
    public Optional<String> userNameOf(long uid) {
        return Passwd.byUid(uid).map(Passwd.Entry::name);
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
            Process p = new ProcessBuilder(ByteText.command(List.of(shell, "-c", command)))
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
                        if (i == parts.length - 1 ? exists(cand) : isDirectory(cand)) {
                            next.add(cand);
                        } else if (part.isEmpty() && i == parts.length - 1) {
                            next.add(cand);
                        }
                        continue;
                    }
                    if (!isDirectory(dir)) {
                        continue; // opendir would fail (checked first: a failing open costs an exception)
                    }
                    List<String> names = new ArrayList<>();
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(ByteText.path(dir))) {
                        for (Path e : ds) {
                            String name = ByteText.ofPath(e.getFileName());
                            if (name.startsWith(".") && !part.startsWith(".")) {
                                continue;
                            }
                            if (fnmatch(part, 0, name, 0)) {
                                names.add(name);
                            }
                        }
                    } catch (IOException e) {
                        continue;
                    }
                    Collections.sort(names);
                    for (String n : names) {
                        String cand = join(base, n);
                        if (i < parts.length - 1 && !isDirectory(cand)) {
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
            if (!ByteText.isAscii(path)) {
                return Files.exists(ByteText.path(path), LinkOption.NOFOLLOW_LINKS);
            }
            File f = new File(path);
            if (f.exists()) {
                return true;
            }
            File parent = f.getAbsoluteFile().getParentFile();
            if (parent != null && !parent.isDirectory()) {
                return false; // resolving the parent fails, so lstat of the path fails too
            }
            return Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS);
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

        /** stat(2) succeeds. java.io.File (no exception when missing) unless the bytes need {@link ByteText#path}. */
        static boolean exists(String path) {
            return ByteText.isAscii(path) ? new File(path).exists() : Files.exists(ByteText.path(path));
        }

        static boolean isDirectory(String path) {
            return ByteText.isAscii(path) ? new File(path).isDirectory() : Files.isDirectory(ByteText.path(path));
        }

        /**
         * fnmatch(3) without flags, on byte strings, for one path component: {@code *}, {@code ?}, bracket
         * expressions ({@code [a-z]}, negated by {@code !} or {@code ^}, {@code ]} first is literal) and backslash
         * escapes. Bytes compare as unsigned values (the C locale ssh's glob runs in).
         */
        static boolean fnmatch(String pat, int pi, String name, int ni) {
            while (pi < pat.length()) {
                char c = pat.charAt(pi);
                if (c == '*') {
                    while (pi < pat.length() && pat.charAt(pi) == '*') {
                        pi++;
                    }
                    if (pi == pat.length()) {
                        return true;
                    }
                    for (int k = ni; k <= name.length(); k++) {
                        if (fnmatch(pat, pi, name, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                if (ni == name.length()) {
                    return false;
                }
                char n = name.charAt(ni);
                if (c == '?') {
                    pi++;
                } else if (c == '[' && bracketEnd(pat, pi) > 0) {
                    int end = bracketEnd(pat, pi);
                    if (!inBracket(pat, pi + 1, end, n)) {
                        return false;
                    }
                    pi = end + 1;
                } else {
                    if (c == '\\' && pi + 1 < pat.length()) {
                        c = pat.charAt(++pi);
                    }
                    if (c != n) {
                        return false;
                    }
                    pi++;
                }
                ni++;
            }
            return ni == name.length();
        }

        /** The index of the ']' closing the bracket expression at {@code open}, or -1 (then '[' is literal). */
        private static int bracketEnd(String pat, int open) {
            int i = open + 1;
            if (i < pat.length() && (pat.charAt(i) == '!' || pat.charAt(i) == '^')) {
                i++;
            }
            if (i < pat.length() && pat.charAt(i) == ']') {
                i++;
            }
            for (; i < pat.length(); i++) {
                if (pat.charAt(i) == ']') {
                    return i;
                }
            }
            return -1;
        }

        private static boolean inBracket(String pat, int from, int end, char n) {
            boolean negate = pat.charAt(from) == '!' || pat.charAt(from) == '^';
            int i = negate ? from + 1 : from;
            boolean hit = false;
            while (i < end) {
                char lo = pat.charAt(i);
                if (lo == '\\' && i + 1 < end) {
                    lo = pat.charAt(++i);
                }
                if (i + 2 < end && pat.charAt(i + 1) == '-') {
                    char hi = pat.charAt(i + 2);
                    hit |= n >= lo && n <= hi;
                    i += 3;
                } else {
                    hit |= n == lo;
                    i++;
                }
            }
            return hit != negate;
        }
    }
}
