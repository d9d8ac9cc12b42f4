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
}
