package io.ctlmux.config.expand;

/**
 * SHA-1 (FIPS 180-4) for {@code %C}. Computed here rather than through {@code java.security.MessageDigest}: the
 * first {@code MessageDigest.getInstance} of a process loads the security properties and providers, which costs
 * a start-up sensitive command such as {@code ctlmux check} more than everything else it resolves.
 */
final class Sha1 {
    private final int[] h = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    private final byte[] block = new byte[64];
    private final int[] w = new int[80];
    private int fill;
    private long length;

    void update(byte[] data) {
        for (byte b : data) {
            block[fill++] = b;
            if (fill == 64) {
                compress();
                fill = 0;
            }
        }
        length += data.length;
    }

    byte[] digest() {
        long bits = length * 8;
        block[fill++] = (byte) 0x80;
        if (fill > 56) {
            while (fill < 64) {
                block[fill++] = 0;
            }
            compress();
            fill = 0;
        }
        while (fill < 56) {
            block[fill++] = 0;
        }
        for (int i = 7; i >= 0; i--) {
            block[fill++] = (byte) (bits >>> (8 * i));
        }
        compress();
        byte[] out = new byte[20];
        for (int i = 0; i < 20; i++) {
            out[i] = (byte) (h[i / 4] >>> (24 - 8 * (i % 4)));
        }
        return out;
    }

    private void compress() {
        for (int t = 0; t < 16; t++) {
            w[t] = (block[4 * t] & 0xff) << 24 | (block[4 * t + 1] & 0xff) << 16
                    | (block[4 * t + 2] & 0xff) << 8 | (block[4 * t + 3] & 0xff);
        }
        for (int t = 16; t < 80; t++) {
            w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }
        int a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (int t = 0; t < 80; t++) {
            int f;
            int k;
            if (t < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            } else if (t < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (t < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            int tmp = Integer.rotateLeft(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = tmp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }
}
