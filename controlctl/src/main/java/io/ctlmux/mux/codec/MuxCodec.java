package io.ctlmux.mux.codec;

import io.ctlmux.config.text.ByteText;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Encodes and decodes one mux frame body ({@code uint32 type} and its fields). Pure: no I/O. Both directions are
 * here so a test master uses the same code as the client. Unknown trailing bytes after the fixed fields are ignored.
 * The protocol's strings are bytes (commands, environment, paths, a master's messages): they are byte strings here,
 * one char per byte ({@link ByteText}), so that any byte sequence, valid UTF-8 or not, round-trips.
 */
public final class MuxCodec {
    /** The largest frame body a master accepts (CHANNEL_MUX_MAX_PACKET). */
    public static final int MAX_FRAME = 256 * 1024;

    private MuxCodec() {
    }

    /**
     * Checks a frame length header before anything is allocated for the body.
     *
     * @param rawLength the uint32 from the wire, as a Java int
     * @return the length, between 4 and {@link #MAX_FRAME}
     */
    public static int checkFrameLength(int rawLength) throws MuxProtocolException {
        long len = Integer.toUnsignedLong(rawLength);
        if (len > MAX_FRAME) {
            throw new MuxProtocolException("frame length " + len + " exceeds the limit of " + MAX_FRAME + " bytes");
        }
        if (len < 4) {
            throw new MuxProtocolException("frame length " + len + " is too short to hold a message type");
        }
        return (int) len;
    }

