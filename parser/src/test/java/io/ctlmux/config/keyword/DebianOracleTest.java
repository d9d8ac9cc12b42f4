package io.ctlmux.config.keyword;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the value parsers and renderers with the installed Debian 9.2 {@code ssh -G}. Each case is one config
 * line; the expected {@code -G} line or error text is computed by the code under test.
 */
class DebianOracleTest {
    private static final Dialect D = SshOracle.dialect();
    private static final Function<String, String> NO_ENV = k -> null;

    @BeforeAll
    static void requireSsh() {
        assumeTrue(SshOracle.available(), "Debian OpenSSH 9.2 ssh not installed; oracle tests skipped");
    }

    private static List<String> args(String value) {
        return value.isEmpty() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }

    /** Asserts that ssh prints exactly {@code expected} for lines starting with {@code prefix}, or the error. */
    private static void check(String config, String prefix, ValueResult<List<String>> expected) {
        SshOracle.Result r = SshOracle.run(config + "\n");
        if (expected.isOk()) {
            assertEquals(0, r.exit(), () -> "ssh failed for [" + config + "]: " + r.stderr());
            assertEquals(expected.value(), r.linesStartingWith(prefix), config);
        } else {
            assertTrue(r.stderr().lines().anyMatch(l -> l.endsWith("line 1: " + expected.error())
                    || l.equals(expected.error())),
                    () -> "[" + config + "] expected error '" + expected.error() + "' got: " + r.stderr());
        }
    }

    private static final Map<String, Algorithms.Kind> ALG = Map.of(
            "Ciphers", Algorithms.Kind.CIPHERS, "MACs", Algorithms.Kind.MACS,
            "KexAlgorithms", Algorithms.Kind.KEX_ALGORITHMS, "HostKeyAlgorithms", Algorithms.Kind.HOST_KEY_ALGORITHMS,
            "PubkeyAcceptedAlgorithms", Algorithms.Kind.PUBKEY_ACCEPTED_ALGORITHMS,
            "HostbasedAcceptedAlgorithms", Algorithms.Kind.HOSTBASED_ACCEPTED_ALGORITHMS,
            "CASignatureAlgorithms", Algorithms.Kind.CA_SIGNATURE_ALGORITHMS);

