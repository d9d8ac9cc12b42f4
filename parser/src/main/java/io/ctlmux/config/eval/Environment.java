package io.ctlmux.config.eval;

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

    /**
     * The bytes of a file, or empty when it does not exist; {@link CannotOpenException} when it cannot be opened for
     * another reason, IOException for other failures.
     */
    Optional<byte[]> readFile(String path) throws IOException;

    /**
     * Opens a configuration file as OpenSSH's {@code fopen(path, "r")} does, so that its owner and mode can be checked
     * before anything is read: empty when the file does not exist (ENOENT), {@link CannotOpenException} with the
     * system's wording for any other failure. Opening a FIFO may block, as it does in ssh. The default reads the
     * whole file with {@link #readFile} and takes the facts from {@link #fileFacts}.
     */
    default Optional<ConfigInput> open(String path) throws IOException {
        Optional<byte[]> bytes = readFile(path);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        FileFacts facts = fileFacts(path);
        return Optional.of(ConfigInput.of(bytes.get(), facts));
    }

    /** Permission facts for the OpenSSH owner/mode check: null when the file does not exist. */
    FileFacts fileFacts(String path);

    /**
     * getgrgid(gid) with the uids of the passwd entries whose primary group it is (getpwent), for Debian's rule on
     * group-writable configuration files; empty when no such group exists. The default knows no groups.
     */
    default Optional<GroupFacts> group(long gid) {
        return Optional.empty();
    }

    /** The name of the passwd entry of {@code uid} (getpwuid), empty when there is none. The default knows none. */
    default Optional<String> userNameOf(long uid) {
        return Optional.empty();
    }

    /** glob(3) with GLOB_TILDE: matching paths in lexical order, empty when nothing matches. */
    List<String> glob(String pattern);

    /** Runs {@code $SHELL -c command} with stdio on /dev/null; returns its exit status, or -1 when it died. */
    int exec(String command);

    /** Resolves a host name (canonicalisation); empty when it does not resolve. */
    Optional<InetAddress[]> resolve(String host);

    /** The addresses of the up interfaces (Match localnetwork). */
    List<InetAddress> localAddresses();

    /**
     * Owner uid and gid (gid -1 when unknown), permission bits, and the file's type: a directory, a regular file or
     * something else (device, FIFO, socket).
     */
    record FileFacts(long uid, long gid, int mode, boolean directory, boolean regular) {
        /** Facts without a group, for a directory or a regular file. */
        public FileFacts(long uid, int mode, boolean directory) {
            this(uid, -1, mode, directory, !directory);
        }
    }

    /**
     * A group: the uids of the passwd entries whose primary group it is, and its member list ({@code gr_mem}).
     */
    record GroupFacts(List<Long> primaryUids, List<String> members) {
    }

    /** An opened configuration file: its facts (fstat) and then its content. */
    interface ConfigInput extends AutoCloseable {
        /** fstat of the opened file. */
        FileFacts facts() throws IOException;

        /**
         * The whole content. A directory reads as empty (ssh's getline fails at once on it). An implementation may
         * refuse input beyond a bound with an IOException that says so.
         */
        byte[] readAll() throws IOException;

        @Override
        void close();

        /** Content already in memory. */
        static ConfigInput of(byte[] content, FileFacts facts) {
            return new ConfigInput() {
                @Override
                public FileFacts facts() {
                    return facts;
                }

                @Override
                public byte[] readAll() {
                    return facts != null && facts.directory() ? new byte[0] : content;
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
