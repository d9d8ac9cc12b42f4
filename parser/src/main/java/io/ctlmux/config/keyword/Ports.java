package io.ctlmux.config.keyword;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Ports and integers: {@code misc.c:a2port}, {@code atoi_err}, and the Port keyword. */
public final class Ports {
    /** Loaded on first use: most ports are numbers. */
    private static final class Services {
        static final Map<String, Integer> TCP = loadServices();
    }

    private Ports() {
    }

    /**
     * OpenSSH {@code a2port}: a decimal 0..65535 ({@code strtonum}, so {@code 08} is 8 and {@code +22} is 22), else a
     * TCP service name (case-sensitive, built-in copy of the IANA/netbase table: {@code ssh} is 22). Empty when
     * neither. Note 0 is returned as 0; callers reject {@code <= 0} where OpenSSH does.
     */
    public static OptionalInt a2port(String s) {
        if (s == null) {
            return OptionalInt.empty();
        }
        ValueResult<Long> n = CNum.strtonum(s, 0, 65535);
        if (n.isOk()) {
            return OptionalInt.of(n.value().intValue());
        }
        Integer svc = Services.TCP.get(s);
        return svc == null ? OptionalInt.empty() : OptionalInt.of(svc);
    }

    /** The {@code Port} keyword: 1..65535 or a service name. Errors: {@code Missing argument.}, {@code Bad port 'x'.}. */
    public static ValueResult<Integer> parsePort(String arg) {
        if (arg == null || arg.isEmpty()) {
            return ValueResult.err("Missing argument.");
        }
        OptionalInt p = a2port(arg);
        if (p.isEmpty() || p.getAsInt() <= 0) {
            return ValueResult.err("Bad port '" + arg + "'.");
        }
        return ValueResult.ok(p.getAsInt());
    }

    /**
     * Integer keywords ({@code ConnectionAttempts}, {@code NumberOfPasswordPrompts}, {@code ServerAliveCountMax},
     * {@code CanonicalizeMaxDots}, {@code RequiredRSASize}): {@code strtonum(0, INT_MAX)}. Errors:
     * {@code integer value missing.}, {@code integer value invalid.}, {@code integer value too small.},
     * {@code integer value too large.}.
     */
    public static ValueResult<Integer> parseInt(String arg) {
        ValueResult<Integer> r = atoiErr(arg);
        return r.isOk() ? r : ValueResult.err("integer value " + r.error() + ".");
    }

    /** {@code atoi_err}: value or the bare error word ({@code missing}, {@code invalid}, {@code too small}, {@code too large}). */
    static ValueResult<Integer> atoiErr(String arg) {
        if (arg == null || arg.isEmpty()) {
            return ValueResult.err("missing");
        }
        return CNum.strtonum(arg, 0, Integer.MAX_VALUE).map(Long::intValue);
    }

    private static Map<String, Integer> loadServices() {
        Map<String, Integer> m = new HashMap<>();
        try (InputStream in = Ports.class.getResourceAsStream("tcp-services.txt")) {
            if (in == null) {
                throw new IllegalStateException("tcp-services.txt missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 2) {
                    continue;
                }
                int port = Integer.parseInt(f[0]);
                for (int i = 1; i < f.length; i++) {
                    m.putIfAbsent(f[i], port);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
