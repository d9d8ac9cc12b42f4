package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unrendered resolution {@code check} uses gives the same target as the full one. */
class ControlTargetTest {
    private static final MuxOptions.Values NO_FLAGS = new MuxOptions.Values(null, false, false);

    @Test
    void bothResolutionsAgree(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("config");
        Files.writeString(cfg, "Host quiet\n  LogLevel QUIET\n  ConnectTimeout 3\nHost silent\n  ConnectTimeout 0\n"
                + "Host *\n  HostName 127.0.0.1\n  ControlPath " + dir + "/cm-%C-%r@%h:%p\n");
        for (List<String> args : List.of(List.of("quiet"), List.of("silent"), List.of("-q", "other"),
                List.of("-o", "ConnectTimeout=7", "-l", "bob", "-p", "2222", "other"), List.of("-S", "/x/y", "quiet"))) {
            List<String> a = new ArrayList<>(List.of("-F", cfg.toString()));
            a.addAll(args);
            ControlTarget full = ControlTarget.resolve(ControlRunner.split(a), NO_FLAGS, sink(), true);
            ControlTarget light = ControlTarget.resolve(ControlRunner.split(a), NO_FLAGS, sink(), false);
            assertNotNull(full.resolved);
            assertNull(light.resolved);
            assertEquals(full.controlPath, light.controlPath, args.toString());
            assertEquals(full.timeout, light.timeout, args.toString());
            assertEquals(full.stderr.quiet(), light.stderr.quiet(), args.toString());
        }
    }

    @Test
    void noControlPathIsTheSameErrorBothWays() {
        for (boolean all : new boolean[] {true, false}) {
            ControlTarget.Failure f = assertThrows(ControlTarget.Failure.class, () -> ControlTarget.resolve(
                    ControlRunner.split(List.of("-F", "/dev/null", "host")), NO_FLAGS, sink(), all));
            assertEquals(List.of("No ControlPath specified for \"-O\" command"), f.lines);
        }
    }

    private static PrintWriter sink() {
        return new PrintWriter(new StringWriter());
    }
}
