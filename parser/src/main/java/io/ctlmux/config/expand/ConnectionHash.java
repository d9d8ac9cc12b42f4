package io.ctlmux.config.expand;

import java.nio.charset.StandardCharsets;

/** The {@code %C} token ({@code readconf.c:ssh_connection_hash}). */
public final class ConnectionHash {
    private ConnectionHash() {}

    /**
     * Lower-case hex SHA-1 of {@code localHostFull ‖ host ‖ port ‖ user ‖ jumpHost}, no separators. 9.2 hashes no
     * jump host; passing {@code ""} (no ProxyJump, or {@code none}) gives the same value as 9.2.
     *
     * @param localHostFull full {@code gethostname()} ({@code %l})
     * @param host final remote host name ({@code %h})
     * @param port decimal port ({@code %p})
     * @param user remote user ({@code %r})
     * @param jumpHost host part of the last ProxyJump hop ({@code %j}, 9.6+), or {@code ""}
     */
    public static String percentC(String localHostFull, String host, String port, String user, String jumpHost) {
        Sha1 md = new Sha1();
        for (String part : new String[] {localHostFull, host, port, user, jumpHost}) {
            md.update(bytes(part));
        }
        byte[] d = md.digest();
        char[] hex = new char[d.length * 2];
        for (int i = 0; i < d.length; i++) {
            hex[2 * i] = Character.forDigit((d[i] >> 4) & 0xf, 16);
            hex[2 * i + 1] = Character.forDigit(d[i] & 0xf, 16);
        }
        return new String(hex);
    }

    /** One byte per char when all chars are below 256 (the SourceText convention), else UTF-8. */
    private static byte[] bytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xff) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
