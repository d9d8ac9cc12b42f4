package io.ctlmux.config.lint;

import io.ctlmux.config.eval.Environment;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environment lint resolves in: config files and their Includes are read (once, then cached) from the real
 * machine, but {@code Match exec} never runs, no name is resolved and no interface is listed. Lines can be masked
 * (replaced by a comment or a never-matching {@code Host} line) so that the per-destination checks can still run on
 * a file OpenSSH rejects.
 */
public final class LintEnvironment implements Environment {
    /** The Host line a masked Host/Match line becomes: it keeps the block boundary and never matches. */
    static final String NEVER_HOST = "Host ctlmux.lint.masked.invalid";

    private final Environment base;
    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();
    private final Map<String, List<String>> globs = new ConcurrentHashMap<>();
    private final Map<String, Optional<FileFacts>> facts = new ConcurrentHashMap<>();
    private Map<String, Set<Integer>> masked = Map.of();
    private Set<String> maskedKeywords = Set.of();

    public LintEnvironment(Environment base) {
        this.base = base;
    }

    /** Serves {@code bytes} as the file {@code path} (e.g. standard input under a name of its own). */
    void provide(String path, byte[] bytes) {
        files.put(path, Optional.of(bytes.clone()));
    }

    /** Lines (file name -> 1-based line numbers) to mask in the following resolutions. */
    void mask(Map<String, Set<Integer>> lines) {
        this.masked = lines;
    }

    /** Keywords (lower case) whose lines are masked everywhere, e.g. UseKeychain when linting for macOS. */
    void maskKeywords(Set<String> keywords) {
        this.maskedKeywords = keywords;
    }

    @Override
    public String getenv(String name) {
        return base.getenv(name);
    }

    @Override
    public String userName() {
        return base.userName();
    }

    @Override
    public long uid() {
        return base.uid();
    }

    @Override
    public String home() {
        return base.home();
    }

    @Override
    public Optional<String> homeOf(String user) {
        return base.homeOf(user);
    }

    @Override
    public String hostName() {
        return base.hostName();
    }

    /**
     * The unmasked bytes of a file (cached), empty when it does not exist. A file that is neither a regular file nor
     * a directory is refused before it is opened ({@link NotRegularFileException}): a FIFO would block and a device
     * may never end, and lint runs unattended (CI).
     */
    public Optional<byte[]> original(String path) throws IOException {
        Optional<byte[]> b = files.get(path);
        if (b == null) {
            FileFacts facts = base.fileFacts(path);
            if (facts != null && !facts.regular() && !facts.directory()) {
                throw new NotRegularFileException(path);
            }
            b = base.readFile(path);
            files.put(path, b);
        }
        return b;
    }

    /** A file lint does not read because it is not a regular file (or a directory); the message names it. */
    public static final class NotRegularFileException extends IOException {
        private static final long serialVersionUID = 1L;

        NotRegularFileException(String path) {
            super(path + ": not a regular file; lint reads only regular files (and directories, as empty)");
        }
    }

    @Override
    public Optional<byte[]> readFile(String path) throws IOException {
        Optional<byte[]> b = original(path);
        Set<Integer> m = masked.getOrDefault(path, Set.of());
        if (b.isEmpty() || (m.isEmpty() && maskedKeywords.isEmpty())) {
            return b;
        }
        return Optional.of(applyMask(b.get(), m));
    }

    private byte[] applyMask(byte[] content, Set<Integer> lines) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        StringBuilder sb = new StringBuilder(text.length());
        int lineNo = 1;
        int start = 0;
        boolean changed = false;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            String replacement = null;
            String kw = firstWord(line);
            if (lines.contains(lineNo)) {
                replacement = kw.equals("host") || kw.equals("match") ? NEVER_HOST : "#";
            } else if (maskedKeywords.contains(kw)) {
                replacement = "#";
            }
            sb.append(replacement != null ? replacement : line);
            changed |= replacement != null;
            if (nl < 0) {
                break;
            }
            sb.append('\n');
            start = nl + 1;
            lineNo++;
        }
        return changed ? sb.toString().getBytes(StandardCharsets.ISO_8859_1) : content;
    }

    /** The first word of a line, lower-cased, without quotes or a trailing {@code =...}. */
    static String firstWord(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '=')) {
            i++;
        }
        int j = i;
        while (j < line.length() && " \t=\r".indexOf(line.charAt(j)) < 0) {
            j++;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = i; k < j; k++) {
            char c = line.charAt(k);
            if (c != '"') {
                sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
        }
        return sb.toString();
    }

    /** Owner and mode of a file, asked once per run like its bytes. */
    @Override
    public FileFacts fileFacts(String path) {
        Optional<FileFacts> f = facts.get(path);
        if (f == null) {
            f = Optional.ofNullable(base.fileFacts(path));
            facts.put(path, f);
        }
        return f.orElse(null);
    }

    @Override
    public Optional<GroupFacts> group(long gid) {
        return base.group(gid);
    }

    @Override
    public Optional<String> userNameOf(long uid) {
        return base.userNameOf(uid);
    }

    @Override
    public List<String> glob(String pattern) {
        return globs.computeIfAbsent(pattern, base::glob);
    }

    /** Never runs anything: lint is side-effect free ({@code Match exec} is reported by a rule instead). */
    @Override
    public int exec(String command) {
        return 1;
    }

    @Override
    public Optional<InetAddress[]> resolve(String host) {
        return Optional.empty();
    }

    @Override
    public List<InetAddress> localAddresses() {
        return List.of();
    }
}
