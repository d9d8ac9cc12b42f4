package io.ctlmux.config.expand;

import java.util.Optional;

/** Home directories from the passwd database (OpenSSH uses {@code getpwuid}/{@code getpwnam}, never {@code $HOME}). */
public interface HomeDirectories {
    /** The passwd home directory of the user running ssh (real uid). */
    String currentUserHome();

    /** The passwd home directory of {@code user}, or empty when there is no such user. */
    Optional<String> homeOf(String user);
}
