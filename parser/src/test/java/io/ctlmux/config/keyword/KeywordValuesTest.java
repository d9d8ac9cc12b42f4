package io.ctlmux.config.keyword;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven checks of the value parsers, including the upstream 9.2 and 10.5 dialects (no ssh needed). */
class KeywordValuesTest {

    private static String time(String s, Dialect d) {
        OptionalInt v = TimeSpec.convtime(s, d);
        return v.isPresent() ? Integer.toString(v.getAsInt()) : "ERR";
    }

    @ParameterizedTest
    @CsvSource({
        // input, 9.2, 10.5
        "30, 30, 30", "1h30m, 5400, 5400", "1m30, 90, 90", "5s5s, 10, ERR", "+5, 5, ERR", "1.5, ERR, 1",
        "0.9s, ERR, 0", "1.5m, ERR, ERR", "1., ERR, ERR", ".5, ERR, 0", "2147483647, 2147483647, 2147483647",
        "2147483648, ERR, ERR", "1e5, ERR, ERR", "0x10, ERR, ERR", "-0, 0, ERR", "1s1.5, ERR, ERR", "3W2D, 1987200, 1987200",
        "1h1h, 7200, 7200"})
    void convtime(String in, String v92, String v105) {
        assertEquals(v92, time(in, Dialect.OPENSSH_9_2), "9.2 " + in);
        assertEquals(v105, time(in, Dialect.OPENSSH_10_5), "10.5 " + in);
    }

    @Test
    void timeKeywordMessages() {
        assertEquals("missing time value.", TimeSpec.parseTimeOrNone("", Dialect.OPENSSH_9_2).error());
        assertEquals("invalid time value.", TimeSpec.parseTimeOrNone("5x", Dialect.OPENSSH_9_2).error());
        assertEquals(-1, TimeSpec.parseTimeOrNone("none", Dialect.OPENSSH_10_5).value());
    }

    @ParameterizedTest
    @CsvSource({"ssh, 22", "08, 8", "+22, 22", "http-alt, 8080", "0, 0", "65536, ERR", "SSH, ERR", "'', ERR"})
    void a2port(String in, String expected) {
        OptionalInt p = Ports.a2port(in);
        assertEquals(expected, p.isPresent() ? Integer.toString(p.getAsInt()) : "ERR");
    }

    @Test
    void integerMessages() {
        assertEquals("integer value invalid.", Ports.parseInt("x").error());
        assertEquals("integer value too small.", Ports.parseInt("-1").error());
        assertEquals("integer value too large.", Ports.parseInt("2147483648").error());
        assertEquals("integer value missing.", Ports.parseInt(null).error());
        assertEquals("Bad port '0'.", Ports.parsePort("0").error());
    }

    @Test
    void forwardsRenderLikeDumpCfgForwards() {
        Forward unixTarget = Forward.parseKeyword(Forward.Kind.LOCAL, "8083", "/tmp/r.sock", k -> null).value();
        Forward tcp = Forward.parseKeyword(Forward.Kind.LOCAL, "127.0.0.1:8080", "[::1]:80", k -> null).value();
        Forward socks = Forward.parseKeyword(Forward.Kind.REMOTE, "9091", null, k -> null).value();
        assertEquals(List.of("dynamicforward 8083", "localforward 8083 /tmp/r.sock",
                "localforward [127.0.0.1]:8080 [::1]:80", "remoteforward 9091 [socks]:0"),
                Forward.renderDump(List.of(unixTarget, tcp), List.of(socks)));
    }

