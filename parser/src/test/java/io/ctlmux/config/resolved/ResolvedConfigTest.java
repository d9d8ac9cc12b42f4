package io.ctlmux.config.resolved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctlmux.config.eval.Evaluator;
import io.ctlmux.config.eval.Resolver;
import io.ctlmux.config.keyword.Choices;
import io.ctlmux.config.keyword.ControlMaster;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SystemEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed result the evaluator hands out: values, provenance and diagnostics. */
class ResolvedConfigTest {
    @TempDir
    Path dir;

    private ResolvedConfig resolve(String config, String... args) throws Exception {
        Path cfg = dir.resolve("config");
        Files.writeString(cfg, config);
        List<String> a = new ArrayList<>(List.of("-F", cfg.toString()));
        a.addAll(List.of(args));
        return Resolver.resolve(a, Dialect.DEBIAN_9_2, new SystemEnvironment(), Evaluator.ExecPolicy.NEVER);
    }

    @Test
    void controlMasterIsTypedAndItsCodesAreTheCataloguesWords() throws Exception {
        for (ControlMaster m : ControlMaster.values()) {
            String word = m.name().toLowerCase(java.util.Locale.ROOT);
            assertEquals(word, Choices.CONTROL_MASTER.format(m.code()).equals("true") ? "yes"
                    : Choices.CONTROL_MASTER.format(m.code()).equals("false") ? "no"
                    : Choices.CONTROL_MASTER.format(m.code()));
            assertEquals(m, resolve("ControlMaster " + word + "\n", "h").controlMaster());
        }
        assertEquals(ControlMaster.NO, resolve("", "h").controlMaster());
        assertEquals(ControlMaster.YES, resolve("ControlMaster autoask\n", "-M", "h").controlMaster());
        assertEquals(ControlMaster.ASK, resolve("", "-M", "-M", "h").controlMaster());
        assertTrue(ControlMaster.AUTO.usesExisting() && !ControlMaster.YES.usesExisting());
        assertFalse(ControlMaster.NO.mayStartMaster());
    }

    @Test
    void controlPathIsExpandedBytesOrNone() throws Exception {
        ResolvedConfig r = resolve("Host h\n  ControlPath /tmp/cm-%r@%h:%p\n", "-l", "bob", "h");
        assertEquals("/tmp/cm-bob@h:22", r.controlPath().orElseThrow().bytes());
        ResolvedConfig none = resolve("Host h\n  ControlPath none\nHost *\n  ControlPath /x\n", "h");
        assertTrue(none.controlPath().isEmpty());
        assertFalse(none.isSet("controlpath"));
        // the line that said none is still known (lint points at it)
        assertEquals(2, none.setAt("controlpath").orElseThrow().span().line());
    }

    @Test
    void controlPersistAndTimeoutsAreTyped() throws Exception {
        ResolvedConfig r = resolve("ControlPersist 10m\nConnectTimeout 7\n", "h");
        assertTrue(r.controlPersist().enabled());
        assertEquals(600, r.controlPersist().timeout());
        assertEquals(Duration.ofSeconds(7), r.connectTimeout().orElseThrow());
        ResolvedConfig forever = resolve("ControlPersist yes\n", "h");
        assertTrue(forever.controlPersist().enabled());
        assertEquals(0, forever.controlPersist().timeout());
        assertFalse(resolve("", "h").controlPersist().enabled());
        assertTrue(resolve("", "h").connectTimeout().isEmpty());
    }

    @Test
    void provenanceNamesTheWinnerAndTheShadowedLines() throws Exception {
        ResolvedConfig r = resolve("Host h\n  User first\nHost *\n  User second\n  IdentityFile ~/a\n"
                + "  IdentityFile ~/b\n", "h");
        assertEquals("first", r.user());
        Provenance p = r.provenance("user");
        assertEquals(Provenance.Origin.CONFIG, p.origin());
        assertEquals(2, p.span().line());
        assertEquals(1, p.block().line());
        assertEquals(List.of(4), p.shadowed().stream().map(s -> s.line()).toList());
        assertEquals(List.of("~/a", "~/b"), r.identityFiles());
        assertEquals(6, r.itemProvenance("identityfile", 1).span().line());
        assertEquals(Provenance.DEFAULT, r.provenance("batchmode"));
        assertThrows(UnsupportedOperationException.class, () -> r.identityFiles().add("x"));
    }

    @Test
    void forwardsAreTyped() throws Exception {
        ResolvedConfig r = resolve("LocalForward 8080 db:5432\nRemoteForward 9000 localhost:22\n", "h");
        assertEquals(8080, r.localForwards().get(0).listenPort());
        assertEquals("db", r.localForwards().get(0).connectHost());
        assertEquals(22, r.remoteForwards().get(0).connectPort());
    }

    @Test
    void messagesAreDiagnosticsWithKindLocationAndSubject() throws Exception {
        ResolvedConfig r = resolve("Host h\n  IgnoreUnknown bogus\n  Bogus 1\n", "h");
        assertTrue(r.diagnostics().isEmpty());
        Resolver.Failure f = assertThrows(Resolver.Failure.class, () -> resolve("Host h\n  Bogus 1\n", "h"));
        Diagnostic bad = f.diagnostics().get(0);
        assertEquals(Diagnostic.Kind.BAD_OPTION, bad.kind());
        assertEquals(dir.resolve("config").toString(), bad.file());
        assertEquals(2, bad.line());
        assertEquals(3, bad.column());
        assertEquals("bogus", bad.subject());
        assertEquals(bad.file() + ": line 2: Bad configuration option: bogus", bad.text());
        assertEquals("Bad configuration option: bogus", bad.reason());
        Diagnostic last = f.diagnostics().get(f.diagnostics().size() - 1);
        assertEquals(Diagnostic.Kind.TERMINATING, last.kind());
        assertEquals(Diagnostic.Level.FATAL, last.level());

        Resolver.Failure token = assertThrows(Resolver.Failure.class,
                () -> resolve("ControlPath /tmp/%j\n", "h"));
        assertTrue(token.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Kind.UNKNOWN_TOKEN
                && d.subject().equals("%j")), token.diagnostics().toString());

        Resolver.Failure located = assertThrows(Resolver.Failure.class,
                () -> resolve("Host h\n  Match exec \"%Z\"\n", "h"));
        Diagnostic fatal = located.diagnostics().get(located.diagnostics().size() - 1);
        assertEquals(Diagnostic.Level.FATAL, fatal.level());
        assertEquals("%Z", fatal.subject());
    }

    @Test
    void printedFollowsTheLogLevel() throws Exception {
        ResolvedConfig loud = resolve("CompressionLevel 6\n", "h");
        Diagnostic d = loud.diagnostics().get(0);
        assertEquals(Diagnostic.Kind.UNSUPPORTED_OPTION, d.kind());
        assertEquals("compressionlevel", d.subject());
        assertTrue(d.printed());
        assertEquals(List.of(d.text()), loud.printed());
        ResolvedConfig quiet = resolve("CompressionLevel 6\n", "-q", "h");
        assertEquals(1, quiet.diagnostics().size());
        assertTrue(quiet.printed().isEmpty());
        assertTrue(quiet.quiet());
    }
}
