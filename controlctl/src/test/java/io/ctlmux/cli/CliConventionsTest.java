package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctlmux.config.lint.Platform;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conventions every command follows: help, exit statuses, usage errors, --version, --json, lint -. */
class CliConventionsTest {
    @TempDir
    Path tmp;

    record Run(int rc, String out, String err) {
    }

    static Run ctlmux(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = CommandLines.create();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        return new Run(rc, out.toString(), err.toString());
    }

    /** The test classpath's ctlmux in a JVM of its own (for what goes to the process's own stdio). */
    static Run java(String main, byte[] stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path in = Files.createTempFile("ctlmux-stdin", "");
        Path out = Files.createTempFile("ctlmux-out", "");
        Path err = Files.createTempFile("ctlmux-err", "");
        try {
            Files.write(in, stdin);
            Process p = pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void everyHelpShowsTheExitTableAndPrintsNoWarning() throws Exception {
        Run r = java(HelpAll.class.getName(), new byte[0]);
        assertEquals("", r.err(), "nothing on stderr (picocli prints its warnings there)");
        assertEquals(0, r.rc());
        int commands = CommandLines.create().getSubcommands().size() + 1;
        assertEquals(commands, r.out().split("Exit status \\(all ctlmux commands\\):", -1).length - 1,
                "one exit table per help text");
        for (String code : ExitCodes.table().keySet()) {
            assertTrue(r.out().contains("\n  " + code + " "), code);
        }
        assertFalse(r.out().contains("Exit status: "), "no command-specific exit table that could disagree");
    }

    @Test
    void theReadmeShowsTheSameExitTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Map.Entry<String, String> e : ExitCodes.table().entrySet()) {
            assertTrue(readme.contains("| " + e.getKey() + " | " + e.getValue() + " |"), e.getKey());
        }
    }

    @Test
    void aBadFlagIsOneLineAndAHint() {
        for (String[] args : List.of(new String[] {"--bogus"}, new String[] {"lint", "--bogus"},
                new String[] {"nosuch"}, new String[] {"path", "--platform"})) {
            Run r = ctlmux(args);
            assertEquals(ExitCodes.USAGE, r.rc(), String.join(" ", args));
            assertEquals("", r.out());
            String[] lines = r.err().split("\n");
            assertEquals(2, lines.length, r.err());
            assertTrue(lines[0].startsWith("ctlmux: "), r.err());
            assertTrue(lines[1].startsWith("Try 'ctlmux") && lines[1].endsWith(" --help' for more information."),
                    r.err());
        }
    }

