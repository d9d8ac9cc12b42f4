package io.ctlmux.config.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ConnectionHashTest {
    @Test
    void referenceVectorFromDebian92() {
        // openssh-client.md §4.3 / §8 item 21: printed by ssh -G on host "vm"
        assertEquals("ebbde2e3ea38834f012040698afeb3aacf06a4c9",
                ConnectionHash.percentC("vm", "real.example.com", "2200", "bob", ""));
    }

    @Test
    void fieldsAreConcatenatedWithoutSeparators() {
        String a = ConnectionHash.percentC("vm", "h", "22", "root", "j2");
        assertEquals(a, ConnectionHash.percentC("vmh", "", "22r", "oot", "j2"));
        assertNotEquals(a, ConnectionHash.percentC("vm", "h", "22", "root", ""));
        assertEquals(40, a.length());
        assertEquals(a.toLowerCase(java.util.Locale.ROOT), a);
    }
}
