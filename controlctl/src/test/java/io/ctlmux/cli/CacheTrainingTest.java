package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's training driver: every training command must really work, or the archive misses its classes. */
class CacheTrainingTest {
    /** The launcher's own training commands, read from the script, one list per archive. */
    static List<List<List<String>>> launcherCommands() throws Exception {
        String script = Files.readString(Path.of("..", "ctlmux"));
        List<List<List<String>>> archives = new java.util.ArrayList<>();
        for (String name : List.of("TRAIN_COMMANDS", "CHECK_TRAIN_COMMANDS", "CHECK_ALL_TRAIN_COMMANDS")) {
            int start = script.indexOf("\n" + name + "='\n") + name.length() + 4;
            String block = script.substring(start, script.indexOf("\n'", start));
            List<String> args = new java.util.ArrayList<>();
            for (String line : block.split("\n")) {
                if (!line.isBlank()) {
                    args.addAll(List.of(line.trim().split("\\s+")));
                    args.add(CacheTraining.SEPARATOR);
                }
            }
            archives.add(CacheTraining.split(args.toArray(new String[0])));
        }
        return archives;
    }

    @Test
    void everyTrainingCommandSucceedsAgainstTheThrowawayMaster() throws Exception {
        List<List<List<String>>> archives = launcherCommands();
        assertEquals(6, archives.get(0).size());
        for (List<List<String>> commands : archives) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            Path dir;
            List<Integer> codes;
            try (CacheTraining t = new CacheTraining()) {
                codes = t.run(commands, new PrintStream(log, true, StandardCharsets.UTF_8));
                dir = t.directoryForTests();
            }
            String text = log.toString(StandardCharsets.UTF_8);
            for (int i = 0; i < commands.size(); i++) {
                List<String> c = commands.get(i);
                // a config or path for a host of the training config works; a check of a host without a master
                // (no -S @MASTER@) reports it missing, as it should
                int expected = c.get(0).equals("check") && !String.join(" ", c).contains("@MASTER") ? 255 : 0;
                assertEquals(expected, codes.get(i), c + "\n" + text);
            }
            assertTrue(dir == null || !Files.exists(dir), "the private directory is removed");
        }
    }

    @Test
    void theThrowawayMasterAnswersWithThisPid() throws Exception {
        try (CacheTraining t = new CacheTraining()) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            List<Integer> codes = t.run(List.of(List.of("check", "--json", "-S", "@MASTER@", "-F", "none", "h")),
                    new PrintStream(log, true, StandardCharsets.UTF_8));
            assertEquals(List.of(0), codes, log.toString(StandardCharsets.UTF_8));
            assertFalse(log.toString(StandardCharsets.UTF_8).contains("failed"));
        }
    }
}
