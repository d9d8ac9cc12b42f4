package io.ctlmux.config.eval;

import io.ctlmux.config.syntax.ConfigFile;
import io.ctlmux.config.syntax.ConfigParser;
import io.ctlmux.config.text.SourceText;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Everything the evaluator needs from the outside world, passed in explicitly so that evaluation is testable on
 * strings. {@link io.ctlmux.config.load.SystemEnvironment} is the real implementation.
 */
public interface Environment {
    /** An environment variable, or null when unset. */
    String getenv(String name);

    /** The local user name (passwd entry of the real uid). */
    String userName();

    /** The local numeric uid. */
    long uid();

    /** The local user's home directory from the passwd entry (never $HOME). */
    String home();

    /** Another user's home directory from the passwd database. */
    Optional<String> homeOf(String user);

    /** gethostname(): the full local host name. */
    String hostName();

    /** The bytes of a file, or empty when it does not exist; IOException for other failures. */
    Optional<byte[]> readFile(String path) throws IOException;

    /** Permission facts for the OpenSSH owner/mode check: null when the file does not exist. */
    FileFacts fileFacts(String path);

    /** glob(3) with GLOB_TILDE: matching paths in lexical order, empty when nothing matches. */
    List<String> glob(String pattern);

    /** Runs {@code $SHELL -c command} with stdio on /dev/null; returns its exit status, or -1 when it died. */
    int exec(String command);

    /** Resolves a host name (canonicalisation); empty when it does not resolve. */
    Optional<InetAddress[]> resolve(String host);

    /** The addresses of the up interfaces (Match localnetwork). */
    List<InetAddress> localAddresses();

    /**
     * Parses a config file's bytes. Implementations may cache: the result depends only on the name and the bytes
     * (lint resolves many destinations over the same files).
     */
    default ConfigFile parse(String filename, byte[] content) {
        return ConfigParser.parse(SourceText.ofBytes(filename, content));
    }

    /** Owner uid, mode bits, and whether it is a directory. */
    record FileFacts(long uid, int mode, boolean directory) {
    }
}
