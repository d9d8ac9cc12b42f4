package io.ctlmux.config.load;

import io.ctlmux.config.expand.HomeDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Home directories from {@code /etc/passwd}, the way {@code getpwnam}/{@code getpwuid} see them with plain
 * "files" NSS: the first entry for a name or uid wins. {@code $HOME} is never consulted, as in OpenSSH. Users only
 * known to other NSS sources (LDAP, sssd) are not seen.
 */
public final class PasswdHomeDirectories implements HomeDirectories {
    private final Map<String, String> homeByName = new LinkedHashMap<>();
    private final Map<Long, String> homeByUid = new LinkedHashMap<>();
    private final long uid;

    /**
     * @param passwd the passwd file's content, one char per byte
     * @param uid the real uid of the current user
     */
    public PasswdHomeDirectories(String passwd, long uid) {
        this.uid = uid;
        for (String line : passwd.split("\n", -1)) {
            String[] f = line.split(":", -1);
            if (f.length < 7 || f[0].isEmpty() || f[0].startsWith("+") || f[0].startsWith("-")) {
                continue;
            }
            homeByName.putIfAbsent(f[0], f[5]);
            try {
                homeByUid.putIfAbsent(Long.parseLong(f[2]), f[5]);
            } catch (NumberFormatException e) {
                // glibc skips a malformed entry for uid look-ups as well
            }
        }
    }

    /** Reads {@code /etc/passwd} and uses the real uid of this process. */
    public static PasswdHomeDirectories system() throws IOException {
        return of(Path.of("/etc/passwd"), new com.sun.security.auth.module.UnixSystem().getUid());
    }

    public static PasswdHomeDirectories of(Path passwd, long uid) throws IOException {
        return new PasswdHomeDirectories(new String(Files.readAllBytes(passwd), StandardCharsets.ISO_8859_1), uid);
    }

    /**
     * @throws IllegalStateException with ssh's own wording ({@code No user exists for uid N}) when the uid has no
     *     entry; ssh refuses to start then
     */
    @Override
    public String currentUserHome() {
        String h = homeByUid.get(uid);
        if (h == null) {
            throw new IllegalStateException("No user exists for uid " + uid);
        }
        return h;
    }

    @Override
    public Optional<String> homeOf(String user) {
        return Optional.ofNullable(homeByName.get(user));
    }
}