    /** The frame for a message: length header followed by the body. */
    public static byte[] frame(MuxMessage message) {
        byte[] body = encode(message);
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    /** The body of a message (type code and fields, no length header). */
    public static byte[] encode(MuxMessage message) {
        Out o = new Out();
        o.u32(message.code());
        if (message instanceof MuxHello m) {
            o.u32(m.version());
            for (MuxHello.Extension e : m.extensions()) {
                o.string(e.name()).string(e.value());
            }
        } else if (message instanceof MuxUnknown m) {
            if (MuxType.fromCode(m.code()).isPresent()) {
                throw new IllegalArgumentException("type " + MuxType.hex(m.code()) + " has a typed record; use it");
            }
            o.bytes(m.body());
        } else if (message instanceof MuxRequest r) {
            encodeRequest(o, r);
        } else {
            encodeReply(o, (MuxReply) message);
        }
        byte[] body = o.toByteArray();
        if (body.length > MAX_FRAME) {
            throw new IllegalArgumentException("message of " + body.length + " bytes exceeds the frame limit");
        }
        return body;
    }

    private static void encodeRequest(Out o, MuxRequest r) {
        if (r instanceof MuxRequest.NewSession m) {
            o.u32(m.requestId()).string("").bool(m.wantTty()).bool(m.wantX11()).bool(m.wantAgent())
                    .bool(m.subsystem()).u32(m.escapeChar()).string(m.term()).string(m.command());
            for (String e : m.env()) {
                o.string(e);
            }
        } else if (r instanceof MuxRequest.AliveCheck m) {
            o.u32(m.requestId());
        } else if (r instanceof MuxRequest.Terminate m) {
            o.u32(m.requestId());
        } else if (r instanceof MuxRequest.OpenForward m) {
            o.u32(m.requestId()).forward(m.forward());
        } else if (r instanceof MuxRequest.CloseForward m) {
            o.u32(m.requestId()).forward(m.forward());
        } else if (r instanceof MuxRequest.NewStdioForward m) {
            o.u32(m.requestId()).string("").string(m.connectHost()).u32(m.connectPort());
        } else if (r instanceof MuxRequest.StopListening m) {
            o.u32(m.requestId());
        } else if (r instanceof MuxRequest.Proxy m) {
            o.u32(m.requestId());
        } else if (r instanceof MuxRequest.ExtInfo m) {
            o.u32(m.requestId()).string(m.name());
        } else {
            throw new IllegalArgumentException("no encoding for " + r);
        }
    }

    private static void encodeReply(Out o, MuxReply r) {
        if (r instanceof MuxReply.Ok m) {
            o.u32(m.requestId());
        } else if (r instanceof MuxReply.PermissionDenied m) {
            o.u32(m.requestId()).string(m.reason());
        } else if (r instanceof MuxReply.Failure m) {
            o.u32(m.requestId()).string(m.reason());
        } else if (r instanceof MuxReply.ExitMessage m) {
            o.u32(m.sessionId()).u32(m.exitValue());
        } else if (r instanceof MuxReply.Alive m) {
            o.u32(m.requestId()).u32(m.pid());
        } else if (r instanceof MuxReply.SessionOpened m) {
            o.u32(m.requestId()).u32(m.sessionId());
        } else if (r instanceof MuxReply.RemotePort m) {
            o.u32(m.requestId()).u32(m.port());
        } else if (r instanceof MuxReply.TtyAllocFail m) {
            o.u32(m.sessionId());
        } else if (r instanceof MuxReply.Proxy m) {
            o.u32(m.requestId());
        } else if (r instanceof MuxReply.ExtInfo m) {
            o.u32(m.requestId()).u32(m.status()).string(m.text());
        } else {
            throw new IllegalArgumentException("no encoding for " + r);
        }
    }

    /** Decodes a body sent by a master. Request types and unknown codes come back as {@link MuxUnknown}. */
    public static MuxReply decodeReply(byte[] body) throws MuxProtocolException {
        In in = new In(body);
        int code = in.u32("type");
        Optional<MuxType> type = MuxType.fromCode(code);
        if (type.isEmpty()) {
            return new MuxUnknown(code, in.rest());
        }
        switch (type.get()) {
            case HELLO:
                return hello(in);
            case S_OK:
                return new MuxReply.Ok(in.u32("request id"));
            case S_PERMISSION_DENIED:
                return new MuxReply.PermissionDenied(in.u32("request id"), in.string("reason"));
            case S_FAILURE:
                return new MuxReply.Failure(in.u32("request id"), in.string("reason"));
            case S_EXIT_MESSAGE:
                return new MuxReply.ExitMessage(in.u32("session id"), in.u32("exit value"));
            case S_ALIVE:
                return new MuxReply.Alive(in.u32("request id"), in.u32("pid"));
            case S_SESSION_OPENED:
                return new MuxReply.SessionOpened(in.u32("request id"), in.u32("session id"));
            case S_REMOTE_PORT:
                return new MuxReply.RemotePort(in.u32("request id"), in.u32("port"));
            case S_TTY_ALLOC_FAIL:
                return new MuxReply.TtyAllocFail(in.u32("session id"));
            case S_PROXY:
                return new MuxReply.Proxy(in.u32("request id"));
            case S_EXT_INFO:
                return new MuxReply.ExtInfo(in.u32("request id"), in.u32("status"), in.string("text"));
            default:
                return new MuxUnknown(code, in.rest());
        }
    }

    /** Decodes a body sent by a client. Reply types and unknown codes come back as {@link MuxUnknown}. */
    public static MuxRequest decodeRequest(byte[] body) throws MuxProtocolException {
        In in = new In(body);
        int code = in.u32("type");
        Optional<MuxType> type = MuxType.fromCode(code);
        if (type.isEmpty()) {
            return new MuxUnknown(code, in.rest());
        }
        switch (type.get()) {
            case HELLO:
                return hello(in);
            case C_NEW_SESSION: {
                int rid = in.u32("request id");
                in.string("reserved");
                boolean tty = in.bool("want_tty");
                boolean x11 = in.bool("want_x11");
                boolean agent = in.bool("want_agent");
                boolean subsystem = in.bool("subsystem");
                int escape = in.u32("escape_char");
                String term = in.string("term");
                String command = in.string("command");
                List<String> env = new ArrayList<>();
                while (in.remaining() > 0) {
                    env.add(in.string("env"));
                }
                return new MuxRequest.NewSession(rid, tty, x11, agent, subsystem, escape, term, command, env);
            }
            case C_ALIVE_CHECK:
                return new MuxRequest.AliveCheck(in.u32("request id"));
            case C_TERMINATE:
                return new MuxRequest.Terminate(in.u32("request id"));
            case C_OPEN_FWD: {
                int rid = in.u32("request id");
                return new MuxRequest.OpenForward(rid, in.forward());
            }
            case C_CLOSE_FWD: {
                int rid = in.u32("request id");
                return new MuxRequest.CloseForward(rid, in.forward());
            }
            case C_NEW_STDIO_FWD: {
                int rid = in.u32("request id");
                in.string("reserved");
                String host = in.string("connect host");
                int port = in.port("connect port");
                return new MuxRequest.NewStdioForward(rid, host, port);
            }
            case C_STOP_LISTENING:
                return new MuxRequest.StopListening(in.u32("request id"));
            case C_PROXY:
                return new MuxRequest.Proxy(in.u32("request id"));
            case C_EXT_INFO: {
                int rid = in.u32("request id");
                return new MuxRequest.ExtInfo(rid, in.string("name"));
            }
            default:
                return new MuxUnknown(code, in.rest());
        }
    }

    private static MuxHello hello(In in) throws MuxProtocolException {
        int version = in.u32("version");
        List<MuxHello.Extension> ext = new ArrayList<>();
        while (in.remaining() > 0) {
            String name = in.string("extension name");
            ext.add(new MuxHello.Extension(name, in.string("extension value")));
        }
        return new MuxHello(version, ext);
    }

    /** Reads fields of one body; every length is checked against what is left before anything is allocated. */
    private static final class In {
        private final ByteBuffer buf;

        In(byte[] body) {
            this.buf = ByteBuffer.wrap(body);
        }

        int remaining() {
            return buf.remaining();
        }

        int u32(String field) throws MuxProtocolException {
            if (buf.remaining() < 4) {
                throw new MuxProtocolException("truncated message: " + field + " needs 4 bytes, "
                        + buf.remaining() + " left");
            }
            return buf.getInt();
        }

        boolean bool(String field) throws MuxProtocolException {
            return u32(field) != 0;
        }

        String string(String field) throws MuxProtocolException {
            long len = Integer.toUnsignedLong(u32(field + " length"));
            if (len > buf.remaining()) {
                throw new MuxProtocolException("truncated message: " + field + " length " + len + " exceeds the "
                        + buf.remaining() + " bytes left");
            }
            String s = ByteText.of(buf.array(), buf.arrayOffset() + buf.position(), (int) len);
            buf.position(buf.position() + (int) len);
            return s;
        }

        int port(String field) throws MuxProtocolException {
            int p = u32(field);
            if (!Forward.validPort(p)) {
                throw new MuxProtocolException("malformed " + field + " " + Integer.toUnsignedString(p));
            }
            return p;
        }

        Forward forward() throws MuxProtocolException {
            int t = u32("forwarding type");
            ForwardType type = ForwardType.fromCode(t).orElseThrow(() -> new MuxProtocolException(
                    "invalid forwarding type " + Integer.toUnsignedString(t) + " (expected 1, 2 or 3)"));
            String lhost = string("listen host");
            int lport = port("listen port");
            String chost = string("connect host");
            int cport = port("connect port");
            return new Forward(type, lhost, lport, chost, cport);
        }

        byte[] rest() {
            byte[] b = new byte[buf.remaining()];
            buf.get(b);
            return b;
        }
    }

    private static final class Out {
        private final ByteArrayOutputStream bo = new ByteArrayOutputStream(64);

        Out u32(int v) {
            bo.write(v >>> 24);
            bo.write(v >>> 16);
            bo.write(v >>> 8);
            bo.write(v);
            return this;
        }

        Out bool(boolean b) {
            return u32(b ? 1 : 0);
        }

        Out string(String s) {
            byte[] b = ByteText.bytes(s);
            u32(b.length);
            bo.writeBytes(b);
            return this;
        }

        Out bytes(byte[] b) {
            bo.writeBytes(b);
            return this;
        }

        Out forward(Forward f) {
            return u32(f.type().code()).string(f.listenHost()).u32(f.listenPort()).string(f.connectHost())
                    .u32(f.connectPort());
        }

        byte[] toByteArray() {
            return bo.toByteArray();
        }
    }
}
