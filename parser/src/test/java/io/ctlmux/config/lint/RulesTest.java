package io.ctlmux.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctlmux.config.text.Diagnostic;
import io.ctlmux.config.text.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule: a config that triggers it (at the expected line) and a close one that must not. */
class RulesTest {
    @TempDir
    Path dir;

    /** rule id, triggering config, expected line, clean config. "@DIR@" is replaced by the temp directory. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ssh-rejects", "Host a\n  Port 99999\n", 2, "Host a\n  Port 2222\n"),
                Arguments.of("ssh-rejects", "Host a\n  User \"bob\n", 2, "Host a\n  User \"bob\"\n"),
                Arguments.of("unknown-keyword", "Host a\n  Usr bob\n", 2, "Host a\n  User bob\n"),
                Arguments.of("unknown-keyword", "Host a\n  Bogus yes\n", 2, "IgnoreUnknown bogus\nHost a\n  Bogus yes\n"),
                Arguments.of("keyword-too-new", "Tag work\nHost a\n  User b\n", 1, "Host a\n  User b\n"),
                Arguments.of("keyword-too-new", "Match tagged work\n  User b\n", 1, "Match host a\n  User b\n"),
                Arguments.of("platform-keyword-unguarded", "Host *\n  UseKeychain yes\n", 2,
                        "IgnoreUnknown UseKeychain\nHost *\n  UseKeychain yes\n"),
                Arguments.of("platform-keyword-unguarded", "Host *\n  UseKeychain yes\nIgnoreUnknown UseKeychain\n", 2,
                        "IgnoreUnknown UseKeychain,Foo\nHost *\n  UseKeychain yes\n"),
                Arguments.of("include-recursion", "Include @DIR@/config\n", 1, "Include @DIR@/nonexistent\n"),
                Arguments.of("unsupported-keyword", "Host a\n  RSAAuthentication yes\n", 2,
                        "Host a\n  PubkeyAuthentication yes\n"),
                Arguments.of("deprecated-keyword", "Host a\n  UseRoaming no\n", 2, "Host a\n  Ciphers aes256-ctr\n"),
                Arguments.of("ignoreunknown-ineffective", "IgnoreUnknown Foo\nIgnoreUnknown Bar\n", 2,
                        "IgnoreUnknown Foo,Bar\n"),
                Arguments.of("ignoreunknown-ineffective", "Host a\n  IgnoreUnknown Foo\n", 2,
                        "IgnoreUnknown Foo\nHost a\n  User b\n"),
                Arguments.of("include-scoped-by-block", "Host a\n  User b\nInclude @DIR@/extra\n", 3,
                        "Include @DIR@/extra\nHost a\n  User b\n"),
                Arguments.of("setting-shadowed", "Host a\n  User one\nHost a b\n  User two\n", 4,
                        "Host a\n  User one\nHost b\n  User two\n"),
                Arguments.of("setting-shadowed", "Host a\n  Port 1\n  Port 2\n", 3, "Host a\n  Port 1\n"),
                Arguments.of("wildcard-block-before-specific", "Host *\n  User all\nHost a\n  User me\n", 4,
                        "Host a\n  User me\nHost *\n  User all\n"),
                Arguments.of("insecure-global-option", "Host *\n  ForwardAgent yes\n", 2,
                        "Host a\n  ForwardAgent yes\n"),
                Arguments.of("insecure-global-option", "StrictHostKeyChecking no\n", 1,
                        "StrictHostKeyChecking accept-new\n"),
                Arguments.of("identityfile-without-identitiesonly", "Host a\n  IdentityFile ~/.ssh/a\n", 2,
                        "Host a\n  IdentityFile ~/.ssh/a\n  IdentitiesOnly yes\n"),
                Arguments.of("match-exec-present", "Match exec \"true\"\n  User b\n", 1, "Match host a\n  User b\n"),
                Arguments.of("match-exec-changes-result", "Host a\nMatch exec \"test -e /x\"\n  User b\n", 2,
                        "Host a\nMatch exec \"test -e /x\"\n  IgnoreUnknown foo\nHost *\n  IgnoreUnknown foo\n"),
                Arguments.of("controlmaster-without-controlpath", "Host a\n  ControlMaster auto\n", 2,
                        "Host a\n  ControlMaster auto\n  ControlPath ~/.ssh/cm-%C\n"),
                Arguments.of("controlpersist-without-master", "Host a\n  ControlPersist 10m\n", 2,
                        "Host a\n  ControlMaster auto\n  ControlPath ~/.ssh/cm-%C\n  ControlPersist 10m\n"
                                + "  ServerAliveInterval 30\n"),
                Arguments.of("controlpersist-without-keepalive",
                        "Host a\n  ControlMaster auto\n  ControlPath ~/.ssh/cm-%C\n  ControlPersist 10m\n", 4,
                        "Host a\n  ControlMaster auto\n  ControlPath ~/.ssh/cm-%C\n  ControlPersist 10m\n"
                                + "  ServerAliveInterval 30\n"),
                Arguments.of("controlpath-too-long", "Host a\n  ControlMaster auto\n  ControlPath /"
                        + "x".repeat(60) + "/%C\n", 3, "Host a\n  ControlMaster auto\n  ControlPath /"
                        + "x".repeat(40) + "/%C\n"),
                Arguments.of("controlpath-not-unique", "Host a\n  ControlPath ~/.ssh/cm-%h\n", 2,
                        "Host a\n  ControlPath ~/.ssh/cm-%r@%h:%p\n"),
                Arguments.of("controlpath-in-shared-tmp", "Host a\n  ControlPath /tmp/%C\n", 2,
                        "Host a\n  ControlPath /tmp/me/%C\n"),
                Arguments.of("controlpath-token-in-directory", "Host a\n  ControlPath ~/.ssh/%h/%C\n", 2,
                        "Host a\n  ControlPath ~/.ssh/s/%h-%C\n"),
                Arguments.of("controlpath-alias-collision",
                        "Host work personal\n  HostName github.com\n  User git\n  ControlPath ~/.ssh/cm-%r@%h:%p\n"
                                + "Host work\n  IdentityFile ~/.ssh/work\nHost personal\n  IdentityFile ~/.ssh/me\n",
                        4, "Host work personal\n  HostName github.com\n  User git\n"
                                + "  ControlPath ~/.ssh/cm-%n-%r@%h:%p\nHost work\n  IdentityFile ~/.ssh/work\n"
                                + "Host personal\n  IdentityFile ~/.ssh/me\n"));
    }

    @ParameterizedTest(name = "{0} line {2}")
    @MethodSource("cases")
    void triggersAndDoesNotTrigger(String rule, String bad, int line, String good) throws Exception {
        LintFixture.write(dir, "extra", "User extra\n");
        List<Diagnostic> hit = LintFixture.withRule(LintFixture.lint(dir, bad.replace("@DIR@", dir.toString())),
                rule);
        assertFalse(hit.isEmpty(), rule + " should trigger on:\n" + bad);
        assertTrue(hit.stream().anyMatch(d -> d.span().line() == line), rule + " at line " + line + ": " + hit);
        assertTrue(hit.stream().allMatch(d -> !d.message().isEmpty() && !d.hint().isEmpty()), hit.toString());
        List<Diagnostic> clean = LintFixture.withRule(LintFixture.lint(dir, good.replace("@DIR@", dir.toString())),
                rule);
        assertEquals(List.of(), clean, rule + " must not trigger on:\n" + good);
    }

    @Test
    void everyRuleHasATestCaseOrAFilesystemTest() {
        Set<String> covered = new HashSet<>();
        cases().forEach(a -> covered.add((String) a.get()[0]));
        covered.addAll(List.of("controlpath-dir-unsafe", "identityfile-missing-or-unsafe", "internal-error"));
        List<String> missing = new ArrayList<>();
        for (RuleInfo r : Rules.infos()) {
            if (!covered.contains(r.id())) {
                missing.add(r.id());
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void unknownKeywordSuggestsTheClosestKeyword() throws Exception {
        List<Diagnostic> d = LintFixture.withRule(LintFixture.lint(dir, "Host a\n  IdentitiFile ~/.ssh/x\n"),
                "unknown-keyword");
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).hint().contains("did you mean 'identityfile'"), d.get(0).hint());
        assertEquals(3, d.get(0).span().column());
    }

    @Test
    void olderTargetsGetVersionFindingsTheNewestDoesNot() throws Exception {
        String cfg = "Host a\n  ControlPath ~/.ssh/cm-%j-%C\n  KnownHostsCommand /bin/true\nMatch version 10*\n"
                + "  User b\n";
        List<Diagnostic> old = LintFixture.withRule(LintFixture.lint(dir, cfg,
                List.of(LintFixture.target("8.2"), LintFixture.target("9.4")), Platform.LINUX, false),
                "keyword-too-new");
        assertTrue(old.stream().anyMatch(d -> d.span().line() == 3 && d.message().contains("8.5")), old.toString());
        assertTrue(old.stream().anyMatch(d -> d.span().line() == 2 && d.message().contains("%j")), old.toString());
        assertTrue(old.stream().anyMatch(d -> d.span().line() == 4 && d.message().contains("10.0")),
                old.toString());
        List<Diagnostic> newest = LintFixture.withRule(LintFixture.lint(dir, cfg,
                List.of(LintFixture.target("10.5")), Platform.LINUX, false), "keyword-too-new");
        assertEquals(List.of(), newest);
    }

    @Test
    void useKeychainIsFineOnMacos() throws Exception {
        String cfg = "Host *\n  UseKeychain yes\n  AddKeysToAgent yes\n";
        assertEquals(List.of(), LintFixture.withRule(LintFixture.lint(dir, cfg, LintFixture.TARGETS, Platform.MACOS,
                false), "platform-keyword-unguarded"));
    }

    @Test
    void findingsThatHoldForSomeTargetsNameThem() throws Exception {
        List<Diagnostic> d = LintFixture.withRule(LintFixture.lint(dir, "Host a\n  PubkeyAcceptedKeyTypes +ssh-dss\n"),
                "ssh-rejects");
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).message().endsWith("(OpenSSH 10.5)"), d.get(0).message());
    }

    @Test
    void perDestinationChecksStillRunOnARejectedFile() throws Exception {
        List<Diagnostic> d = LintFixture.lint(dir, "Bogus 1\nHost a\n  ControlMaster auto\n");
        assertFalse(LintFixture.withRule(d, "unknown-keyword").isEmpty());
        assertFalse(LintFixture.withRule(d, "controlmaster-without-controlpath").isEmpty(), d.toString());
    }

    @Test
    void errorsInIncludesUnderInactiveBlocksAreReported() throws Exception {
        LintFixture.write(dir, "inc", "Bogus yes\n");
        List<Diagnostic> d = LintFixture.lint(dir, "Host nomatch\n  Include " + dir.resolve("inc") + "\n");
        List<Diagnostic> u = LintFixture.withRule(d, "unknown-keyword");
        assertEquals(1, u.size(), d.toString());
        assertEquals(dir.resolve("inc").toString(), u.get(0).span().file());
    }

    @Test
    void suppressionsOnTheLineAndTheLineAbove() throws Exception {
        List<Diagnostic> d = LintFixture.lint(dir, "Host *\n  ForwardAgent yes # ctlmux: disable=insecure-global-option\n"
                + "  # ctlmux: disable=unknown-keyword,deprecated-keyword\n  Bogus 1\n  UseRoaming no\n");
        assertEquals(List.of(), LintFixture.withRule(d, "insecure-global-option"));
        assertEquals(List.of(), LintFixture.withRule(d, "unknown-keyword"));
        assertEquals(1, LintFixture.withRule(d, "deprecated-keyword").size(), "only the next line is covered");
    }

    @Test
    void fileSystemRulesOnlyWithCheckFiles() throws Exception {
        String cfg = "Host a\n  ControlMaster auto\n  ControlPath " + dir + "/missing/%C\n  IdentityFile "
                + dir + "/nokey\n  IdentitiesOnly yes\n";
        List<Diagnostic> pure = LintFixture.lint(dir, cfg);
        assertEquals(List.of(), LintFixture.withRule(pure, "controlpath-dir-unsafe"));
        assertEquals(List.of(), LintFixture.withRule(pure, "identityfile-missing-or-unsafe"));
        List<Diagnostic> fs = LintFixture.lint(dir, cfg, LintFixture.TARGETS, Platform.LINUX, true);
        assertEquals(Severity.ERROR, LintFixture.withRule(fs, "controlpath-dir-unsafe").get(0).severity());
        assertFalse(LintFixture.withRule(fs, "identityfile-missing-or-unsafe").isEmpty());
        java.nio.file.Files.createDirectory(dir.resolve("missing"));
        java.nio.file.Files.write(dir.resolve("nokey"), new byte[] {1});
        java.nio.file.Files.setPosixFilePermissions(dir.resolve("nokey"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        java.nio.file.Files.setPosixFilePermissions(dir.resolve("missing"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        List<Diagnostic> ok = LintFixture.lint(dir, cfg, LintFixture.TARGETS, Platform.LINUX, true);
        assertEquals(List.of(), LintFixture.withRule(ok, "controlpath-dir-unsafe"));
        assertEquals(List.of(), LintFixture.withRule(ok, "identityfile-missing-or-unsafe"));
    }

    @Test
    void missingFileIsAnIoErrorNotAFinding() {
        Linter.Report r = new Linter(new LintOptions(LintFixture.TARGETS, Platform.LINUX, false, Set.of()),
                LintFixture.env(dir)).lint(List.of(dir.resolve("nope").toString()));
        assertEquals(1, r.ioErrors().size());
        assertEquals(List.of(), r.findings());
    }
}
