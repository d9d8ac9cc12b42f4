package io.ctlmux.config.lint;

import io.ctlmux.config.keyword.Dialect;
import java.util.Locale;
import java.util.Optional;

/**
 * An OpenSSH release lint checks against. {@code dialect} is the modelled client the evaluator runs as (the exact
 * one for 9.2-debian, 9.2 and 10.5; the nearest otherwise), {@code version} the release itself (major*100+minor),
 * which the version rules compare against.
 */
public record Target(String label, Dialect dialect, int version) {
    /** True when the evaluator models this release exactly. */
    public boolean exact() {
        return dialect.version == version;
    }

    /** Parses {@code 9.2-debian}, {@code 9.2}, {@code 10.5}, {@code 8.2}, {@code 9.4p1}, {@code OpenSSH_10.0}. */
    public static Optional<Target> parse(String s) {
        String t = s.trim();
        Optional<Dialect> d = Dialect.parse(t);
        if (d.isPresent()) {
            return Optional.of(new Target(d.get().id, d.get(), d.get().version));
        }
        String v = t.toLowerCase(Locale.ROOT).replace("openssh_", "").replaceAll("p\\d+$", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})\\.(\\d{1,2})").matcher(v);
        if (!m.matches()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 5 || major > 99) {
            return Optional.empty();
        }
        int version = major * 100 + minor;
        // Below 9.2 the 9.2 evaluator is closest (it rejects newer keywords too); above it, 10.5 accepts
        // everything the release may know and the version rules report what it does not.
        Dialect nearest = version <= Dialect.OPENSSH_9_2.version ? Dialect.OPENSSH_9_2 : Dialect.OPENSSH_10_5;
        return Optional.of(new Target(major + "." + minor, nearest, version));
    }

    /** {@code 9.4} for 904. */
    public static String versionText(int version) {
        return version / 100 + "." + version % 100;
    }

    @Override
    public String toString() {
        return label;
    }
}
