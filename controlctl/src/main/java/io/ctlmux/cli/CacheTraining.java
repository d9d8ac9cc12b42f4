package io.ctlmux.cli;

import io.ctlmux.mux.codec.MuxCodec;
import io.ctlmux.mux.codec.MuxHello;
import io.ctlmux.mux.codec.MuxReply;
import io.ctlmux.mux.codec.MuxRequest;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's training driver for the start-up cache (AppCDS / AOT): runs each {@code ;;}-separated ctlmux
 * command in this one JVM, so that one archive covers them all. Placeholders: {@code @CONF@} a config of 500 hosts
 * (so training also exercises the parser and evaluator loops), {@code @MASTER@} the socket of a throwaway in-process
 * mux master that answers the hello and ALIVE_CHECK with the real codec, {@code @MASTERDIR@} its private directory
 * (which also holds {@code all.conf}, a few hosts whose sockets would be there). Everything is made in a private
 * temporary directory and removed at the end. Nothing touches the network, the user's files or any real master.
 */
public final class CacheTraining implements Closeable {
    /** Separates the commands on the command line. */
    public static final String SEPARATOR = ";;";

    private Path dir;
    private ServerSocketChannel server;
    private Thread master;

    public static void main(String[] args) throws IOException {
        try (CacheTraining t = new CacheTraining()) {
            t.run(split(args), System.out);
        }
        System.exit(0);
    }

    /** The commands of a {@code ;;}-separated argument list. */
    static List<List<String>> split(String[] args) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String a : args) {
            if (a.equals(SEPARATOR)) {
                if (!current.isEmpty()) {
                    commands.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(a);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }

    /** Runs every command through {@link Main#run}; returns their exit statuses, and logs each on {@code log}. */
    List<Integer> run(List<List<String>> commands, PrintStream log) throws IOException {
        List<Integer> codes = new ArrayList<>();
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>();
            for (String a : command) {
                args.add(substitute(a));
            }
            int rc;
            try {
                rc = Main.run(args.toArray(new String[0]));
            } catch (RuntimeException | Error e) {
                log.println("training: " + args + " failed: " + e);
                codes.add(-1);
                continue;
            }
            log.println("training: " + args + " -> " + rc);
            codes.add(rc);
        }
        return codes;
    }

    private String substitute(String arg) throws IOException {
        if (!arg.contains("@")) {
            return arg;
        }
        String s = arg;
        if (s.contains("@CONF@")) {
            s = s.replace("@CONF@", directory().resolve("train.conf").toString());
        }
        if (s.contains("@MASTER@") || s.contains("@MASTERDIR@")) {
            Path socket = master();
            s = s.replace("@MASTERDIR@", socket.getParent().toString()).replace("@MASTER@", socket.toString());
        }
        return s;
    }

    private Path directory() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("ctlmux-train",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(dir.resolve("train.conf"), trainingConfig(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** 500 host blocks with the usual keywords, then the ControlMaster settings every host shares. */
    static String trainingConfig() {
        StringBuilder sb = new StringBuilder(100_000);
        for (int i = 0; i < 500; i++) {
            String n = String.format("%05d", i);
            sb.append("Host dev-").append(n).append(" dev-").append(n).append(".example\n")
                    .append("    HostName 10.").append(i / 250).append('.').append(i % 250).append('.')
                    .append(i % 200 + 1).append('\n')
                    .append("    User u").append(i).append('\n')
                    .append("    Port ").append(2200 + i).append('\n')
                    .append("    IdentityFile ~/.ssh/id_").append(i).append('\n')
                    .append("    LocalForward ").append(8000 + i).append(" localhost:").append(9000 + i).append("\n\n");
        }
        return sb.append("Host *\n    ControlMaster auto\n    ControlPath ~/.ssh/cm-%C\n    ControlPersist 10m\n")
                .toString();
    }

    /** Starts the throwaway master on first use; returns its socket path. */
    private Path master() throws IOException {
        Path socket = directory().resolve("m");
        if (server != null) {
            return socket;
        }
        Files.writeString(dir.resolve("all.conf"), "Host a1 a2 a3 a4 a5 a6\n    HostName 127.0.0.1\n"
                + "Host *\n    ControlPath " + dir + "/%n\n", StandardCharsets.UTF_8);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        master = new Thread(this::serve, "training-master");
        master.setDaemon(true);
        master.start();
        return socket;
    }

    /** Each client: the master's hello, the client's hello, then ALIVE_CHECK answered with this pid, others refused. */
    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel c = server.accept()) {
                write(c, MuxCodec.frame(new MuxHello(MuxHello.VERSION, List.of())));
                MuxCodec.decodeRequest(readFrame(c));   // the client's hello
                while (true) {
                    MuxRequest r = MuxCodec.decodeRequest(readFrame(c));
                    if (r instanceof MuxRequest.AliveCheck a) {
                        int pid = (int) ProcessHandle.current().pid();
                        write(c, MuxCodec.frame(new MuxReply.Alive(a.requestId(), pid)));
                    } else if (r instanceof io.ctlmux.mux.codec.Correlated k) {
                        write(c, MuxCodec.frame(new MuxReply.Failure(k.requestId(), "training master")));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the client closed (the usual end of a connection), or the server was closed
            }
        }
    }

    private static void write(SocketChannel c, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    private static byte[] readFrame(SocketChannel c) throws IOException {
        ByteBuffer length = fill(c, ByteBuffer.allocate(4));
        return fill(c, ByteBuffer.allocate(MuxCodec.checkFrameLength(length.getInt(0)))).array();
    }

    private static ByteBuffer fill(SocketChannel c, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (c.read(b) < 0) {
                throw new IOException("closed");
            }
        }
        return b;
    }

    /** The private directory, or null before the first placeholder (for tests). */
    Path directoryForTests() {
        return dir;
    }

    /** Stops the master and removes the directory and what it holds. */
    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
