package io.ctlmux.masters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The few POSIX facts the lifecycle commands need, read without following symbolic links. */
public final class Posix {
    static final int S_IFMT = 0170000;
    static final int S_IFSOCK = 0140000;
    static final int S_IFLNK = 0120000;
    static final int S_IFREG = 0100000;
    static final int S_IFDIR = 0040000;

    private Posix() {
    }

    /** What {@code lstat} says about a path. */
    public record Stat(int mode, int uid, long dev, long ino, Instant modified) {
        int type() {
            return mode & S_IFMT;
        }

        boolean isSocket() {
            return type() == S_IFSOCK;
        }

        boolean isSymlink() {
            return type() == S_IFLNK;
        }

        boolean isDirectory() {
            return type() == S_IFDIR;
        }

        /** Same file: same device and inode. */
        boolean sameFile(Stat o) {
            return o != null && dev == o.dev && ino == o.ino;
        }

        String typeName() {
            return switch (type()) {
                case S_IFSOCK -> "socket";
                case S_IFLNK -> "symbolic link";
                case S_IFREG -> "regular file";
                case S_IFDIR -> "directory";
                case 0010000 -> "fifo";
                case 0020000 -> "character device";
                case 0060000 -> "block device";
                default -> "file of unknown type";
            };
        }
    }

    /** lstat(2); empty when nothing is there. */
    static Optional<Stat> lstat(Path p) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, "unix:mode,uid,dev,ino,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(new Stat((Integer) a.get("mode"), (Integer) a.get("uid"), (Long) a.get("dev"),
                (Long) a.get("ino"), ((FileTime) a.get("lastModifiedTime")).toInstant()));
    }

    /** stat(2) (follows links); empty when nothing is there. */
    static Optional<Stat> stat(Path p) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, "unix:mode,uid,dev,ino,lastModifiedTime");
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(new Stat((Integer) a.get("mode"), (Integer) a.get("uid"), (Long) a.get("dev"),
                (Long) a.get("ino"), ((FileTime) a.get("lastModifiedTime")).toInstant()));
    }

    private static volatile Integer uid;

    /** The effective uid of this process (the owner of /proc/self). */
    static int uid() {
        Integer u = uid;
        if (u == null) {
            try {
                u = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            } catch (IOException | UnsupportedOperationException e) {
                throw new IllegalStateException("cannot determine the current uid: " + e.getMessage(), e);
            }
            uid = u;
        }
        return u;
    }

    /** The user name of a uid, or the number when it has none. */
    static String userName(Path p, int uidOfP) {
        try {
            UserPrincipal o = Files.getOwner(p, LinkOption.NOFOLLOW_LINKS);
            return o.getName();
        } catch (IOException | UnsupportedOperationException e) {
            return Integer.toString(uidOfP);
        }
    }

    /** Whether a process exists and is not a zombie (a zombie has exited; only its parent has not reaped it). */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /** The owner uid of a process, or -1 when it is gone. */
    static int processUid(long pid) {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/" + pid), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    /** When a process started, if the system says. */
    static Optional<Instant> started(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant());
    }

    /** True on macOS and the BSDs, whose sun_path is 104 bytes instead of Linux's 108. */
    static boolean bsdSocketPaths() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return os.contains("mac") || os.contains("darwin") || os.contains("bsd");
    }

    /** The longest ControlPath a master can bind: sun_path minus NUL minus the 17-byte temporary suffix. */
    static int masterPathBudget() {
        return bsdSocketPaths() ? 86 : 90;
    }

    /** A resolved option value (a byte string) as a file-system path with those bytes. */
    static Path path(String bytes) {
        return io.ctlmux.config.text.ByteText.path(bytes);
    }

    /** The length in bytes of a path as the kernel sees it. */
    static int bytes(Path p) {
        return io.ctlmux.config.text.ByteText.ofPath(p).length();
    }

    /** A path for messages, listings and ssh's arguments: its bytes as a byte string (the inverse of {@link #path}). */
    static String text(Path p) {
        return p == null ? null : io.ctlmux.config.text.ByteText.ofPath(p);
    }
}