    @Test
    void usageErrorsExitWithTheTablesUsageStatus() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("cfg"), "Host a\n    ControlPath " + tmp + "/%n\n");
        for (String[] args : List.of(new String[] {"prune", "stray"}, new String[] {"prune", "--timeout", "x"},
                new String[] {"ls", "stray"}, new String[] {"check", "--all", "stray"},
                new String[] {"exit", "--all", "--older-than", "x"}, new String[] {"path", "--platform", "vms",
                    "-F", cfg.toString(), "a"}, new String[] {"completion", "fish"},
                new String[] {"lint", "--format", "xml"}, new String[] {"exit", "--older-than", "1h", "a"})) {
            Run r = ctlmux(args);
            assertEquals(ExitCodes.USAGE, r.rc(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("ctlmux: "), r.err());
        }
    }

    @Test
    void versionIsThePomsAndNamesTheJdk() {
        Run r = ctlmux("--version");
        assertEquals(0, r.rc());
        String[] lines = r.out().split("\n");
        assertEquals("ctlmux " + System.getProperty("ctlmux.version"), lines[0]);
        assertTrue(lines[1].startsWith("JDK " + System.getProperty("java.version") + " "), lines[1]);
        assertTrue(lines[1].endsWith(" at " + System.getProperty("java.home")), lines[1]);
    }

    @Test
    void pathHelpStatesTheBudgetsItUses() throws IOException {
        String help = ctlmux("path", "--help").out();
        for (Platform p : Platform.values()) {
            assertTrue(help.replaceAll("\\s+", " ").contains(p.clientMax() + ""), p + " client");
            assertTrue(help.contains(p.masterMax() + ""), p + " master");
        }
        assertTrue(help.replaceAll("\\s+", " ").contains("at most 107 bytes for a client and 90 for a master on "
                + "Linux, 103 / 86 on macOS"), help);
        Path cfg = Files.writeString(tmp.resolve("cfg"), "Host a\n    ControlPath /" + "x".repeat(100) + "\n");
        for (Platform p : Platform.values()) {
            Run r = ctlmux("path", "--json", "--platform", p.id(), "-F", cfg.toString(), "a");
            Map<String, Object> j = JsonValue.object(r.out());
            assertEquals((long) p.clientMax(), j.get("clientLimit"));
            assertEquals((long) p.masterMax(), j.get("masterLimit"));
            assertEquals(101L, j.get("bytes"));
            assertEquals(ExitCodes.PROBLEMS, r.rc(), "too long for a master");
        }
    }

    @Test
    void lintDashReadsStandardInput() throws Exception {
        byte[] config = "Host a\n    ControlPath /tmp/%r\n    NoSuchKeyword yes\n".getBytes(StandardCharsets.UTF_8);
        Run r = java(Main.class.getName(), config, "lint", "--format", "json", "-");
        assertEquals(ExitCodes.PROBLEMS, r.rc(), r.err());
        List<?> findings = (List<?>) JsonValue.object(r.out()).get("findings");
        assertFalse(findings.isEmpty());
        assertTrue(r.out().contains("\"" + LintCommand.STDIN + "\""), r.out());
        assertTrue(r.out().toLowerCase().contains("nosuchkeyword"), r.out());
        Run clean = java(Main.class.getName(), "Host a\n    User u\n".getBytes(StandardCharsets.UTF_8), "lint", "-");
        assertEquals(ExitCodes.OK, clean.rc(), clean.out() + clean.err());
    }

    /** The hook other repositories use: id ctlmux-lint, and its entry is a lint command line that works. */
    @Test
    void thePreCommitHookRunsLint() throws IOException {
        List<String> hook = Files.readAllLines(Path.of("..", ".pre-commit-hooks.yaml"));
        assertTrue(hook.contains("- id: ctlmux-lint"), hook.toString());
        String entry = hook.stream().filter(l -> l.startsWith("  entry: ")).findFirst().orElseThrow().substring(9);
        assertTrue(entry.startsWith("ctlmux lint "), entry);
        assertTrue(Files.isExecutable(Path.of("..", entry.split(" ")[0])), "language: script runs ./ctlmux");
        Path cfg = Files.writeString(tmp.resolve("config"), "Host a\n    User u\n");
        List<String> args = new ArrayList<>(List.of(entry.substring("ctlmux ".length()).split(" ")));
        args.add(cfg.toString());
        Run r = ctlmux(args.toArray(new String[0]));
        assertEquals(0, r.rc(), r.out() + r.err());
        Files.writeString(cfg, "Host a\n    NoSuchKeyword yes\n");
        assertEquals(ExitCodes.PROBLEMS, ctlmux(args.toArray(new String[0])).rc());
    }

    @Test
    void explainConfigAndPathPrintOneJsonValue() {
        String example = Path.of("..", "testdata", "example.conf").toString();
        Map<String, Object> explain = JsonValue.object(ctlmux("explain", "--json", "-F", example, "app-1").out());
        assertFalse(((List<?>) explain.get("options")).isEmpty());
        assertTrue(explain.containsKey("blocks") && explain.containsKey("skippedExec"));
        Map<?, ?> first = (Map<?, ?>) ((List<?>) explain.get("options")).get(0);
        assertTrue(first.containsKey("keyword") && first.containsKey("value") && first.containsKey("source"));
        Map<String, Object> one = JsonValue.object(ctlmux("explain", "--json", "-F", example, "app-1", "port").out());
        assertEquals(1, ((List<?>) one.get("options")).size());
        assertEquals("port", ((Map<?, ?>) ((List<?>) one.get("options")).get(0)).get("keyword"));
        JsonValue.object(ctlmux("config", "--json", "-F", example, "app-1").out());
    }

    @Test
    void lsAndCheckAllPrintTheSameJsonAndPruneAnArray() throws IOException {
        Path dead = tmp.resolve("a");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(dead));   // closed without unlinking: a stale socket
        }
        Path cfg = Files.writeString(tmp.resolve("cfg"), "Host a b\n    ControlPath " + tmp + "/%n\n");
        Run ls = ctlmux("ls", "--json", "-F", cfg.toString());
        Run all = ctlmux("check", "--all", "--json", "-F", cfg.toString());
        assertEquals(0, ls.rc(), ls.err());
        assertEquals(ExitCodes.FAILED, all.rc(), "a stale master is not alive");
        List<Object> l = JsonValue.array(ls.out());
        List<Object> a = JsonValue.array(all.out());
        assertEquals(ours(l), ours(a));
        assertEquals(1, ours(l).size(), ls.out());
        assertTrue(ls.out().contains("\"state\":\"stale\""), ls.out());
        List<Object> pruned = ours(JsonValue.array(ctlmux("prune", "--json", "--dry-run", "-F", cfg.toString()).out()));
        assertEquals(1, pruned.size(), pruned.toString());
        Map<?, ?> d = (Map<?, ?>) pruned.get(0);
        assertEquals(dead.toString(), d.get("path"));
        assertEquals("would-remove", d.get("action"));
        assertTrue(Files.exists(dead), "--dry-run removes nothing");
    }

    /** The entries under this test's directory (ls and prune also see other ssh masters on the machine), no age. */
    private List<Object> ours(List<Object> masters) {
        List<Object> mine = new ArrayList<>();
        for (Object m : masters) {
            if (((String) ((Map<?, ?>) m).get("path")).startsWith(tmp.toString())) {
                ((Map<?, ?>) m).remove("ageSeconds");
                mine.add(m);
            }
        }
        return mine;
    }

    @Test
    void completionListsEverySubcommand() {
        Run r = ctlmux("completion", "bash");
        assertEquals(0, r.rc());
        String names = String.join(" ", CommandLines.create().getSubcommands().keySet());
        assertTrue(r.out().contains("local commands=\"" + names + "\""), "the root's subcommands");
        assertTrue(ctlmux("completion", "zsh").out().contains(r.out()), "zsh sources the same script");
    }

    @Test
    void manPagesCoverEveryCommandWithTheExitTable() {
        Map<String, String> pages = ManPages.all(CommandLines.create(), "9.9");
        for (String name : CommandLines.create().getSubcommands().keySet()) {
            if (!name.equals("help")) {
                String page = pages.get("ctlmux-" + name + ".1");
                assertTrue(page != null && page.contains(".SH EXIT STATUS") && page.contains(".SH SYNOPSIS"), name);
                assertTrue(page.contains(".TH \"CTLMUX-" + name.toUpperCase() + "\""), name);
            }
        }
        assertTrue(pages.get("ctlmux.1").contains("\\fBctlmux\\-check\\fR(1)"));
        assertEquals("\\&.hidden \\- a\\eb", ManPages.escape(".hidden - a\\b"));
    }

    static boolean onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, name))) {
                return true;
            }
        }
        return false;
    }
}
