package io.ctlmux.mux.transport;

import io.ctlmux.config.text.ByteText;
import io.ctlmux.mux.transport.ControlSocketException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Connects to a control socket after checking what sits at the path: it must be a socket, owned by the current user
 * or root (unless foreign sockets are allowed). Sessions need descriptor passing and get a junixsocket socket. Other
 * requests use junixsocket too when its native library is ready to load without extraction (the launcher passes
 * {@value #LIBRARY_OVERRIDE}): then it starts faster than the JDK's own channels, whose first use initialises the
 * security providers for a SecureRandom. Otherwise they use the JDK's channels and junixsocket is not loaded at all.
 */
public final class ControlSockets {
    /** sizeof(sun_path) on Linux. */
    public static final int MAX_PATH_BYTES = 108;

    static final String LIBRARY_OVERRIDE = "org.newsclub.net.unix.library.override";
    private static final boolean JUNIX_READY = System.getProperty(LIBRARY_OVERRIDE) != null;

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private ControlSockets() {
    }

    /**
     * Connects to the socket at {@code path}.
     *
     * @param allowForeign     connect even if another user owns the socket
     * @param passDescriptors  the caller will send descriptors (sessions, stdio forwarding)
     * @throws ControlSocketException if nothing usable is there; its message is what {@code ssh -O} prints
     */
    public static ControlSocket connect(Path path, Deadline deadline, boolean allowForeign, boolean passDescriptors)
            throws ControlSocketException {
        checkPath(path, allowForeign);
        try {
            return passDescriptors || JUNIX_READY ? JunixControlSocket.connect(path, deadline)
                    : JdkControlSocket.connect(path, deadline);
        } catch (SocketTimeoutException e) {
            throw new ControlSocketException(Kind.TIMEOUT, path, connectMessage(path,
                    "no connection within " + deadline.total().toMillis() + " ms"));
        } catch (IOException e) {
            throw classify(path, e);
        }
    }

    /**
     * Loads and initialises, on a daemon thread, the transport that {@link #connect} will use for requests without
     * descriptors (junixsocket's native library and classes, or the JDK's channels and their SecureRandom), so that
     * a caller can overlap that with other start-up work such as resolving the config. Harmless if never used.
     */
    public static void prepareInBackground() {
        Thread t = new Thread(ControlSockets::prepare, "ctlmux-transport-init");
        t.setDaemon(true);
        t.start();
    }

    private static void prepare() {
        try {
            if (JUNIX_READY) {
                JunixControlSocket.prepare();
            } else {
                JdkControlSocket.prepare();
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // connect() will meet the same problem and report it
        }
    }

    /** Checks type and owner of what is at {@code path}, without connecting. */
    public static void checkPath(Path path, boolean allowForeign) throws ControlSocketException {
        String bytes = ByteText.ofPath(path);
        if (bytes.length() >= MAX_PATH_BYTES) {
            throw new ControlSocketException(Kind.OTHER, path,
                    "ControlPath too long ('" + bytes + "' >= " + MAX_PATH_BYTES + " bytes)");
        }
        Map<String, Object> attrs;
        try {
            attrs = Files.readAttributes(path, "unix:mode,uid");
        } catch (NoSuchFileException e) {
            throw new ControlSocketException(Kind.MISSING, path, connectMessage(path, "No such file or directory"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new ControlSocketException(Kind.OTHER, path, connectMessage(path, reason(e)));
        }
        int mode = (Integer) attrs.get("mode");
        int owner = (Integer) attrs.get("uid");
        if ((mode & S_IFMT) != S_IFSOCK) {
            throw new ControlSocketException(Kind.NOT_A_SOCKET, path,
                    "Control socket " + clip(path) + " is not a socket; refusing to use it");
        }
        if (!allowForeign) {
            int me = currentUid();
            if (owner != me && owner != 0) {
                throw new ControlSocketException(Kind.FOREIGN, path, "Control socket " + clip(path)
                        + " is owned by uid " + owner + ", not by uid " + me
                        + " or root; refusing to use it (--allow-foreign overrides)");
            }
        }
    }

    /** The effective uid of this process (the owner of /proc/self). */
    public static int currentUid() throws ControlSocketException {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new ControlSocketException(Kind.OTHER, null, "cannot determine the current uid: " + reason(e));
        }
    }

    private static ControlSocketException classify(Path path, IOException e) {
        String r = reason(e);
        if (e instanceof ConnectException || r.contains("Connection refused")) {
            return new ControlSocketException(Kind.REFUSED, path, connectMessage(path, "Connection refused"));
        }
        if (r.contains("No such file or directory")) {
            return new ControlSocketException(Kind.MISSING, path, connectMessage(path, "No such file or directory"));
        }
        return new ControlSocketException(Kind.OTHER, path, connectMessage(path, r));
    }

    /**
     * {@code Control socket connect(PATH): REASON}, with the path's bytes clipped to 100 as OpenSSH does (a byte
     * string, see {@link ByteText}).
     */
    public static String connectMessage(Path path, String reason) {
        return "Control socket connect(" + clip(path) + "): " + reason;
    }

    private static String clip(Path path) {
        String s = ByteText.ofPath(path);
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
    }
}
