package io.ctlmux.config.expand;

import io.ctlmux.config.text.ByteText;

/** The {@code %C} token ({@code readconf.c:ssh_connection_hash}). */
public final class ConnectionHash {
    private ConnectionHash() {}

    /**
     * Lower-case hex SHA-1 of the bytes of {@code localHostFull ‖ host ‖ port ‖ user ‖ jumpHost}, no separators. 9.2 hashes no
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
            md.update(ByteText.bytes(part));
        }
        byte[] d = md.digest();
        char[] hex = new char[d.length * 2];
        for (int i = 0; i < d.length; i++) {
            hex[2 * i] = Character.forDigit((d[i] >> 4) & 0xf, 16);
            hex[2 * i + 1] = Character.forDigit(d[i] & 0xf, 16);
        }
        return new String(hex);
    }
}
