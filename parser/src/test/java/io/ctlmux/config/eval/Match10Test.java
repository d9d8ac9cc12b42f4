package io.ctlmux.config.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.resolved.ResolvedConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Match as OpenSSH 10.x evaluates it (argv words, {@code crit=arg}, tagged/command/version/sessiontype), from
 * readconf.c at V_10_5_P1 and reference §3.3; and the 9.2 behaviour for the same lines where it differs.
 */
class Match10Test {
    @TempDir
    Path dir;

    private String user(Dialect d, String config, String... args) throws Exception {
        Path f = dir.resolve("c");
        Files.writeString(f, config);
        List<String> a = new ArrayList<>(List.of("-F", f.toString()));
        a.addAll(List.of(args));
        ResolvedConfig r = Resolver.resolve(a, d, new SystemEnvironment(), Evaluator.ExecPolicy.NEVER);
        return r.string("user").orElse(null);
    }

    @Test
    void critEqualsArgWorksIn92And105() throws Exception {
        assertEquals("alice", user(Dialect.OPENSSH_10_5, "Match host=h\n  User alice\n", "h"));
        assertEquals("alice", user(Dialect.DEBIAN_9_2, "Match host=h\n  User alice\n", "h"));
    }

    @Test
    void spacedEqualsIsAnErrorIn105ButNotIn92() throws Exception {
        assertEquals("alice", user(Dialect.DEBIAN_9_2, "Match host = h\n  User alice\n", "h"));
        Resolver.Failure f = assertThrows(Resolver.Failure.class,
                () -> user(Dialect.OPENSSH_10_5, "Match host = h\n  User alice\n", "h"));
        assertTrue(f.stderr().get(0).endsWith("line 1: missing argument for Match 'h'"), f.stderr().toString());
    }

    @Test
    void taggedEmptyMatchesNoTagIn105AndIsUnknownIn92() throws Exception {
        assertEquals("t", user(Dialect.OPENSSH_10_5, "Match tagged \"\"\n  User t\n", "h"));
        assertEquals("w", user(Dialect.OPENSSH_10_5, "Match tagged web\n  User w\n", "-P", "web", "h"));
        assertThrows(Resolver.Failure.class, () -> user(Dialect.DEBIAN_9_2, "Match tagged web\n  User w\n", "h"));
    }

    @Test
    void versionCommandAndSessionTypeIn105() throws Exception {
        assertEquals("v", user(Dialect.OPENSSH_10_5, "Match version OpenSSH_10.*\n  User v\n", "h"));
        assertEquals("c", user(Dialect.OPENSSH_10_5, "Match command \"ls *\"\n  User c\n", "h", "ls", "-l"));
        assertEquals("s", user(Dialect.OPENSSH_10_5, "Match sessiontype none\n  User s\n", "-N", "h"));
        assertEquals("e", user(Dialect.OPENSSH_10_5, "Match sessiontype exec\n  User e\n", "h", "true"));
    }

    private String dump(Dialect d, String config, String... args) throws Exception {
        Path f = dir.resolve("c");
        Files.writeString(f, config);
        List<String> a = new ArrayList<>(List.of("-F", f.toString()));
        a.addAll(List.of(args));
        ResolvedConfig r = Resolver.resolve(a, d, new SystemEnvironment(), Evaluator.ExecPolicy.NEVER);
        return io.ctlmux.config.render.GRenderer.render(r).options().render();
    }

    @Test
    void includeExpandsTokensFrom99ButNotIn92() throws Exception {
        Files.writeString(dir.resolve("inc.h"), "User fromh\n");
        Files.writeString(dir.resolve("inc.%h"), "User literal\n");
        String cfg = "Include " + dir + "/inc.%h\n";
        assertEquals("fromh", user(Dialect.OPENSSH_10_5, cfg, "h"));
        assertEquals("literal", user(Dialect.DEBIAN_9_2, cfg, "h"));
    }

    @Test
    void newerKeywordsParseAndRenderIn105() throws Exception {
        String out = dump(Dialect.OPENSSH_10_5, "ObscureKeystrokeTiming interval:80\nChannelTimeout session=5m\n"
                + "WarnWeakCrypto no-pq-kex\n", "h");
        assertTrue(out.contains("\nobscurekeystroketiming 80\n"), out);
        assertTrue(out.contains("\nchanneltimeout session=5m\n"), out);
        assertTrue(out.contains("\nwarnweakcrypto no\n"), out);
        String defaults = dump(Dialect.OPENSSH_10_5, "", "h");
        assertTrue(defaults.contains("\nobscurekeystroketiming yes\n") && defaults.contains("\nchanneltimeout none\n")
                && defaults.contains("\nwarnweakcrypto yes\n"), defaults);
        Resolver.Failure f = assertThrows(Resolver.Failure.class,
                () -> dump(Dialect.OPENSSH_10_5, "Host h\n  RefuseConnection \"go away\"\n", "h"));
        assertTrue(f.stderr().get(f.stderr().size() - 1).endsWith("line 2: RefuseConnection: go away"),
                f.stderr().toString());
        assertEquals(new SystemEnvironment().userName(),
                user(Dialect.OPENSSH_10_5, "Host other\n  RefuseConnection no\n", "h"));
    }

    @Test
    void negatedFinalRequestsAFinalPassOnlyBefore101() throws Exception {
        // Host real matches only in a final pass, which !final requests in 9.2 but not in 10.1+.
        String cfg = "Host alias\n  Hostname real\nMatch !final\nHost real\n  User fin\n";
        assertEquals("fin", user(Dialect.DEBIAN_9_2, cfg, "alias"));
        assertNotEquals("fin", user(Dialect.OPENSSH_10_5, cfg, "alias"));
    }
}
