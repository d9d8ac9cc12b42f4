package io.ctlmux.config.lint;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The client's platform: which vendor keywords exist and how long a Unix socket path may be. */
public enum Platform {
    LINUX(108, Set.of()),
    MACOS(104, Set.of("usekeychain"));

    /** sizeof(sun_path): a path needs one byte less (NUL). */
    public final int sunPath;
    /** Keywords only this platform's ssh accepts (lower case). */
    public final Set<String> vendorKeywords;

    Platform(int sunPath, Set<String> vendorKeywords) {
        this.sunPath = sunPath;
        this.vendorKeywords = vendorKeywords;
    }

    /** The longest ControlPath a client accepts (107 on Linux, 103 on macOS). */
    public int clientMax() {
        return sunPath - 1;
    }

    /** The longest ControlPath a master can bind: the client limit minus the 17-byte temporary suffix. */
    public int masterMax() {
        return clientMax() - 17;
    }

    /** Apple-only keywords known anywhere (for the platform rule on Linux). */
    public static final Set<String> APPLE_KEYWORDS = Set.of("usekeychain");

    public static Optional<Platform> parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "linux" -> Optional.of(LINUX);
            case "macos", "darwin", "osx" -> Optional.of(MACOS);
            default -> Optional.empty();
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
