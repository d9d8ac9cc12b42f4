package io.ctlmux.config.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.security.auth.module.UnixSystem;
import io.ctlmux.config.load.PasswdHomeDirectories;
import io.ctlmux.config.testing.RealSsh;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compares ControlPath expansion (tilde, then one %/${} pass) with the installed {@code ssh -G}. */
class ExpandOracleTest {
    private static final String CONFIG = "Host h\n  Hostname Real.Example.COM\n  User bob\n  Port 2200\n";

    @TempDir
    Path dir;

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("CTLMUX_T", "x%h${CTLMUX_U}~");
        env.put("NOPE_X", null);
        env.put("A", null);
        env.put("B", null);
        return env;
    }

    private static Map<Character, String> tokens(String thisHost) throws Exception {
        PasswdHomeDirectories homes = PasswdHomeDirectories.system();
        UnixSystem me = new UnixSystem();
        Map<Character, String> t = new HashMap<>();
        t.put('C', ConnectionHash.percentC(thisHost, "real.example.com", "2200", "bob", ""));
        t.put('L', thisHost.contains(".") ? thisHost.substring(0, thisHost.indexOf('.')) : thisHost);
        t.put('i', Long.toString(me.getUid()));
        t.put('k', "h");
        t.put('l', thisHost);
        t.put('n', "h");
        t.put('p', "2200");
        t.put('d', homes.currentUserHome());
        t.put('h', "real.example.com");
        t.put('r', "bob");
        t.put('u', me.getUsername());
        return t;
    }

    @Test
    void allDefaultTokensEnvironmentAndTilde() throws Exception {
        String thisHost = RealSsh.hostname();
        String cp = "~/.ssh/cm-%%-%C-%h-%p-%r-%n-%k-%L-%l-%i-%u-%d-${CTLMUX_T}-$HOME-%";
        cp = cp.substring(0, cp.length() - 1); // keep the trailing-% case for the error test
        RealSsh.Result r = RealSsh.g(dir, CONFIG + "  ControlPath " + cp + "\n", env(), "h");
        assertEquals(0, r.exitCode(), () -> String.join("\n", r.err()));
        Map<String, String> e = new HashMap<>(env());
        e.values().removeIf(v -> v == null);
        String ours = Expander.percentDollar(Tilde.expand(cp, PasswdHomeDirectories.system()), tokens(thisHost), e);
        assertEquals(r.value("controlpath"), ours);
    }

    @Test
    void plainTildeGetsATrailingSlash() throws Exception {
        RealSsh.Result r = RealSsh.g(dir, CONFIG + "  ControlPath ~\n", env(), "h");
        assertEquals(r.value("controlpath"), Tilde.expand("~", PasswdHomeDirectories.system()));
    }

    @ParameterizedTest(name = "ControlPath {0}")
    @ValueSource(strings = {"/tmp/%Q", "/tmp/${NOPE_X}", "/tmp/${NOPE", "/tmp/${}", "/tmp/x%", "/tmp/${A}%",
        "/tmp/${A}${B}", "/tmp/${A}%Q", "/tmp/%Q${A}", "${A}${", "/tmp/%${A}", "~nosuchuser_ctlmux/x", "~%u",
        "~root/%Z"})
    void errorLinesMatchSsh(String cp) throws Exception {
        RealSsh.Result r = RealSsh.g(dir, CONFIG + "  ControlPath " + cp + "\n", env(), "h");
        Map<String, String> e = new HashMap<>(env());
        e.values().removeIf(v -> v == null);
        ExpansionException ex = assertThrows(ExpansionException.class,
                () -> Expander.percentDollar(Tilde.expand(cp, PasswdHomeDirectories.system()),
                        tokens(RealSsh.hostname()), e));
        List<String> expected = new ArrayList<>(ex.lines());
        if (ex.kind() == ExpansionException.Kind.UNSET_VARIABLE) {
            expected.add("invalid environment variable expansion"); // ssh.c default_client_percent_dollar_expand
        }
        assertEquals(255, r.exitCode());
        assertEquals(expected, r.err());
    }
}
