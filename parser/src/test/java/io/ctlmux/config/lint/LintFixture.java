package io.ctlmux.config.lint;

import io.ctlmux.config.eval.Environment;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.text.Diagnostic;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Writes configs to a directory and lints them with a fixed local identity (home, user, host name). */
final class LintFixture {
    static final List<Target> TARGETS = List.of(
            Target.parse("9.2-debian").orElseThrow(), Target.parse("9.2").orElseThrow(),
            Target.parse("10.5").orElseThrow());

    private LintFixture() {
    }

    /** The real file system with a fixed identity: home /home/tester, user tester, host vm, TMPDIR unset. */
    static Environment env(Path home) {
        SystemEnvironment real = new SystemEnvironment(Map.of());
        return new Environment() {
            public String getenv(String name) {
                return name.equals("HOME") ? home.toString() : null;
            }

            public String userName() {
                return "tester";
            }

            public long uid() {
                return real.uid();
            }

            public String home() {
                return home.toString();
            }

            public Optional<String> homeOf(String user) {
                return Optional.empty();
            }

            public String hostName() {
                return "vm";
            }

            public Optional<byte[]> readFile(String path) throws IOException {
                return real.readFile(path);
            }

            public FileFacts fileFacts(String path) {
                return real.fileFacts(path);
            }

            public Optional<GroupFacts> group(long gid) {
                return real.group(gid);
            }

            public Optional<String> userNameOf(long uid) {
                return real.userNameOf(uid);
            }

            public List<String> glob(String pattern) {
                return real.glob(pattern);
            }

            public int exec(String command) {
                throw new AssertionError("lint must never run Match exec: " + command);
            }

            public Optional<InetAddress[]> resolve(String host) {
                throw new AssertionError("lint must not resolve names: " + host);
            }

            public List<InetAddress> localAddresses() {
                return List.of();
            }
        };
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.ISO_8859_1));
        return p;
    }

    static List<Diagnostic> lint(Path dir, String text) throws IOException {
        return lint(dir, text, TARGETS, Platform.LINUX, false);
    }

    static List<Diagnostic> lint(Path dir, String text, List<Target> targets, Platform platform, boolean files)
            throws IOException {
        Path p = write(dir, "config", text);
        Linter.Report r = new Linter(new LintOptions(targets, platform, files, Set.of()), env(dir))
                .lint(List.of(p.toString()));
        return r.findings();
    }

    static List<Diagnostic> withRule(List<Diagnostic> all, String id) {
        return all.stream().filter(d -> d.code().equals(id)).toList();
    }

    static Target target(String s) {
        return Target.parse(s).orElseThrow();
    }

    static Dialect newest() {
        return Dialect.newest();
    }
}
