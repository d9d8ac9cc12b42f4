package io.ctlmux.config.keyword;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenSSH client flavour whose behaviour ctlmux reproduces. {@link #version} is comparable as
 * major*100+minor (9.2 -> 902, 10.5 -> 1005). Debian's bookworm client changes within 9.2p1 as security fixes are
 * backported, so it is one dialect per revision that behaves differently ({@link #debianRevision}).
 */
public enum Dialect {
    /** Debian's OpenSSH 9.2p1 (bookworm) at its newest known revision, 2+deb12u10: GSSAPI patches and backports. */
    DEBIAN_9_2(902, 10, "9.2-debian"),
    /** Debian 2+deb12u8 and u9: control characters refused in command-line user names, {@code %00} in URIs. */
    DEBIAN_9_2_U8(902, 8, "9.2-debian-u8"),
    /** Debian 2+deb12u6 (and u2 to u7): host and user names from the command line checked as in 9.6. */
    DEBIAN_9_2_U6(902, 6, "9.2-debian-u6"),
    /** Upstream OpenSSH 9.2p1. */
    OPENSSH_9_2(902, 0, "9.2"),
    /** Upstream OpenSSH 10.5p1, the newest release. */
    OPENSSH_10_5(1005, 0, "10.5");

    /** Compiled on first use: the common spellings are matched without them, and start-up time counts. */
    private static final class Patterns {
        static final Pattern DEBIAN_ID = Pattern.compile("9\\.2-?debian(?:-u(\\d{1,4}))?|debian-9\\.2");
        static final Pattern DEBIAN_BANNER = Pattern.compile("Debian-\\d+\\+deb\\d+u(\\d{1,4})\\b");
    }

    public final int version;
    public final boolean debian;
    /** The {@code N} of Debian's {@code 2+deb12uN} this dialect reproduces; 0 for upstream releases. */
    public final int debianRevision;
    public final String id;

    Dialect(int version, int debianRevision, String id) {
        this.version = version;
        this.debian = debianRevision > 0;
        this.debianRevision = debianRevision;
        this.id = id;
    }

    /** True when this dialect's version is at least {@code major.minor}. */
    public boolean atLeast(int major, int minor) {
        return version >= major * 100 + minor;
    }

    /** {@code valid_hostname} also refuses {@code ,} (upstream 10.0; Debian deb12u10). */
    public boolean hostnameRejectsComma() {
        return atLeast(10, 0) || debianRevision >= 10;
    }

    /**
     * {@code valid_ruser} refuses control characters and {@code urldecode} refuses {@code %00} (upstream 10.1;
     * Debian deb12u8, CVE-2025-61984 and CVE-2025-61985).
     */
    public boolean refusesControlCharacters() {
        return atLeast(10, 1) || debianRevision >= 8;
    }

    /**
     * The 10.3 {@code parse_jump}: {@code -J} and {@code -o ProxyJump} hops are checked like the destination
     * ({@code parse_jump: invalid hostname "..."}), {@code ProxyJump none} neither sets ProxyCommand nor blocks a
     * later one, earlier hops are kept without the comment; and the command-line user is checked before the host
     * name (CVE-2026-35386). Upstream 10.3; Debian deb12u10.
     */
    public boolean checksJumpHops() {
        return atLeast(10, 3) || debianRevision >= 10;
    }

    public static Dialect newest() {
        return OPENSSH_10_5;
    }

    /**
     * Parses {@code 9.2-debian} (the newest known Debian revision), {@code 9.2-debian-u6} (a revision: the newest
     * modelled one not after it), {@code 9.2}, {@code 10.5} (also {@code 9.2p1}, {@code OpenSSH_10.5p1}).
     */
    public static Optional<Dialect> parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace("openssh_", "").replace("p1", "");
        for (Dialect d : values()) {
            if (d.id.equals(t)) {
                return Optional.of(d);
            }
        }
        Matcher m = Patterns.DEBIAN_ID.matcher(t);
        if (m.matches()) {
            return Optional.of(m.group(1) == null ? DEBIAN_9_2 : debian92(Integer.parseInt(m.group(1))));
        }
        return Optional.empty();
    }

    /** Maps {@code ssh -V} output (e.g. {@code OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL ...}) to a dialect. */
    public static Optional<Dialect> fromVersionBanner(String banner) {
        if (banner.startsWith("OpenSSH_9.2")) {
            if (!banner.contains("Debian")) {
                return Optional.of(OPENSSH_9_2);
            }
            Matcher m = Patterns.DEBIAN_BANNER.matcher(banner);
            return Optional.of(debian92(m.find() ? Integer.parseInt(m.group(1)) : 0));
        }
        if (banner.startsWith("OpenSSH_10.5")) {
            return Optional.of(OPENSSH_10_5);
        }
        return Optional.empty();
    }

    /**
     * The dialect for Debian's {@code 9.2p1-2+deb12uN}: the newest modelled revision not after N. Revisions before
     * u6 (u1 and the release itself did not check names at all) get the oldest one, u6.
     */
    static Dialect debian92(int revision) {
        if (revision >= DEBIAN_9_2.debianRevision) {
            return DEBIAN_9_2;
        }
        return revision >= DEBIAN_9_2_U8.debianRevision ? DEBIAN_9_2_U8 : DEBIAN_9_2_U6;
    }
}
