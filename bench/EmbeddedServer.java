// A throwaway Apache MINA SSHD server on 127.0.0.1 for benchmarks, run with the source launcher:
//   java -cp controlctl/target/ctlmux-all.jar bench/EmbeddedServer.java AUTHORIZED_KEYS PORT_FILE
// Writes its port to PORT_FILE and serves until the process is killed.
import io.ctlmux.testserver.EmbeddedSshServer;
import java.nio.file.Files;
import java.nio.file.Path;

public class EmbeddedServer {
    public static void main(String[] args) throws Exception {
        try (EmbeddedSshServer s = EmbeddedSshServer.start(Path.of(args[0]))) {
            Path tmp = Path.of(args[1] + ".tmp");
            Files.writeString(tmp, Integer.toString(s.port()));
            Files.move(tmp, Path.of(args[1]));
            Thread.currentThread().join();
        }
    }
}
