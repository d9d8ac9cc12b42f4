package io.ctlmux.config.eval;

import io.ctlmux.config.resolved.Diagnostic;
import io.ctlmux.config.keyword.Dialect;
import java.io.IOException;
import java.util.Optional;

/**
 * How ssh gets at a configuration file (readconf.c, read_config_file_depth): it opens the file; when the file is an
 * Include or the user's own {@code ~/.ssh/config}, it checks the opened file's owner and mode before reading a line;
 * then it reads. Each failure has its own outcome, decided by the caller: a file that does not exist, one that cannot
 * be opened ({@link CannotOpenException}, with the system's wording), and bad owner or permissions (fatal).
 */
final class ConfigFileAccess {
    private ConfigFileAccess() {
    }

    /**
     * The content of {@code filename}; empty when it does not exist.
     *
     * @param checkPermissions SSHCONF_CHECKPERM: the owner must be root or the user, and the mode must not let others
     *                         write (see {@link #securePermissions})
     * @throws CannotOpenException when it cannot be opened for another reason
     * @throws ConfigFault         for bad owner or permissions, and when it cannot be read (naming the file)
     */
    static Optional<byte[]> read(Environment env, Dialect dialect, String filename, boolean checkPermissions)
            throws CannotOpenException, ConfigFault {
        Optional<Environment.ConfigInput> opened;
        try {
            opened = env.open(filename);
        } catch (CannotOpenException e) {
            throw e;
        } catch (IOException e) {
            throw new ConfigFault(filename + ": " + e.getMessage());
        }
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (Environment.ConfigInput in = opened.get()) {
            if (checkPermissions) {
                Environment.FileFacts facts = in.facts();
                if (facts == null) {
                    throw new ConfigFault("fstat " + filename + ": No such file or directory");
                }
                if (!securePermissions(env, dialect, facts)) {
                    throw new ConfigFault(Diagnostic.Kind.BAD_PERMISSIONS, "Bad owner or permissions on " + filename);
                }
            }
            return Optional.of(in.readAll());
        } catch (IOException e) {
            throw new ConfigFault(filename + ": " + e.getMessage());
        }
    }

    /** ssh's message for a file it cannot open: "Can't open user config file %.100s: %.100s". */
    static String cannotOpen(String filename, String reason) {
        return "Can't open user config file " + prefix(filename, 100) + ": " + prefix(reason, 100);
    }

    /** printf's {@code %.Ns}: at most n bytes (one char is one byte). */
    private static String prefix(String s, int n) {
        return s.length() > n ? s.substring(0, n) : s;
    }

    /**
     * The owner and mode check. Upstream: the owner is root or the user, and the mode has neither group nor other
     * write permission. Debian (secure_permissions, "Allow harmless group-writability"): group write is allowed when
     * the file's group exists and its only member is the user: every passwd entry with it as primary group is the
     * user's, its member list is empty or just the owner's name, and there is at least one member of either kind.
     */
    static boolean securePermissions(Environment env, Dialect dialect, Environment.FileFacts facts) {
        if (facts.uid() != 0 && facts.uid() != env.uid()) {
            return false;
        }
        if ((facts.mode() & 002) != 0) {
            return false;
        }
        if ((facts.mode() & 020) == 0) {
            return true;
        }
        if (!dialect.debian || facts.gid() < 0) {
            return false;
        }
        Optional<Environment.GroupFacts> group = env.group(facts.gid());
        if (group.isEmpty()) {
            return false;
        }
        int members = 0;
        for (long uid : group.get().primaryUids()) {
            members++;
            if (uid != env.uid()) {
                return false;
            }
        }
        Optional<String> owner = env.userNameOf(facts.uid());
        if (owner.isEmpty()) {
            return false;
        }
        java.util.List<String> listed = group.get().members();
        if (!listed.isEmpty()) {
            members++;
            if (!listed.get(0).equals(owner.get()) || listed.size() > 1) {
                return false;
            }
        }
        return members > 0;
    }
}
