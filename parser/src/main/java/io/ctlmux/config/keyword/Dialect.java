package io.ctlmux.config.keyword;

import java.util.Locale;
import java.util.Optional;

/**
 * An OpenSSH client flavour whose behaviour ctlmux reproduces. {@link #version} is comparable as
 * major*100+minor (9.2 -> 902, 10.5 -> 1005).
 */
public enum Dialect {
    /** Debian's OpenSSH 9.2p1 (bookworm), the installed oracle: GSSAPI patches and backports. */
    DEBIAN_9_2(902, true, "9.2-debian"),
    /** Upstream OpenSSH 9.2p1. */
    OPENSSH_9_2(902, false, "9.2"),
    /** Upstream OpenSSH 10.5p1, the newest release. */
    OPENSSH_10_5(1005, false, "10.5");

    public final int version;
    public final boolean debian;
    public final String id;

    Dialect(int version, boolean debian, String id) {
        this.version = version;
        this.debian = debian;
        this.id = id;
    }

    /**
     * The command-line hardening of 10.3 (ProxyJump/-J host and user validation, hostnames without commas) and its
     * ProxyJump/ProxyCommand precedence (the first of the two wins): upstream from 10.3, and in Debian's 9.2 since
     * the security update 1:9.2p1-2+deb12u10.
     */
    public boolean hardened103() {
        return debian || atLeast(10, 3);
    }

    /** True when this dialect's version is at least {@code major.minor}. */
    public boolean atLeast(int major, int minor) {
        return version >= major * 100 + minor;
    }

    public static Dialect newest() {
        return OPENSSH_10_5;
    }

    /** Parses {@code 9.2-debian}, {@code 9.2}, {@code 10.5} (also {@code 9.2p1}, {@code OpenSSH_10.5p1}). */
    public static Optional<Dialect> parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace("openssh_", "").replace("p1", "");
        for (Dialect d : values()) {
            if (d.id.equals(t)) {
                return Optional.of(d);
            }
        }
        if (t.equals("debian-9.2") || t.equals("9.2debian")) {
            return Optional.of(DEBIAN_9_2);
        }
        return Optional.empty();
    }

    /** Maps {@code ssh -V} output (e.g. {@code OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL ...}) to a dialect. */
    public static Optional<Dialect> fromVersionBanner(String banner) {
        if (banner.startsWith("OpenSSH_9.2")) {
            return Optional.of(banner.contains("Debian") ? DEBIAN_9_2 : OPENSSH_9_2);
        }
        if (banner.startsWith("OpenSSH_10.5")) {
            return Optional.of(OPENSSH_10_5);
        }
        return Optional.empty();
    }
}
