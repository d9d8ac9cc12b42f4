package io.ctlmux.masters;

import io.ctlmux.mux.client.MuxClient;
import io.ctlmux.mux.client.MuxClientOptions;
import io.ctlmux.mux.codec.MuxProtocolException;
import io.ctlmux.mux.transport.ControlSocketException;
import io.ctlmux.mux.transport.PeerClosedException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Classifies what is at a control path: lstat first (never following links), then, for a socket of ours or root's,
 * a bounded connect, hello and ALIVE_CHECK. Foreign files are never connected to.
 *
 * @param path     the path probed
 * @param state    the verdict
 * @param pid      the master's pid when it answered, else null
 * @param stat     lstat of the path before connecting (null when missing)
 * @param detail   why, in words (e.g. "Connection refused", "symbolic link")
 * @param ownerName the owner's user name (null when missing)
 */
public record SocketProbe(Path path, MasterState state, Long pid, Posix.Stat stat, String detail, String ownerName) {

    /** Probes {@code path}; every step is bounded by {@code timeout}. */
    public static SocketProbe probe(Path path, Duration timeout) {
        Optional<Posix.Stat> st;
        try {
            st = Posix.lstat(path);
        } catch (IOException | RuntimeException e) {
            return new SocketProbe(path, MasterState.ERROR, null, null, "cannot stat: " + reason(e), null);
        }
        if (st.isEmpty()) {
            return new SocketProbe(path, MasterState.MISSING, null, null, "No such file or directory", null);
        }
        Posix.Stat s = st.get();
        String owner = Posix.userName(path, s.uid());
        if (!s.isSocket()) {
            return new SocketProbe(path, MasterState.NOT_A_SOCKET, null, s, s.typeName(), owner);
        }
        int me = Posix.uid();
        if (s.uid() != me && s.uid() != 0) {
            return new SocketProbe(path, MasterState.FOREIGN, null, s, "owned by " + owner + " (uid " + s.uid()
                    + ")", owner);
        }
        MuxClientOptions o = new MuxClientOptions(timeout, true, false, MuxClientOptions.NO_TRACE);
        try (MuxClient c = MuxClient.connect(path, o)) {
            long pid = c.check();
            return new SocketProbe(path, MasterState.ALIVE, pid, s, "master running (pid " + pid + ")", owner);
        } catch (ControlSocketException e) {
            MasterState state = switch (e.kind()) {
                case REFUSED -> MasterState.STALE;
                case TIMEOUT -> MasterState.UNRESPONSIVE;
                case MISSING -> MasterState.MISSING;
                case NOT_A_SOCKET -> MasterState.NOT_A_SOCKET;
                case FOREIGN -> MasterState.FOREIGN;
                case OTHER -> MasterState.ERROR;
            };
            String d = state == MasterState.STALE ? "Connection refused" : e.getMessage();
            return new SocketProbe(path, state, null, s, d, owner);
        } catch (SocketTimeoutException e) {
            return new SocketProbe(path, MasterState.UNRESPONSIVE, null, s, e.getMessage(), owner);
        } catch (PeerClosedException | MuxProtocolException e) {
            return new SocketProbe(path, MasterState.ERROR, null, s, e.getMessage(), owner);
        } catch (IOException | RuntimeException e) {
            return new SocketProbe(path, MasterState.ERROR, null, s, reason(e), owner);
        }
    }

    /** When the socket file was last changed (created, for a socket). */
    public Instant modified() {
        return stat == null ? null : stat.modified();
    }

    static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
    }
}