    @ParameterizedTest
    @ValueSource(strings = {"Ciphers +aes128-cbc", "Ciphers -aes*-ctr", "Ciphers ^aes256-cbc,3des-cbc",
        "Ciphers aes128-ctr,aes256-gcm@openssh.com", "Ciphers aes128-ctr,,bogus", "Ciphers bogus",
        "Ciphers +aes*", "Ciphers none", "Ciphers -*", "MACs +hmac-md5", "MACs -*etm*", "MACs hmac-sha1,bad",
        "KexAlgorithms -*sha1", "KexAlgorithms +diffie-hellman-group1-sha1", "KexAlgorithms ^curve25519-sha256",
        "KexAlgorithms sntrup761x25519-sha512", "KexAlgorithms bogus-kex", "KexAlgorithms +gss-group14-sha256-",
        "HostKeyAlgorithms ^ssh-ed25519", "HostKeyAlgorithms +ssh-rsa,ssh-dss", "HostKeyAlgorithms ssh-*",
        "HostKeyAlgorithms -ecdsa*,sk-*", "HostKeyAlgorithms ssh-bogus", "HostKeyAlgorithms +RSA",
        "PubkeyAcceptedAlgorithms -ssh-ed25519-cert*", "PubkeyAcceptedAlgorithms +ssh-rsa-cert-v01@openssh.com",
        "PubkeyAcceptedAlgorithms rsa-sha2-*,ssh-ed25519", "HostbasedAcceptedAlgorithms ^ssh-rsa",
        "CASignatureAlgorithms +ssh-rsa", "CASignatureAlgorithms -rsa*", "CASignatureAlgorithms *cert*",
        "CASignatureAlgorithms ssh-ed25519-cert-v01@openssh.com"})
    void algorithmLists(String line) {
        String kw = line.substring(0, line.indexOf(' '));
        String value = line.substring(line.indexOf(' ') + 1);
        Algorithms.Kind kind = ALG.get(kw);
        String printed = kw.toLowerCase() + " ";
        ValueResult<String> v = Algorithms.validate(kind, value, D);
        ValueResult<List<String>> expected = v.isOk()
                ? Algorithms.assemble(kind, value, D).map(s -> List.of(printed + s))
                : ValueResult.err(v.error());
        check(line, printed, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ciphers", "MACs", "KexAlgorithms", "HostKeyAlgorithms", "PubkeyAcceptedAlgorithms",
        "HostbasedAcceptedAlgorithms", "CASignatureAlgorithms"})
    void algorithmDefaults(String kw) {
        SshOracle.Result r = SshOracle.run("");
        assertEquals(List.of(kw.toLowerCase() + " " + String.join(",", Algorithms.defaults(ALG.get(kw), D))),
                r.linesStartingWith(kw.toLowerCase() + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "1h30m", "5s5s", "+5", "1m30", "1.5", "0", "2147483647", "2147483648", "1w",
        "none", "5x", "-1", "-0", "3W2D", "1s1m", "35791394m", "35791395m"})
    void connectTimeout(String value) {
        ValueResult<List<String>> e = TimeSpec.parseTimeOrNone(value, D)
                .map(s -> List.of("connecttimeout " + (s == -1 ? "none" : s)));
        check("ConnectTimeout " + value, "connecttimeout ", e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh", "08", "0", "65535", "65536", "+22", "http-alt", "SSH", "x", "domain"})
    void port(String value) {
        check("Port " + value, "port ", Ports.parsePort(value).map(p -> List.of("port " + p)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "0", "-1", "x", "2147483648", "+7", "007"})
    void integer(String value) {
        check("ServerAliveCountMax " + value, "serveralivecountmax ",
                Ports.parseInt(value).map(p -> List.of("serveralivecountmax " + p)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LocalForward 8080 example.com:80", "LocalForward 127.0.0.1:8080 host:80",
        "LocalForward [::1]:8080 [::1]:80", "LocalForward 8083 /tmp/r.sock", "LocalForward /tmp/l.sock host:22",
        "LocalForward /tmp/a.sock /tmp/b.sock", "LocalForward *:8080 h:80", "LocalForward 8080 socks:80",
        "LocalForward 8080", "LocalForward 0 h:80", "LocalForward 8080 h:0", "LocalForward 8080 h:ssh",
        "LocalForward 8080 h:80:", "LocalForward a:b:c:d e:f", "LocalForward 8080 [h]x:80",
        "LocalForward 8080 h\\:x:80", "LocalForward 8080 ${NOPE_UNSET}:80",
        "RemoteForward 9091", "RemoteForward 0", "RemoteForward 0 h:80", "RemoteForward [::1]:9091",
        "RemoteForward 9091 /tmp/x.sock", "RemoteForward bind:9091 h:80", "RemoteForward 9091 h",
        "DynamicForward 1080", "DynamicForward 127.0.0.1:1080", "DynamicForward [::1]:1080",
        "DynamicForward /tmp/socks.sock", "DynamicForward 0", "DynamicForward a:b:c"})
    void forwards(String line) {
        String kw = line.substring(0, line.indexOf(' '));
        List<String> a = args(line.substring(line.indexOf(' ') + 1));
        Forward.Kind kind = kw.equals("LocalForward") ? Forward.Kind.LOCAL
                : kw.equals("RemoteForward") ? Forward.Kind.REMOTE : Forward.Kind.DYNAMIC;
        ValueResult<Forward> f = Forward.parseKeyword(kind, a.get(0), a.size() > 1 ? a.get(1) : null, NO_ENV);
        ValueResult<List<String>> expected = f.map(fw -> kind == Forward.Kind.REMOTE
                ? Forward.renderDump(List.of(), List.of(fw)) : Forward.renderDump(List.of(fw), List.of()));
        SshOracle.Result r = SshOracle.run(line + "\n");
        if (expected.isOk()) {
            List<String> got = new ArrayList<>(r.linesStartingWith("dynamicforward "));
            got.addAll(r.linesStartingWith("localforward "));
            got.addAll(r.linesStartingWith("remoteforward "));
            assertEquals(expected.value(), got, line);
        } else {
            assertTrue(r.stderr().lines().anyMatch(l -> l.endsWith("line 1: " + expected.error())
                    || l.equals(expected.error())), () -> line + ": " + r.stderr());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jump", "user@jump:2222", "a,b,user@c:22", "ssh://u@h:2200", "1.2.3.4",
        "[::1]:22", "u@[fe80::1]", "none", "NONE", "ssh://h/path", "ssh://@h", "ssh://-bad", "@h", "h:0", "h:x",
        "a,b # comment", "a, b", "u x@h", "u@h,x y", "h,", ",h", "ssh://u%41@h.example.", "h/x", "ssh://h.example:22/"})
    void proxyJump(String value) {
        ValueResult<ProxyJump> pj = ProxyJump.parse(value, D, false);
        ValueResult<List<String>> expected = pj.map(j -> j.render() == null ? List.of() : List.of(j.render()));
        check("ProxyJump " + value, "proxyjump ", expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"af21", "46", "0x2e", "lowdelay throughput", "EF cs0", "none", "256", "bogus",
        "af11 bogus", "010", "4", "reliability", "le", "va"})
    void ipqos(String value) {
        List<String> a = args(value);
        check("IPQoS " + value, "ipqos ", IpQos.parse(a.get(0), a.size() > 1 ? a.get(1) : null, D)
                .map(q -> List.of(q.render(D))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"^A", "none", "~", "x", "\"^?\"", "\" \"", "\\\\", "ab", "^a", "^@", "\"#\"", "\"\t\""})
    void escapeChar(String value) {
        String unquoted = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
        if (unquoted.equals("\\\\")) {
            unquoted = "\\";
        }
        check("EscapeChar " + value, "escapechar ", EscapeChar.parse(unquoted).map(c -> List.of(EscapeChar.render(c))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1G", "1G 1h", "default none", "512M 30m", "15", "16", "0", "1.5K", "1KB", "x",
        "1K 5x", "4T", "99999999999999999999", "2k 0"})
    void rekeyLimit(String value) {
        check("RekeyLimit " + value, "rekeylimit ", RekeyLimit.parse(args(value), D).map(rl ->
                List.of(RekeyLimit.render(rl.bytes(), rl.interval() == null ? 0 : rl.interval()))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "ask", "confirm", "confirm 5m", "1h", "0", "ask 5m", "bogus", "TRUE",
        "confirm x"})
    void addKeysToAgent(String value) {
        List<String> a = args(value);
        check("AddKeysToAgent " + value, "addkeystoagent ",
                AddKeysToAgent.parse(a.get(0), a.size() > 1 ? a.get(1) : null, D).map(k -> List.of(k.render())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"any", "3", "3:4", "any:5", "3:any", "x", "3:x", "ANY"})
    void tunnelDevice(String value) {
        check("TunnelDevice " + value, "tunneldevice ", TunnelDevice.parse(value).map(t -> List.of(t.render())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "true", "0", "10m", "Yes", "none", "5s5s"})
    void controlPersist(String value) {
        check("ControlPersist " + value, "controlpersist ",
                ControlPersist.parse(value, D).map(c -> List.of(c.render())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "none", "*.A.com:*.B.com", "a:b c:d", "bad", "x:", "none a"})
    void permittedCnames(String value) {
        // a literal Hostname keeps ssh from resolving "h" when CNAME rules are set
        check("CanonicalizePermittedCNAMEs " + value + "\nHostname 127.0.0.1", "canonicalizePermittedcnames",
                ListValues.permittedCnames("canonicalizepermittedcnames", args(value), D)
                        .map(l -> List.of(ListValues.renderPermittedCnames(l))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"any", "none", "h:22 h2:*", "[::1]:22"})
    void permitRemoteOpen(String value) {
        check("PermitRemoteOpen " + value, "permitremoteopen ",
                ListValues.permitRemoteOpen("permitremoteopen", args(value))
                        .map(l -> List.of(ListValues.renderPermitRemoteOpen(l))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h", "h:x", "h/2:22"})
    void permitRemoteOpenFatal(String value) {
        ValueResult<List<String>> v = ListValues.permitRemoteOpen("permitremoteopen", args(value));
        SshOracle.Result r = SshOracle.run("PermitRemoteOpen " + value + "\n");
        assertTrue(!v.isOk() && r.exit() == 255 && r.stderr().contains("line 1: " + v.error()), r.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0077", "0700", "777", "0777x", "1000", "x", "0"})
    void streamLocalBindMask(String value) {
        check("StreamLocalBindMask " + value, "streamlocalbindmask ", NamedValues.streamLocalBindMask(value)
                .map(m -> List.of(NamedValues.renderStreamLocalBindMask(m))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"debug", "DEBUG1", "debug3", "quiet", "silent", "verbose", "loud"})
    void logLevel(String value) {
        check("LogLevel " + value, "loglevel ", NamedValues.logLevel(value, D).map(l -> List.of("loglevel " + l)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local5", "AUTHPRIV", "user", "kern"})
    void syslogFacility(String value) {
        check("SyslogFacility " + value, "syslogfacility ",
                NamedValues.syslogFacility(value).map(l -> List.of("syslogfacility " + l)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5", "sha256", "SHA512", "sha3"})
    void fingerprintHash(String value) {
        check("FingerprintHash " + value, "fingerprinthash ",
                NamedValues.fingerprintHash(value).map(l -> List.of("fingerprinthash " + l)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A=1", "A=1 B=2 A=3", "NOEQ"})
    void setEnv(String value) {
        ValueResult<List<String>> v = ListValues.setEnv("setenv", args(value), D);
        check("SetEnv " + value, "setenv ", v.map(l -> l.stream().map(e -> "setenv " + e).toList()));
    }
}
