package io.ctlmux.config.eval;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.render.GRenderer;
import io.ctlmux.config.resolved.ResolvedConfig;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resolution of arbitrary config bytes for an arbitrary destination never throws anything but
 * {@link Resolver.Failure}, and a success always renders. Input: the first line is the destination (ISO-8859-1),
 * the rest is the config file, read from an in-memory environment that also offers it as {@code /fuzz/inc} and
 * {@code /fuzz/inc.d/a} for Include. Nothing touches the disk, DNS or a shell. In {@code mvn verify} only the seed
 * inputs run; fuzz with {@code JAZZER_FUZZ=1 mvn -pl parser test -Dtest=ResolverFuzzTest}.
 */
class ResolverFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void resolveAnyConfig(byte[] data) {
        int nl = 0;
        while (nl < data.length && data[nl] != '\n') {
            nl++;
        }
        String host = new String(data, 0, nl, StandardCharsets.ISO_8859_1);
        byte[] config = nl < data.length ? java.util.Arrays.copyOfRange(data, nl + 1, data.length) : new byte[0];
        for (Dialect dialect : List.of(Dialect.DEBIAN_9_2, Dialect.newest())) {
            try {
                ResolvedConfig r = Resolver.resolve(List.of("-F", "/fuzz/config", host.isEmpty() ? "h" : host),
                        dialect, new MemoryEnvironment(config), Evaluator.ExecPolicy.NEVER);
                GRenderer.render(r).options().render();
            } catch (Resolver.Failure expected) {
                // ssh would exit with an error: fine
            }
        }
    }

    /** The config under three names, a fixed user and host; exec, DNS and other files do not exist. */
    static final class MemoryEnvironment implements Environment {
        private final Map<String, byte[]> files = new TreeMap<>();

        MemoryEnvironment(byte[] config) {
            files.put("/fuzz/config", config);
            files.put("/fuzz/inc", config);
            files.put("/fuzz/inc.d/a", config);
        }

        @Override
        public String getenv(String name) {
            return name.equals("FOO") ? "bar" : name.equals("HOME") ? "/home/fuzz" : null;
        }

        @Override
        public String userName() {
            return "fuzz";
        }

        @Override
        public long uid() {
            return 1000;
        }

        @Override
        public String home() {
            return "/home/fuzz";
        }

        @Override
        public Optional<String> homeOf(String user) {
            return user.equals("fuzz") ? Optional.of("/home/fuzz") : Optional.empty();
        }

        @Override
        public String hostName() {
            return "fuzzhost.example";
        }

        @Override
        public Optional<byte[]> readFile(String path) {
            return Optional.ofNullable(files.get(path));
        }

        @Override
        public FileFacts fileFacts(String path) {
            return files.containsKey(path) ? new FileFacts(1000, 0644, false) : null;
        }

        @Override
        public List<String> glob(String pattern) {
            int meta = pattern.indexOf('*');
            if (meta < 0) {
                return files.containsKey(pattern) ? List.of(pattern) : List.of();
            }
            String prefix = pattern.substring(0, meta);
            return files.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }

        @Override
        public int exec(String command) {
            throw new AssertionError("Match exec ran under ExecPolicy.NEVER: " + command);
        }

        @Override
        public Optional<InetAddress[]> resolve(String host) {
            return Optional.empty();
        }

        @Override
        public List<InetAddress> localAddresses() {
            return List.of();
        }
    }
}
