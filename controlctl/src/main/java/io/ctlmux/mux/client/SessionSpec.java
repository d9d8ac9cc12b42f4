package io.ctlmux.mux.client;

import io.ctlmux.mux.codec.MuxRequest;
import java.util.List;
import java.util.Objects;

/**
 * What to run in a new session through the master.
 *
 * @param command    the remote command ("" for a login shell)
 * @param wantTty    request a pseudo-terminal
 * @param term       the TERM value sent with a tty request ("" if none)
 * @param env        {@code NAME=value} entries (the master forwards only names its own SendEnv allows)
 * @param subsystem  the command is a subsystem name
 * @param escapeChar the escape character, or {@link MuxRequest#ESCAPE_NONE}
 * @param wantX11    request X11 forwarding (honoured only if the master allows it)
 * @param wantAgent  request agent forwarding (honoured only if the master allows it)
 */
public record SessionSpec(String command, boolean wantTty, String term, List<String> env, boolean subsystem,
                          int escapeChar, boolean wantX11, boolean wantAgent) {
    public SessionSpec {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(term, "term");
        env = List.copyOf(env);
    }

    /** A plain command: no tty, no environment, no escape character. */
    public static SessionSpec command(String command) {
        return new SessionSpec(command, false, "", List.of(), false, MuxRequest.ESCAPE_NONE, false, false);
    }
}
