package io.ctlmux.config.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswdHomeDirectoriesTest {
    private static final String PASSWD = String.join("\n",
            "root:x:0:0:root:/root:/bin/bash",
            "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
            "+nis::::::",
            "broken:x:2",
            "bob:x:1000:1000:Bob,,,:/home/bob:/bin/bash",
            "bob:x:1001:1001::/elsewhere:/bin/sh",
            "twin:x:1000:1000::/home/twin:/bin/sh",
            "");

    @Test
    void firstEntryWinsForNameAndUid() {
        PasswdHomeDirectories h = new PasswdHomeDirectories(PASSWD, 1000);
        assertEquals("/home/bob", h.currentUserHome());
        assertEquals(Optional.of("/home/bob"), h.homeOf("bob"));
        assertEquals(Optional.of("/root"), h.homeOf("root"));
        assertEquals(Optional.of("/home/twin"), h.homeOf("twin"));
        assertEquals(Optional.empty(), h.homeOf("broken"));
        assertEquals(Optional.empty(), h.homeOf("+nis"));
        assertEquals(Optional.empty(), h.homeOf("nosuchuser"));
    }

    @Test
    void unknownUidUsesSshWording() {
        PasswdHomeDirectories h = new PasswdHomeDirectories(PASSWD, 4242);
        IllegalStateException e = assertThrows(IllegalStateException.class, h::currentUserHome);
        assertEquals("No user exists for uid 4242", e.getMessage());
    }
}
