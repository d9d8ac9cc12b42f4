package io.ctlmux.config.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SshConfig;
import io.ctlmux.config.load.SshConfigException;
import io.ctlmux.config.testing.RealSsh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ssh command-line parser, table-driven: each row is an argument list, the split it must give (for Debian
 * 9.2's option letters) and, optionally, a config; every row is also run through the installed {@code ssh -G}
 * and through ctlmux's resolver with the same words, which must agree on exit status, stdout and stderr (ssh's
 * seven-line usage text counts as ctlmux's one-line summary). No row uses {@code -v}: ctlmux prints no debug
 * messages.
 */
class SshCommandLineTest {
    @TempDir
    static Path dir;

    private record Row(String config, List<String> argv, String split) {
    }

    private static Row row(String split, String... argv) {
        return new Row("", List.of(argv), split);
    }

    private static Row rowWithConfig(String config, String split, String... argv) {
        return new Row(config, List.of(argv), split);
    }

    /**
     * Split notation: options as {@code -X} or {@code -X=arg} in order, the destination in braces where getopt
     * reached it, then each command word in brackets, then {@code !message} for an option error.
     */
    private static final List<Row> ROWS = List.of(
            row("-4 -6 -C {h}", "-46C", "h"),
            row("-p=22 {h}", "-p22", "h"),
            row("-p=22 {h}", "-p", "22", "h"),
            row("{h} -p=2200", "h", "-p", "2200"),
            row("-l=bob {carl@h}", "-lbob", "carl@h"),
            row("{carl@h} -l=bob", "carl@h", "-l", "bob"),
            row("{h} -o=Port=2201 [ls] [-l]", "h", "-o", "Port=2201", "ls", "-l"),
            row("{h} -4 -6 [cmd] [-4]", "h", "-46", "cmd", "-4"),
            row("-o=Port=2202 {h}", "-oPort=2202", "h"),
            row("{ssh://u@h:2203} -p=1", "ssh://u@h:2203", "-p", "1"),
            row("{h} [-p] [3]", "--", "h", "-p", "3"),
            row("{h} [-p] [3]", "h", "--", "-p", "3"),
            row("-b=-- {h} [-p] [3]", "-b", "--", "h", "-p", "3"),
            row("-o=-p {h}", "-o", "-p", "h"),
            row("-w=1 {h}", "-w", "1", "h"),
            row("-P {h}", "-P", "h"),
            row("-C {-C-} [h]", "-C-", "h"),
            row("{-} [h]", "-", "h"),
            row("{h} -C [-C-] [x]", "h", "-C-", "x"),
            row("-t -t {h}", "-tt", "h"),
            row("!unknown option -- Z", "-Z", "h"),
            row("-q !unknown option -- Z", "-q", "-Z", "h"),
            row("-p=x !unknown option -- Z", "-p", "x", "-Z", "h"),
            row("!unknown option -- Z", "-Z", "-p", "x", "h"),
            row("{h} -p=x !unknown option -- Z", "h", "-p", "x", "-Z"),
            row("{h} !option requires an argument -- p", "h", "-p"),
            row("!option requires an argument -- p", "-p"),
            row("-4 !option requires an argument -- o", "-4o"),
            row("!unknown option -- -", "--foo", "h"),
            row("-4 !unknown option -- -", "-4-6", "h"),
            row("!unknown option -- :", "-:", "h"),
            row("", new String[0]),
            row("-C", "-C"),
            row("{} [h]", "", "h"),
            row("{@h} !unknown option -- Z", "@h", "-Z"),
            rowWithConfig("RemoteCommand uptime\n", "{h} []", "h", ""),
            rowWithConfig("RemoteCommand uptime\n", "{h} [] []", "h", "", ""),
            rowWithConfig("RemoteCommand uptime\n", "{h} [date]", "h", "date"));

    private static String label(Row r) {
        return r.argv.isEmpty() ? "(no words)" : String.join(" ", r.argv);
    }

    static String describe(SshCommandLine c) {
        StringBuilder sb = new StringBuilder();
        List<SshCommandLine.Option> o = c.options();
        for (int k = 0; k <= o.size(); k++) {
            if (k == c.optionsBeforeDestination() && c.destination() != null) {
                sb.append(" {").append(c.destination()).append('}');
            }
            if (k < o.size()) {
                sb.append(" -").append(o.get(k).letter());
                if (o.get(k).argument() != null) {
                    sb.append('=').append(o.get(k).argument());
                }
            }
        }
        for (String w : c.command()) {
            sb.append(" [").append(w).append(']');
        }
        if (c.error() != null) {
            sb.append(" !").append(c.error().message());
        }
        return sb.toString().trim();
    }

    @TestFactory
    Stream<DynamicTest> splitsAsDebian92Does() {
        return ROWS.stream().map(r -> DynamicTest.dynamicTest(label(r), () ->
                assertEquals(r.split, describe(SshCommandLine.parse(r.argv, Dialect.DEBIAN_9_2)))));
    }

    @TestFactory
    Stream<DynamicTest> resolvesAsTheInstalledSshDoes() {
        return ROWS.stream().map(r -> DynamicTest.dynamicTest(label(r), () -> agree(r)));
    }

    private static void agree(Row r) throws Exception {
        Dialect d = Dialect.fromVersionBanner(RealSsh.assumeAvailable()).orElse(null);
        assumeTrue(d != null, "the installed ssh is no dialect ctlmux models");
        RealSsh.Result ssh = RealSsh.g(dir, r.config, Map.of(), r.argv.toArray(new String[0]));
        Path cfg = Files.createTempFile(dir, "cfg", "");
        Files.writeString(cfg, r.config);
        List<String> args = new ArrayList<>(List.of("-F", cfg.toString(), "-T", "-G"));
        args.addAll(r.argv);
        int rc;
        List<String> out;
        List<String> err;
        try {
            SshConfig.Resolution res = SshConfig.resolveFull(args, d, Evaluator.ExecPolicy.NEVER);
            rc = 0;
            out = res.options().render().lines().toList();
            err = res.stderr();
        } catch (SshConfigException e) {
            rc = e.exitCode();
            out = List.of();
            err = e.stderrLines();
        }
        String what = String.join(" ", r.argv);
        assertEquals(ssh.exitCode(), rc, () -> what + ": ssh said " + ssh.err());
        assertEquals(ssh.out(), out, what);
        assertEquals(collapseUsage(ssh.err()), collapseUsage(err), what);
    }

    /** The lines before a usage text, then "usage" for the text (ssh's has seven lines, ctlmux's one). */
    private static List<String> collapseUsage(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("usage: ssh ")) {
                out.add("usage");
                break;
            }
            out.add(l);
        }
        return out;
    }

    @Test
    void theOptionLettersDifferPerRelease() {
        // 9.2: -P is a flag and the next word is the destination; 9.4 on: -P takes a tag
        assertEquals("-P {h}", describe(SshCommandLine.parse(List.of("-P", "h"), Dialect.OPENSSH_9_2)));
        assertEquals("-P=h", describe(SshCommandLine.parse(List.of("-P", "h"), Dialect.OPENSSH_10_5)));
        // 10.5 added the flag -Z
        assertEquals("!unknown option -- Z", describe(SshCommandLine.parse(List.of("-Z", "h"), Dialect.DEBIAN_9_2)));
        assertEquals("-Z {h}", describe(SshCommandLine.parse(List.of("-Z", "h"), Dialect.OPENSSH_10_5)));
        for (Dialect d : Dialect.values()) {
            assertTrue(OptionLetters.takesArgument('w', d) && OptionLetters.takesArgument('o', d), d.id);
            assertFalse(OptionLetters.takesArgument('M', d) || OptionLetters.isOption('h', d), d.id);
            assertFalse(OptionLetters.isOption(':', d) || OptionLetters.isOption('-', d), d.id);
        }
    }

    @Test
    void anEmptyWordAloneIsNoCommand() {
        assertFalse(SshCommandLine.parse(List.of("h", ""), Dialect.DEBIAN_9_2).hasCommand());
        assertTrue(SshCommandLine.parse(List.of("h", "", ""), Dialect.DEBIAN_9_2).hasCommand());
        assertEquals(" ", SshCommandLine.parse(List.of("h", "", ""), Dialect.DEBIAN_9_2).commandText());
    }

    @Test
    void wordsSplitBackIntoTheSameCommandLine() {
        for (Row r : ROWS) {
            SshCommandLine c = SshCommandLine.parse(r.argv, Dialect.DEBIAN_9_2);
            if (c.error() != null) {
                continue;
            }
            SshCommandLine again = SshCommandLine.parse(c.words(), Dialect.DEBIAN_9_2);
            if (c.destination() != null && c.destination().startsWith("-") && c.destination().length() > 1) {
                assertEquals(c.destination(), again.destination(), r.argv.toString());
                assertEquals(c.command(), again.command(), r.argv.toString());
                continue;
            }
            assertEquals(c, again, r.argv + " -> " + c.words());
        }
    }

    @Test
    void foreignWordsAreSkippedOnlyInOptionPositions() {
        SshCommandLine.Foreign json = (argv, i) -> argv.get(i).equals("--json") ? 1 : 0;
        assertEquals("-F=cfg {h}", describe(SshCommandLine.parse(List.of("--json", "-F", "cfg", "h", "--json"),
                Dialect.DEBIAN_9_2, json)));
        // an option's argument is never a foreign word
        assertEquals("-o=--json {h}", describe(SshCommandLine.parse(List.of("-o", "--json", "h"), Dialect.DEBIAN_9_2,
                json)));
        assertEquals("{h} [x] [--json]", describe(SshCommandLine.parse(List.of("h", "x", "--json"), Dialect.DEBIAN_9_2,
                json)));
    }

    @Test
    void withoutKeepsTheDestinationsPlace() {
        SshCommandLine c = SshCommandLine.parse(Arrays.asList("-M", "-F", "cfg", "u@h", "-N", "-p", "1"),
                Dialect.DEBIAN_9_2);
        assertEquals("-F=cfg {u@h} -p=1", describe(c.without("MN")));
        assertEquals("-M -F=cfg -N -p=1 {x}", describe(c.withDestination("x")));
        assertEquals("cfg", c.configFile());
    }
}
