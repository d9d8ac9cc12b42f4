package io.ctlmux.config.expand;

import java.util.List;
import java.util.Optional;

/**
 * {@code misc.c:tilde_expand}: only a leading {@code ~} is expanded. {@code ~} and {@code ~/} give the home directory
 * with a trailing {@code /}; {@code ~/x} and {@code ~user/x} give {@code home/x} (extra slashes after the {@code ~}
 * part are dropped). The user name is everything up to the first {@code /}, taken literally (so {@code ~%u} looks
 * up a user named {@code %u}).
 */
public final class Tilde {
    /** PATH_MAX on Linux; a result of this many bytes or more is an error. */
    static final int PATH_MAX = 4096;

    private Tilde() {}

    public static String expand(String path, HomeDirectories homes) throws ExpansionException {
        if (path.isEmpty() || path.charAt(0) != '~') {
            return path;
        }
        String rest = path.substring(1);
        String user = null;
        String tail;
        if (rest.isEmpty()) {
            tail = "";
        } else if (rest.charAt(0) == '/') {
            tail = stripSlashes(rest);
        } else {
            int slash = rest.indexOf('/');
            if (slash < 0) {
                user = rest;
                tail = "";
            } else {
                user = rest.substring(0, slash);
                tail = stripSlashes(rest.substring(slash + 1));
            }
        }
        String home;
        if (user != null) {
            Optional<String> h = homes.homeOf(user);
            if (h.isEmpty()) {
                String msg = "No such user " + user;
                throw new ExpansionException(ExpansionException.Kind.UNKNOWN_USER, msg,
                        List.of("tilde_expand: " + msg), "~" + user, 0);
            }
            home = h.get();
        } else {
            home = homes.currentUserHome();
        }
        boolean slash = home.isEmpty() || home.charAt(home.length() - 1) != '/';
        String result = home + (slash ? "/" : "") + tail;
        if (result.length() >= PATH_MAX) {
            throw new ExpansionException(ExpansionException.Kind.PATH_TOO_LONG, "Path too long",
                    List.of("tilde_expand: Path too long"));
        }
        return result;
    }

    private static String stripSlashes(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '/') {
            i++;
        }
        return s.substring(i);
    }
}
