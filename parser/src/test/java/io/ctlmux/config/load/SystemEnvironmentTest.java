package io.ctlmux.config.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctlmux.config.eval.CannotOpenException;
import io.ctlmux.config.eval.Environment;
import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file and glob answers the evaluator relies on (readconf's fopen and Include's glob). */
class SystemEnvironmentTest {
    @TempDir
    Path dir;

    private final SystemEnvironment env = new SystemEnvironment();

    @Test
    void readFileGivesBytesEmptyForDirectoryAndNothingWhenMissing() throws Exception {
        Path f = Files.write(dir.resolve("config"), "Host x\n".getBytes(StandardCharsets.ISO_8859_1));
        assertArrayEquals("Host x\n".getBytes(StandardCharsets.ISO_8859_1), env.readFile(f.toString()).orElseThrow());
        assertArrayEquals(new byte[0], env.readFile(dir.toString()).orElseThrow());
        assertEquals(Optional.empty(), env.readFile(dir.resolve("missing").toString()));
        assertEquals(Optional.empty(), env.readFile(dir.resolve("missing/deeper").toString()));
    }

    @Test
    void openFailuresCarryTheSystemsWording() throws Exception {
        Files.createSymbolicLink(dir.resolve("a"), dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), dir.resolve("a"));
        Path f = Files.writeString(dir.resolve("f"), "");
        assertEquals("Too many levels of symbolic links", cannotOpen(dir.resolve("a").toString()));
        assertEquals("Not a directory", cannotOpen(f + "/x"));
        assertEquals("File name too long", cannotOpen(dir.resolve("n".repeat(300)).toString()));
        assertEquals(Optional.empty(), env.open(""), "fopen(\"\") fails with ENOENT, not the current directory");
        assertEquals(Optional.empty(), env.readFile(""));
    }

    private String cannotOpen(String path) {
        return assertThrows(CannotOpenException.class, () -> env.open(path)).getMessage();
    }

    @Test
    void readingIsBoundedAndSaysSo() throws Exception {
        int max = SystemEnvironment.MAX_CONFIG_BYTES;
        Path full = Files.write(dir.resolve("full"), new byte[max]);
        assertEquals(max, env.readFile(full.toString()).orElseThrow().length);
        Path over = Files.write(dir.resolve("over"), new byte[max + 1]);
        String msg = "more than 16 MiB, the most ctlmux reads of a configuration file";
        assertEquals(msg, assertThrows(IOException.class, () -> env.readFile(over.toString())).getMessage());
        for (String endless : List.of("/dev/zero", "/dev/urandom")) {
            assertEquals(msg, assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(IOException.class, () -> env.readFile(endless))).getMessage());
        }
    }

    @Test
    void factsTellTheKindOfFileBeforeAnythingIsRead() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "");
        Environment.FileFacts ff = env.fileFacts(f.toString());
        assertTrue(ff.regular() && !ff.directory());
        Environment.FileFacts dev = env.fileFacts("/dev/null");
        assertTrue(!dev.regular() && !dev.directory() && dev.uid() == 0 && (dev.mode() & 0666) == 0666);
        try (Environment.ConfigInput in = env.open(dir.toString()).orElseThrow()) {
            assertTrue(in.facts().directory());
            assertArrayEquals(new byte[0], in.readAll());
        }
    }

    @Test
    void globOfAPlainPathCountsADanglingLinkAndNothingElseMissing() throws Exception {
        Path target = dir.resolve("target");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        assertEquals(List.of(link.toString()), env.glob(link.toString()));
        Files.writeString(target, "");
        assertEquals(List.of(target.toString()), env.glob(target.toString()));
        assertEquals(List.of(), env.glob(dir.resolve("nothing").toString()));
        assertEquals(List.of(), env.glob(dir.resolve("no/such/dir").toString()));
        assertEquals(List.of(), env.glob(target.resolve("under-a-file").toString()));
    }

    @Test
    void globWithWildcardsListsSortedMatchesAndSkipsMissingDirectories() throws Exception {
        Files.createDirectories(dir.resolve("conf.d/sub"));
        Files.writeString(dir.resolve("conf.d/b.conf"), "");
        Files.writeString(dir.resolve("conf.d/a.conf"), "");
        Files.writeString(dir.resolve("conf.d/.hidden.conf"), "");
        Files.writeString(dir.resolve("conf.d/sub/c.conf"), "");
        assertEquals(List.of(dir + "/conf.d/a.conf", dir + "/conf.d/b.conf"), env.glob(dir + "/conf.d/*.conf"));
        assertEquals(List.of(dir + "/conf.d/sub/c.conf"), env.glob(dir + "/*/s*/c.conf"));
        assertEquals(List.of(), env.glob(dir + "/missing.d/*.conf"));
        assertEquals(List.of(), env.glob(dir + "/conf.d/a.conf/*"));
    }

    /** Include globs match names as bytes, sort them bytewise, and read files whose names are not UTF-8. */
    @Test
    void globAndReadWorkOnBytesWhateverTheNames() throws Exception {
        String base = io.ctlmux.config.text.ByteText.ofPath(dir);
        String utf8 = "\u00c3\u00bc"; // ü in UTF-8
        for (String name : List.of(utf8 + "1.conf", "\u00fc0.conf", "\u00ff\u00fe.conf", "a.conf", "[x].conf")) {
            Files.write(io.ctlmux.config.text.ByteText.path(base + "/" + name), name.getBytes(StandardCharsets.ISO_8859_1));
        }
        assertEquals(List.of(base + "/" + utf8 + "1.conf"), env.glob(base + "/" + utf8 + "*"));
        assertEquals(List.of(base + "/\u00fc0.conf"), env.glob(base + "/\u00fc?.conf"));
        assertEquals(List.of(base + "/[x].conf", base + "/a.conf", base + "/" + utf8 + "1.conf",
                base + "/\u00fc0.conf", base + "/\u00ff\u00fe.conf"), env.glob(base + "/*.conf"));
        assertEquals(List.of(base + "/\u00fc0.conf", base + "/\u00ff\u00fe.conf"), env.glob(base + "/[\u00f0-\u00ff]*"));
        assertEquals(List.of(base + "/[x].conf"), env.glob(base + "/\\[x].conf"));
        assertEquals(List.of(base + "/a.conf"), env.glob(base + "/[!\u00c3\u00fc\u00ff[]*"));
        String invalid = base + "/\u00ff\u00fe.conf";
        assertArrayEquals(("\u00ff\u00fe.conf").getBytes(StandardCharsets.ISO_8859_1), env.readFile(invalid).orElseThrow());
        assertEquals(List.of(invalid), env.glob(invalid));
    }

    @Test
    void fnmatchIsGlobOnBytes() {
        assertEquals(true, SystemEnvironment.Glob.fnmatch("a*b?[c-e]", 0, "aXYbZd", 0));
        assertEquals(false, SystemEnvironment.Glob.fnmatch("a*b?[c-e]", 0, "aXYbZf", 0));
        assertEquals(true, SystemEnvironment.Glob.fnmatch("[]x]", 0, "]", 0));
        assertEquals(true, SystemEnvironment.Glob.fnmatch("[^a]", 0, "\u00e9", 0));
        assertEquals(true, SystemEnvironment.Glob.fnmatch("x[", 0, "x[", 0));
        assertEquals(true, SystemEnvironment.Glob.fnmatch("{a,b}", 0, "{a,b}", 0));
        assertEquals(true, SystemEnvironment.Glob.fnmatch("*", 0, "", 0));
        assertEquals(false, SystemEnvironment.Glob.fnmatch("?", 0, "", 0));
    }
}
