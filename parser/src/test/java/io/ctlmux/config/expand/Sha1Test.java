package io.ctlmux.config.expand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha1Test {
    /** Every length from 0 to 300 bytes (all padding cases: 55, 56, 63, 64 ...) in 1 to 3 updates, against the JDK. */
    @Test
    void agreesWithTheJdkOnEveryLengthAndSplit() throws Exception {
        Random rnd = new Random(42);
        for (int len = 0; len <= 300; len++) {
            byte[] data = new byte[len];
            rnd.nextBytes(data);
            for (int split = 0; split <= len; split += Math.max(1, len / 7)) {
                Sha1 ours = new Sha1();
                ours.update(java.util.Arrays.copyOfRange(data, 0, split));
                ours.update(java.util.Arrays.copyOfRange(data, split, len));
                byte[] expected = MessageDigest.getInstance("SHA-1").digest(data);
                assertArrayEquals(expected, ours.digest(), "length " + len + " split " + split);
            }
        }
    }

    @Test
    void knownAnswer() {
        Sha1 s = new Sha1();
        s.update("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(java.util.HexFormat.of().parseHex("a9993e364706816aba3e25717850c26c9cd0d89d"), s.digest());
    }
}
