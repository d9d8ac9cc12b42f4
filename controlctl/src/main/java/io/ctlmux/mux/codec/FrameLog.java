package io.ctlmux.mux.codec;

import java.util.HexFormat;
import java.util.stream.Collectors;

/** One-line descriptions of mux messages for {@code --trace} output: {@code > ALIVE_CHECK rid=0}. */
public final class FrameLog {
    private FrameLog() {
    }

    /** Formats a message sent ({@code outbound}) or received. */
    public static String format(boolean outbound, MuxMessage m) {
        return (outbound ? "> " : "< ") + describe(m);
    }

    /** The message name and its fields, without direction. */
    public static String describe(MuxMessage m) {
        if (m instanceof MuxHello h) {
            String ext = h.extensions().stream().map(e -> " " + quote(e.name()) + "=" + quote(e.value()))
                    .collect(Collectors.joining());
            return "HELLO version=" + u(h.version()) + ext;
        }
        if (m instanceof MuxUnknown x) {
            return "UNKNOWN type=" + MuxType.hex(x.code()) + " body=" + HexFormat.of().formatHex(x.body());
        }
        if (m instanceof MuxRequest.NewSession r) {
            return "NEW_SESSION rid=" + u(r.requestId()) + " tty=" + r.wantTty() + " x11=" + r.wantX11()
                    + " agent=" + r.wantAgent() + " subsystem=" + r.subsystem() + " escape="
                    + (r.escapeChar() == MuxRequest.ESCAPE_NONE ? "none" : u(r.escapeChar()))
                    + " term=" + quote(r.term()) + " command=" + quote(r.command()) + " env=" + r.env().size();
        }
        if (m instanceof MuxRequest.AliveCheck r) {
            return "ALIVE_CHECK rid=" + u(r.requestId());
        }
        if (m instanceof MuxRequest.Terminate r) {
            return "TERMINATE rid=" + u(r.requestId());
        }
        if (m instanceof MuxRequest.OpenForward r) {
            return "OPEN_FWD rid=" + u(r.requestId()) + " " + r.forward().describe();
        }
        if (m instanceof MuxRequest.CloseForward r) {
            return "CLOSE_FWD rid=" + u(r.requestId()) + " " + r.forward().describe();
        }
        if (m instanceof MuxRequest.NewStdioForward r) {
            return "NEW_STDIO_FWD rid=" + u(r.requestId()) + " host=" + quote(r.connectHost()) + " port="
                    + r.connectPort();
        }
        if (m instanceof MuxRequest.StopListening r) {
            return "STOP_LISTENING rid=" + u(r.requestId());
        }
        if (m instanceof MuxRequest.Proxy r) {
            return "PROXY rid=" + u(r.requestId());
        }
        if (m instanceof MuxRequest.ExtInfo r) {
            return "EXT_INFO rid=" + u(r.requestId()) + " name=" + quote(r.name());
        }
        if (m instanceof MuxReply.Ok r) {
            return "OK rid=" + u(r.requestId());
        }
        if (m instanceof MuxReply.PermissionDenied r) {
            return "PERMISSION_DENIED rid=" + u(r.requestId()) + " reason=" + quote(r.reason());
        }
        if (m instanceof MuxReply.Failure r) {
            return "FAILURE rid=" + u(r.requestId()) + " reason=" + quote(r.reason());
        }
        if (m instanceof MuxReply.ExitMessage r) {
            return "EXIT_MESSAGE sid=" + u(r.sessionId()) + " exit=" + u(r.exitValue());
        }
        if (m instanceof MuxReply.Alive r) {
            return "ALIVE rid=" + u(r.requestId()) + " pid=" + u(r.pid());
        }
        if (m instanceof MuxReply.SessionOpened r) {
            return "SESSION_OPENED rid=" + u(r.requestId()) + " sid=" + u(r.sessionId());
        }
        if (m instanceof MuxReply.RemotePort r) {
            return "REMOTE_PORT rid=" + u(r.requestId()) + " port=" + u(r.port());
        }
        if (m instanceof MuxReply.TtyAllocFail r) {
            return "TTY_ALLOC_FAIL sid=" + u(r.sessionId());
        }
        if (m instanceof MuxReply.Proxy r) {
            return "PROXY rid=" + u(r.requestId());
        }
        MuxReply.ExtInfo r = (MuxReply.ExtInfo) m;
        return "EXT_INFO rid=" + u(r.requestId()) + " status=" + u(r.status()) + " text=" + quote(r.text());
    }

    private static String u(int v) {
        return Integer.toUnsignedString(v);
    }

    /** Double-quoted, with control characters, quotes and backslashes escaped, so the result stays on one line. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
