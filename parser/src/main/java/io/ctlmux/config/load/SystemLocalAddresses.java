package io.ctlmux.config.load;

import io.ctlmux.config.match.LocalAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The real machine's up interface addresses ({@link NetworkInterface}). */
public final class SystemLocalAddresses implements LocalAddresses {
    private static final Path SYS_NET = Path.of("/sys/class/net");

    @Override
    public List<InetAddress> upInterfaceAddresses() throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (isUp(nif)) {
                out.addAll(Collections.list(nif.getInetAddresses()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * OpenSSH tests IFF_UP only. {@link NetworkInterface#isUp} also wants IFF_RUNNING (a carrier), so on Linux the
     * flags are read from sysfs; elsewhere {@code isUp} is the best available.
     */
    private static boolean isUp(NetworkInterface nif) throws IOException {
        Path flags = SYS_NET.resolve(nif.getName()).resolve("flags");
        if (!nif.getName().contains("/") && Files.isReadable(flags)) {
            String hex = new String(Files.readAllBytes(flags), StandardCharsets.US_ASCII).trim();
            try {
                return (Long.decode(hex) & 0x1) != 0;
            } catch (NumberFormatException e) {
                // fall through to the JDK's view
            }
        }
        return nif.isUp();
    }
}
