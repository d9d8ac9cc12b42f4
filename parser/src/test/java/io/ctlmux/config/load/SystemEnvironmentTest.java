package io.ctlmux.config.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
