package io.ctlmux.config.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Byte strings: OpenSSH treats config text, arguments, environment values, paths and mux strings as bytes, and so
 * does ctlmux. Inside the JVM such data is a {@code String} in which every char is one byte (0x00-0xFF, the
 * ISO-8859-1 decoding, which is lossless). This class owns every conversion between that form and the outside:
 * byte arrays, the process's arguments and environment, file-system paths and socket addresses, output streams and
 * JSON. Nothing else decodes such data as UTF-8 or in the platform charset.
 *
 * <p>ctlmux's own messages are ASCII, so they are byte strings too. A char above 0xFF can only come from text that
 * was never bytes (a JDK exception message, say); {@link #bytes} and {@link #writer} write such a char as its UTF-8
 * encoding rather than losing it.
 */
public final class ByteText {
    private ByteText() {
    }

    /** The byte string of {@code b}. */
    public static String of(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** The byte string of {@code len} bytes of {@code b} from {@code off}. */
    public static String of(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** The bytes of a byte string (a char above 0xFF, which no byte string holds, as its UTF-8 encoding). */
    public static byte[] bytes(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) > 0xff) {
                return mixedBytes(s);
            }
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] mixedBytes(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0xff) {
                out.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1)) ? i + 2 : i + 1;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return out.toByteArray();
    }

    /** The byte string of a Unicode text's UTF-8 encoding (text that was never bytes: a test's literal, say). */
    public static String fromUnicode(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A byte string as Unicode text, for the few APIs that take text (the JDK's path strings, say): valid UTF-8
     * is decoded, anything else becomes U+FFFD. Never for data that goes back out.
     */
    public static String toUnicode(String s) {
        return isAscii(s) ? s : new String(bytes(s), StandardCharsets.UTF_8);
    }

    /**
     * The byte string behind a string the JVM decoded from the operating system (an argument, an environment
     * value, a file name) with {@code sun.jnu.encoding}. Lossless only when that decoding was: prefer
     * {@link #arguments}, {@link #environment} and {@link #ofPath}, which read the bytes themselves.
     */
    public static String fromJvm(String s) {
        return isAscii(s) ? s : of(s.getBytes(jnuCharset()));
    }

    /** True when every char is below 0x80 (such a string means the same in every charset ctlmux meets). */
    public static boolean isAscii(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static Charset jnuCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    // --- the process: arguments and environment -------------------------------------------------------------------

    /**
     * The program arguments as byte strings: the last {@code jvmArgs.length} entries of {@code /proc/self/cmdline},
     * which hold the bytes the process was started with, whatever the locale. When that file is unavailable or does
     * not match what the JVM decoded (an ASCII argument must be the same), the JVM's view ({@link #fromJvm}).
     */
    public static String[] arguments(String[] jvmArgs) {
        String[] out = new String[jvmArgs.length];
        List<String> all = nulSeparated(readProc("/proc/self/cmdline"));
        int skip = all == null ? -1 : all.size() - jvmArgs.length;
        for (int i = 0; i < jvmArgs.length; i++) {
            String jvm = jvmArgs[i];
            String raw = skip < 0 ? null : all.get(skip + i);
            if (raw == null || (isAscii(jvm) ? !raw.equals(jvm) : isAscii(raw))) {
                return fromJvm(jvmArgs);
            }
            out[i] = raw;
        }
        return out;
    }

    private static String[] fromJvm(String[] jvmArgs) {
        String[] out = new String[jvmArgs.length];
        for (int i = 0; i < jvmArgs.length; i++) {
            out[i] = fromJvm(jvmArgs[i]);
        }
        return out;
    }

    private static volatile Map<String, String> environment;

    /**
     * The process environment as byte strings, from {@code /proc/self/environ} (the bytes the process was started
     * with; the first of several entries of one name wins, as getenv(3)), else the JVM's view. Unmodifiable.
     */
    public static Map<String, String> environment() {
        Map<String, String> e = environment;
        if (e == null) {
            e = readEnvironment();
            environment = e;
        }
        return e;
    }

    private static Map<String, String> readEnvironment() {
        List<String> entries = nulSeparated(readProc("/proc/self/environ"));
        Map<String, String> env = new HashMap<>();
        if (entries == null) {
            for (Map.Entry<String, String> v : System.getenv().entrySet()) {
                env.put(fromJvm(v.getKey()), fromJvm(v.getValue()));
            }
        } else {
            for (String entry : entries) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        }
        return Collections.unmodifiableMap(env);
    }

    private static byte[] readProc(String file) {
        try (InputStream in = new java.io.FileInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** NUL-terminated entries (a missing last NUL still ends one), or null for null. */
    private static List<String> nulSeparated(byte[] b) {
        if (b == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                out.add(of(b, start, i - start));
                start = i + 1;
            }
        }
        if (start < b.length) {
            out.add(of(b, start, b.length - start));
        }
        return out;
    }

    // --- paths -----------------------------------------------------------------------------------------------------

    /**
     * A byte string as a JDK path whose bytes are exactly the string's, whatever {@code sun.jnu.encoding} says
     * (the JDK encodes a path string in that charset, which cannot hold every byte: ASCII under {@code LC_ALL=C},
     * no invalid UTF-8 under a UTF-8 locale). An ASCII string is passed as it is; any other goes through a
     * {@code file:} URI whose percent escapes the JDK turns into the path's bytes without a charset. That makes a
     * relative path absolute (against the working directory as the kernel reports it).
     *
     * @throws java.nio.file.InvalidPathException for a NUL byte, as {@link Path#of(String, String...)}
     */
    public static Path path(String s) {
        if (isAscii(s)) {
            return Path.of(s);
        }
        if (s.indexOf('\0') >= 0) {
            throw new java.nio.file.InvalidPathException(toUnicode(s), "Nul character not allowed");
        }
        String abs = s.startsWith("/") ? s : workingDirectory() + "/" + s;
        StringBuilder uri = new StringBuilder(abs.length() + 32).append("file://");
        int i = 0;
        while (i + 1 < abs.length() && abs.charAt(i + 1) == '/') {
            i++; // "file:////x" would have an empty authority: one leading slash is enough
        }
        for (; i < abs.length(); i++) {
            char c = abs.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.'
                    || c == '-' || c == '_') {
                uri.append(c);
            } else {
                uri.append('%').append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
            }
        }
        return Path.of(URI.create(uri.toString()));
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static String workingDirectory() {
        try {
            return ofPath(Files.readSymbolicLink(Path.of("/proc/self/cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return fromJvm(System.getProperty("user.dir", "."));
        }
    }

    /**
     * The bytes of a JDK path as a byte string: exact for any path the file system gave (a directory entry, a
     * symbolic link's target) or {@link #path} made, whatever the locale.
     */
    public static String ofPath(Path p) {
        String s = p.toString();
        if (isAscii(s)) {
            return s; // the JDK decodes a byte it cannot map to a non-ASCII char, so ASCII text is the bytes
        }
        if (!p.isAbsolute()) {
            String abs = ofPath(p.toAbsolutePath());
            String cwd = ofPath(Path.of("").toAbsolutePath());
            return abs.startsWith(cwd + "/") ? abs.substring(cwd.length() + 1) : abs;
        }
        String raw = p.toUri().getRawPath(); // the bytes, percent-escaped (no charset involved)
        int end = raw.length() > 1 && raw.endsWith("/") ? raw.length() - 1 : raw.length(); // a directory's '/'
        StringBuilder sb = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < end) {
                sb.append((char) Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@link #ofPath} as bytes (for APIs that take a path as bytes, such as a socket address). */
    public static byte[] pathBytes(Path p) {
        return bytes(ofPath(p));
    }

    // --- output ----------------------------------------------------------------------------------------------------

    /**
     * A writer that puts each char of a byte string on {@code out} as its byte (a char above 0xFF as UTF-8), so
     * that what was read is written back unchanged whatever the locale. Flushes on println, as System.out does.
     */
    public static PrintWriter writer(OutputStream out) {
        return new PrintWriter(new ByteWriter(out), true);
    }

    private static final class ByteWriter extends Writer {
        private final OutputStream out;
        private final byte[] buf = new byte[8192];
        private int n;

        ByteWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                char c = cbuf[i];
                if (c <= 0xff) {
                    if (n == buf.length) {
                        drain();
                    }
                    buf[n++] = (byte) c;
                } else {
                    int end = Character.isHighSurrogate(c) && i + 1 < off + len
                            && Character.isLowSurrogate(cbuf[i + 1]) ? i + 2 : i + 1;
                    byte[] u = new String(cbuf, i, end - i).getBytes(StandardCharsets.UTF_8);
                    for (byte b : u) {
                        if (n == buf.length) {
                            drain();
                        }
                        buf[n++] = b;
                    }
                    i = end - 1;
                }
            }
        }

        private void drain() throws IOException {
            out.write(buf, 0, n);
            n = 0;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    // --- JSON ------------------------------------------------------------------------------------------------------

    /**
     * A byte string as a JSON string literal, itself a byte string (UTF-8 JSON text): a valid UTF-8 sequence is
     * that Unicode text, each byte that is not part of one is the escape {@code \}{@code udcXX} (XX the byte: the
     * "surrogateescape" convention, which Python's {@code os.fsencode} reverses), control characters, quote and
     * backslash are escaped. {@code null} for null.
     */
    public static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                int len = c <= 0xff ? utf8Length(s, i) : 0;
                if (len > 0) {
                    sb.append(s, i, i + len);
                    i += len - 1;
                } else if (c <= 0xff) {
                    sb.append("\\udc").append(HEX_LOWER[c >> 4]).append(HEX_LOWER[c & 15]);
                } else {
                    sb.append(of(String.valueOf(c).getBytes(StandardCharsets.UTF_8))); // not a byte string
                }
                continue;
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append("\\u00").append(HEX_LOWER[c >> 4]).append(HEX_LOWER[c & 15]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();

    /**
     * The length of the well-formed UTF-8 sequence (RFC 3629: no overlong form, no surrogate, nothing above
     * U+10FFFF) that starts at {@code i}, or 0.
     */
    static int utf8Length(String s, int i) {
        int b0 = s.charAt(i);
        int len;
        int lo = 0x80;
        int hi = 0xbf;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            len = 2;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            len = 3;
            if (b0 == 0xe0) {
                lo = 0xa0;
            } else if (b0 == 0xed) {
                hi = 0x9f;
            }
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            len = 4;
            if (b0 == 0xf0) {
                lo = 0x90;
            } else if (b0 == 0xf4) {
                hi = 0x8f;
            }
        } else {
            return 0;
        }
        if (i + len > s.length()) {
            return 0;
        }
        for (int k = 1; k < len; k++) {
            int b = s.charAt(i + k);
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xbf)) {
                return 0;
            }
        }
        return len;
    }

    // --- child processes -------------------------------------------------------------------------------------------

    /**
     * An argument vector that a {@link ProcessBuilder} passes on unchanged: the JDK encodes each argument in a
     * charset, which cannot hold every byte, so an argv with a non-ASCII byte becomes {@code /bin/sh -c SCRIPT} with
     * an ASCII script that rebuilds each argument with printf octal escapes and execs it. The child sees exactly
     * {@code argv}; the exit status is the program's.
     */
    public static List<String> command(List<String> argv) {
        boolean ascii = true;
        for (String a : argv) {
            ascii &= isAscii(a);
        }
        if (ascii) {
            return argv;
        }
        StringBuilder script = new StringBuilder();
        StringBuilder exec = new StringBuilder("exec");
        for (int k = 0; k < argv.size(); k++) {
            String a = argv.get(k);
            script.append("a").append(k).append("=\"$(printf '");
            for (int i = 0; i < a.length(); i++) {
                char c = a.charAt(i);
                // a leading '-' would be an option of printf's
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/'
                        || c == '.' || (c == '-' && i > 0) || c == '_' || c == ' ' || c == '=' || c == ','
                        || c == ':' || c == '@') {
                    script.append(c);
                } else {
                    script.append('\\').append((char) ('0' + ((c >> 6) & 3))).append((char) ('0' + ((c >> 3) & 7)))
                            .append((char) ('0' + (c & 7)));
                }
            }
            // printf's output loses trailing newlines in $(...): an x after it keeps them.
            script.append("x')\" && a").append(k).append("=\"${a").append(k).append("%x}\" && ");
            exec.append(" \"$a").append(k).append('"');
        }
        return List.of("/bin/sh", "-c", script.append(exec).toString());
    }
}
