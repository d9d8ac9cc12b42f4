package io.ctlmux.config.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteTextTest {
    /** Every byte value from 1 to 255 (NUL cannot be in an argument or a path). */
    private static final String ALL = allBytes();

    private static String allBytes() {
        StringBuilder sb = new StringBuilder();
        for (int b = 1; b < 256; b++) {
            sb.append((char) b);
        }
        return sb.toString();
    }

    /** "cmü" in UTF-8, an invalid sequence and a Latin-1 byte, as byte strings. */
    private static final String UTF8 = ByteText.fromUnicode("cm\u00fc");
    private static final String INVALID = "c\u00ff\u00fe\u00c0\u0080";
    private static final String LATIN1 = "caf\u00e9";

    @Test
    void everyByteRoundTrips() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        String s = ByteText.of(b);
        assertEquals(256, s.length());
        assertArrayEquals(b, ByteText.bytes(s));
        assertEquals("\u00c3\u00bc", ByteText.fromUnicode("\u00fc"));
        assertArrayEquals(new byte[] {'a', (byte) 0xe2, (byte) 0x86, (byte) 0x92}, ByteText.bytes("a\u2192"));
    }

    @Test
    void writerPutsEachCharAsItsByte() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintWriter w = ByteText.writer(out);
        w.print(ALL);
        w.print("x".repeat(10_000)); // more than the buffer
        w.print("\u2192");
        w.flush();
        byte[] got = out.toByteArray();
        assertEquals(255 + 10_000 + 3, got.length);
        assertArrayEquals(ByteText.bytes(ALL), java.util.Arrays.copyOf(got, 255));
        assertEquals(0xe2, got[got.length - 3] & 0xff);
    }

    @Test
    void jsonWritesValidUtf8AsTextAndInvalidBytesAsSurrogateEscapes() {
        assertEquals("\"cm\u00c3\u00bc\"", ByteText.json(UTF8)); // the UTF-8 bytes themselves: JSON text is UTF-8
        assertEquals("\"c\\udcff\\udcfe\\udcc0\\udc80\"", ByteText.json(INVALID));
        assertEquals("\"caf\\udce9\"", ByteText.json(LATIN1));
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\\u007f\"", ByteText.json("a\"b\\c\n\u0001\u007f"));
        assertEquals("null", ByteText.json(null));
        // no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence
        assertEquals("\"\\udce0\\udc80\\udc80\"", ByteText.json("\u00e0\u0080\u0080"));
        assertEquals("\"\\udced\\udca0\\udc80\"", ByteText.json("\u00ed\u00a0\u0080"));
        assertEquals("\"\\udcf4\\udc90\\udc80\\udc80\"", ByteText.json("\u00f4\u0090\u0080\u0080"));
        assertEquals("\"\\udce2\\udc82\"", ByteText.json("\u00e2\u0082"));
        String emoji = ByteText.fromUnicode("\ud83d\ude00");
        assertEquals("\"" + emoji + "\"", ByteText.json(emoji));
        // what Python's json.loads + os.fsencode (surrogateescape) gives back is the original bytes
        String text = new String(ByteText.bytes(ByteText.json(UTF8 + INVALID)), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("\"cm\u00fcc\\udcff\\udcfe\\udcc0\\udc80\"", text);
    }

    @Test
    void pathsReachTheFileSystemAsTheirBytes(@TempDir Path tmp) throws Exception {
        String base = ByteText.ofPath(tmp);
        for (String name : List.of(UTF8, INVALID, LATIN1, "a b%25?#[*]")) {
            Path p = ByteText.path(base + "/" + name);
            Files.createDirectory(p);
            assertTrue(Files.isDirectory(p), name);
            assertEquals(base + "/" + name, ByteText.ofPath(p));
            assertEquals(name, ByteText.ofPath(p.getFileName()));
        }
        // the names as the kernel has them: listed through a child process, which sees bytes
        Process ls = new ProcessBuilder("ls", "-1", ByteText.toUnicode(base)).start();
        byte[] listing = ls.getInputStream().readAllBytes();
        assertTrue(ls.waitFor(10, TimeUnit.SECONDS));
        List<String> names = List.of(ByteText.of(listing).split("\n"));
        assertTrue(names.containsAll(List.of(UTF8, INVALID, LATIN1)), names.toString());
        // a listing gives the same bytes back
        List<String> listed = new ArrayList<>();
        try (Stream<Path> s = Files.list(tmp)) {
            s.forEach(p -> listed.add(ByteText.ofPath(p.getFileName())));
        }
        assertTrue(listed.containsAll(names), listed.toString());
        assertThrows(java.nio.file.InvalidPathException.class, () -> ByteText.path("/tmp/a\u00e9\0b"));
    }

    @Test
    void commandPassesEveryByteToTheChild(@TempDir Path tmp) throws Exception {
        String weird = ALL.replace("\n", "") + "\n\n";
        List<String> argv = List.of("/usr/bin/printf", "%s|%s|%s", weird, INVALID, "'$x\"`");
        List<String> cmd = ByteText.command(argv);
        for (String a : cmd) {
            assertTrue(ByteText.isAscii(a), "the JDK passes only ASCII on unchanged: " + a);
        }
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals(weird + "|" + INVALID + "|'$x\"`", ByteText.of(out));
        assertEquals(List.of("true"), ByteText.command(List.of("true")));
        Process f = new ProcessBuilder(ByteText.command(List.of("/bin/sh", "-c", "exit 3", INVALID))).start();
        assertTrue(f.waitFor(10, TimeUnit.SECONDS));
        assertEquals(3, f.exitValue(), "the exit status is the program's");
    }

    @Test
    void environmentAndArgumentsComeFromTheKernel() {
        assertEquals(ByteText.fromJvm(System.getenv("PATH")), ByteText.environment().get("PATH"));
        // surefire's own command line ends with arguments the JVM decoded; an ASCII mismatch falls back
        assertEquals(List.of(), List.of(ByteText.arguments(new String[0])));
        String[] bogus = {"no-such-argument-" + System.nanoTime()};
        assertArrayEquals(bogus, ByteText.arguments(bogus));
        assertFalse(ByteText.isAscii(UTF8));
    }
}
