package io.ctlmux.config.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.keyword.ProxyJump;
import io.ctlmux.config.load.SystemEnvironment;
import io.ctlmux.config.resolved.ResolvedConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What separates Debian's bookworm revisions (debian/changelog): deb12u8 refuses control characters in command-line
 * user names and {@code %00} in URIs; deb12u10 backports 10.3's ProxyJump checks and ordering and refuses {@code ,}
 * in host names. deb12u10 itself is also checked against the real client (testdata/conformance-deb12u10); deb12u6
 * by testdata/conformance; deb12u8 only here.
 */
class DebianRevisionTest {
    private static final Dialect U6 = Dialect.DEBIAN_9_2_U6;
    private static final Dialect U8 = Dialect.DEBIAN_9_2_U8;
    private static final Dialect U10 = Dialect.DEBIAN_9_2;

    @TempDir
    Path dir;

    private ResolvedConfig resolve(Dialect d, String config, String... args) throws Exception {
        Path f = dir.resolve("c");
        Files.writeString(f, config);
        List<String> a = new ArrayList<>(List.of("-F", f.toString()));
        a.addAll(List.of(args));
        return Resolver.resolve(a, d, new SystemEnvironment(), Evaluator.ExecPolicy.NEVER);
    }

    private List<String> failure(Dialect d, String config, String... args) throws Exception {
        try {
            resolve(d, config, args);
        } catch (Resolver.Failure e) {
            assertEquals(255, e.exitCode());
            return e.stderr();
        }
        return fail(d.id + " accepted " + List.of(args));
    }

    @Test
    void commaInHostNameFrom10() throws Exception {
        assertEquals("a,b", resolve(U6, "", "a,b").host());
        assertEquals("a,b", resolve(U8, "", "a,b").host());
        assertEquals(List.of("hostname contains invalid characters"), failure(U10, "", "a,b"));
    }

    @Test
    void controlCharacterInUserFrom8() throws Exception {
        assertEquals("a\u0001b", resolve(U6, "", "-l", "a\u0001b", "h").string("user").orElse(null));
        assertEquals(List.of("remote username contains invalid characters"), failure(U8, "", "-l", "a\u0001b", "h"));
        assertEquals(List.of("remote username contains invalid characters"), failure(U10, "", "a\u0001b@h"));
        // a user from the config is never checked
        assertEquals("a\u0001b", resolve(U10, "User a\u0001b\n", "h").string("user").orElse(null));
    }

    @Test
    void encodedNulInUriUserFrom8() throws Exception {
        assertEquals("a", resolve(U6, "", "ssh://a%00b@h").string("user").orElse(null));
        assertEquals(1, failure(U8, "", "ssh://a%00b@h").size()); // the usage text
        ProxyJump j = resolve(U6, "", "-J", "ssh://u%00x@j", "h").value("jumphost", ProxyJump.class).orElse(null);
        assertEquals("proxyjump u@j", j.render());
        assertEquals(List.of("Invalid -J argument"), failure(U8, "", "-J", "ssh://u%00x@j", "h"));
    }

    @Test
    void userCheckedBeforeHostFrom10() throws Exception {
        assertEquals(List.of("hostname contains invalid characters"), failure(U8, "", "-l", "a;b", "c;d"));
        assertEquals(List.of("remote username contains invalid characters"), failure(U10, "", "-l", "a;b", "c;d"));
    }

    @Test
    void jumpHopsCheckedOnTheCommandLineFrom10() throws Exception {
        ProxyJump j = resolve(U8, "", "-J", "x,a;b", "h").value("jumphost", ProxyJump.class).orElse(null);
        assertEquals("proxyjump x,a;b", j.render());
        assertEquals(List.of("parse_jump: invalid hostname \"a;b\"", "Invalid -J argument"),
                failure(U10, "", "-J", "x,a;b", "h"));
        assertEquals(List.of("parse_jump: invalid username \"u;x\"", "command-line line 0: Invalid ProxyJump \"u;x@j\""),
                failure(U10, "", "-o", "ProxyJump=u;x@j", "h"));
        ProxyJump fromConfig = resolve(U10, "ProxyJump u;x@a;b\n", "h").value("jumphost", ProxyJump.class).orElse(null);
        assertEquals("proxyjump u;x@a;b", fromConfig.render());
    }

    @Test
    void proxyJumpNoneNoLongerHidesProxyCommandFrom10() throws Exception {
        String config = "ProxyJump none\nProxyCommand nc %h %p\n";
        assertNull(resolve(U8, config, "h").string("proxycommand").orElse(null));
        assertEquals("nc %h %p", resolve(U10, config, "h").string("proxycommand").orElse(null));
        assertNull(resolve(U6, "ProxyCommand nc\n", "-J", "none", "h").string("proxycommand").orElse(null));
        assertEquals("nc", resolve(U10, "ProxyCommand nc\n", "-J", "none", "h").string("proxycommand").orElse(null));
    }

    @Test
    void earlierHopsLoseTheCommentFrom10() throws Exception {
        ProxyJump u6 = resolve(U6, "ProxyJump a,b#x,c\n", "h").value("jumphost", ProxyJump.class).orElse(null);
        ProxyJump u10 = resolve(U10, "ProxyJump a,b#x,c\n", "h").value("jumphost", ProxyJump.class).orElse(null);
        assertEquals("proxyjump a,b#x,b", u6.render());
        assertEquals("proxyjump a,b", u10.render());
    }
}