    @Test
    void forwardEnvironmentAndErrors() {
        Map<String, String> env = Map.of("P", "1234", "H", "example.org");
        assertEquals("localforward 1234 [example.org]:22", Forward.renderDump(List.of(
                Forward.parseKeyword(Forward.Kind.LOCAL, "${P}", "${H}:22", env::get).value()), List.of()).get(0));
        assertEquals("Missing target argument.", Forward.parseKeyword(Forward.Kind.LOCAL, "80", null, env::get).error());
        assertEquals("Bad forwarding specification.",
                Forward.parseKeyword(Forward.Kind.LOCAL, "${NOPE}", "h:1", env::get).error());
        assertEquals("Bad local forwarding specification '0:h:1'",
                Forward.parseFlag(Forward.Kind.LOCAL, "0:h:1", env::get).error());
        assertTrue(Forward.parseFlag(Forward.Kind.REMOTE, "0", env::get).isOk());
        assertEquals("Bad dynamic forwarding specification 'x:y:z'",
                Forward.parseFlag(Forward.Kind.DYNAMIC, "x:y:z", env::get).error());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a,b # c,d | proxyjump a,b # c,b | proxyjump a,b",
        "u x@h | proxyjump u | proxyjump u x@h",
        "1.2.3.4:22 | proxyjump [1.2.3.4]:22 | proxyjump [1.2.3.4]:22",
        "u@[::1]:2200 | proxyjump u@[::1]:2200 | proxyjump u@[::1]:2200"})
    void proxyJumpDialects(String in, String v92, String v105) {
        assertEquals(v92, ProxyJump.parse(in, Dialect.OPENSSH_9_2, false).value().render());
        assertEquals(v105, ProxyJump.parse(in, Dialect.OPENSSH_10_5, false).value().render());
    }

    @Test
    void proxyJumpStrictAndNone() {
        assertTrue(ProxyJump.parse("a;b", Dialect.OPENSSH_10_5, false).isOk());
        List<String> log = new ArrayList<>();
        assertEquals("Invalid ProxyJump \"a;b\"", ProxyJump.parse("a;b", Dialect.OPENSSH_10_5, true, log::add).error());
        assertEquals("Invalid -J argument", ProxyJump.parseFlag("-x", Dialect.OPENSSH_10_5, log::add).error());
        assertEquals("Invalid -J argument", ProxyJump.parseFlag("u;x@j", Dialect.DEBIAN_9_2, log::add).error());
        assertEquals(List.of("parse_jump: invalid hostname \"a;b\"", "parse_jump: invalid hostname \"-x\"",
                "parse_jump: invalid username \"u;x\""), log);
        assertTrue(ProxyJump.parseFlag("u;x@j", Dialect.OPENSSH_9_2).isOk());
        assertTrue(ProxyJump.parseFlag("u;x@j", Dialect.DEBIAN_9_2_U8).isOk());
        assertEquals("Invalid -J argument", ProxyJump.parseFlag("u@", Dialect.OPENSSH_10_5, log::add).error());
        assertEquals(3, log.size(), "a malformed hop logs no parse_jump line");
        assertTrue(ProxyJump.parse("NONE", Dialect.OPENSSH_10_5, false).value().disabled());
        assertEquals("jump", ProxyJump.parse("a,u@jump:22", Dialect.OPENSSH_9_2, false).value().lastHopHost());
        assertEquals("_h", ProxyJump.parse("ssh://_h", Dialect.OPENSSH_10_5, false).value().host());
        assertFalse(ProxyJump.parse("ssh://_h", Dialect.OPENSSH_9_2, false).isOk());
        assertFalse(ProxyJump.parse("ssh://u@[::1]:2200", Dialect.OPENSSH_10_5, false).isOk());
    }

    @Test
    void algorithmDefaultsPerDialect() {
        assertEquals("mlkem768x25519-sha256", Algorithms.defaults(Algorithms.Kind.KEX_ALGORITHMS,
                Dialect.OPENSSH_10_5).get(0));
        assertEquals("sntrup761x25519-sha512@openssh.com", Algorithms.defaults(Algorithms.Kind.KEX_ALGORITHMS,
                Dialect.OPENSSH_9_2).get(0));
        assertEquals("aes128-gcm@openssh.com", Algorithms.defaults(Algorithms.Kind.CIPHERS, Dialect.OPENSSH_10_5).get(1));
        assertTrue(Algorithms.supported(Algorithms.Kind.HOST_KEY_ALGORITHMS, Dialect.OPENSSH_10_5)
                .contains("ssh-mldsa44-ed25519@openssh.com"));
        assertFalse(Algorithms.supported(Algorithms.Kind.HOST_KEY_ALGORITHMS, Dialect.OPENSSH_10_5).contains("ssh-dss"));
    }

    @Test
    void algorithmValidationPerDialect() {
        assertEquals("Bad SSH2 KexAlgorithms 'gss-group14-sha256-'.", Algorithms.validate(
                Algorithms.Kind.KEX_ALGORITHMS, "gss-group14-sha256-", Dialect.OPENSSH_9_2).error());
        assertTrue(Algorithms.validate(Algorithms.Kind.KEX_ALGORITHMS, "gss-group14-sha256-", Dialect.DEBIAN_9_2).isOk());
        assertEquals("Bad key types 'ssh-ed25519-cert-v01@openssh.com'.", Algorithms.validate(
                Algorithms.Kind.CA_SIGNATURE_ALGORITHMS, "ssh-ed25519-cert-v01@openssh.com", Dialect.OPENSSH_10_5).error());
        assertEquals("Bad key types 'ssh-dss'.", Algorithms.validate(
                Algorithms.Kind.HOST_KEY_ALGORITHMS, "ssh-dss", Dialect.OPENSSH_10_5).error());
        assertEquals("Missing argument.", Algorithms.validate(Algorithms.Kind.MACS, "", Dialect.OPENSSH_10_5).error());
        assertEquals("dump_client_config: expand HostKeyAlgorithms: invalid argument",
                Algorithms.assemble(Algorithms.Kind.HOST_KEY_ALGORITHMS, "!ssh-rsa", Dialect.OPENSSH_10_5).error());
    }

    @Test
    void ipqosPerDialect() {
        assertEquals("ipqos af21 cs1", IpQos.defaults(Dialect.OPENSSH_9_2).render(Dialect.OPENSSH_9_2));
        assertEquals("ipqos lowdelay throughput", IpQos.defaults(Dialect.DEBIAN_9_2).render(Dialect.DEBIAN_9_2));
        assertEquals("ipqos ef cs0", IpQos.defaults(Dialect.OPENSSH_10_5).render(Dialect.OPENSSH_10_5));
        assertEquals("ipqos none af11", IpQos.parse("lowdelay", "af11", Dialect.OPENSSH_10_5).value()
                .render(Dialect.OPENSSH_10_5));
        assertEquals("ipqos va va", IpQos.parse("VA", null, Dialect.OPENSSH_10_5).value().render(Dialect.OPENSSH_10_5));
        assertEquals("Bad IPQoS value: 0x2e", IpQos.parse("0x2e", null, Dialect.OPENSSH_10_5).error());
        assertEquals("ipqos 0x2e 0x2e", IpQos.parse("0x2e", null, Dialect.OPENSSH_9_2).value()
                .render(Dialect.OPENSSH_9_2));
    }

    @ParameterizedTest
    @CsvSource({"1K, 1024", "1.5K, 1536", "1.5, 1", "2g, 2147483648", "0, 0", "K, 0"})
    void scanScaled(String in, long expected) {
        assertEquals(expected, RekeyLimit.scanScaled(in).value());
    }

    @Test
    void rekeyAndEscapeAndMisc() {
        assertEquals("Bad number '1KB': Invalid argument", RekeyLimit.parse(List.of("1KB"), Dialect.OPENSSH_9_2).error());
        assertEquals("RekeyLimit too small", RekeyLimit.parse(List.of("15"), Dialect.OPENSSH_9_2).error());
        assertEquals("escapechar \\^A", EscapeChar.render(EscapeChar.parse("^A").value()));
        assertEquals("escapechar \\040", EscapeChar.render(EscapeChar.parse(" ").value()));
        assertEquals("escapechar \\^?", EscapeChar.render(127));
        assertEquals("escapechar \\M-C", EscapeChar.render(0xc3));
        assertEquals("addkeystoagent confirm 300",
                AddKeysToAgent.parse("confirm", "5m", Dialect.OPENSSH_9_2).value().render());
        assertEquals("unsupported option", AddKeysToAgent.parse("ask", "5m", Dialect.OPENSSH_9_2).error());
        assertEquals("tunneldevice 3:any", TunnelDevice.parse("3").value().render());
        assertEquals("controlpersist yes", ControlPersist.parse("0", Dialect.OPENSSH_9_2).value().render());
        assertEquals("Bad ControlPersist argument.", ControlPersist.parse("Yes", Dialect.OPENSSH_9_2).error());
        assertEquals("streamlocalbindmask 077", NamedValues.renderStreamLocalBindMask(
                NamedValues.streamLocalBindMask("0077").value()));
        assertEquals("unsupported log level 'silent'", NamedValues.logLevel("silent", Dialect.OPENSSH_9_2).error());
    }

    @Test
    void tenXOnlyKeywords() {
        assertEquals(20, NamedValues.obscureKeystrokeTiming(List.of("yes")).value());
        assertEquals("value out of range.", NamedValues.obscureKeystrokeTiming(List.of("interval:1001")).error());
        assertEquals("unsupported argument \"Yes\"", NamedValues.obscureKeystrokeTiming(List.of("Yes")).error());
        assertEquals("obscurekeystroketiming 80", NamedValues.renderObscureKeystrokeTiming(80));
        assertEquals("invalid channel timeout session", ListValues.channelTimeout("channeltimeout",
                List.of("session"), Dialect.OPENSSH_10_5).error());
        assertEquals("channeltimeout session=1m global=2h", ListValues.renderChannelTimeout(ListValues.channelTimeout(
                "channeltimeout", List.of("session=1m", "global=2h"), Dialect.OPENSSH_10_5).value()));
        assertEquals("no setenv specified", ListValues.setEnv("setenv", List.of(), Dialect.OPENSSH_10_5).error());
        assertEquals(List.of("A=1"), ListValues.setEnv("setenv", List.of("A=1", "A=2"), Dialect.OPENSSH_9_2).value());
    }
}
