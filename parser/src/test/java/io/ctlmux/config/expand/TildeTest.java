package io.ctlmux.config.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TildeTest {
    private static final HomeDirectories HOMES = new HomeDirectories() {
        private final Map<String, String> homes = Map.of("root", "/root", "bob", "/home/bob/", "nohome", "",
                "%u", "/weird");

        @Override
        public String currentUserHome() {
            return "/home/me";
        }

        @Override
        public Optional<String> homeOf(String user) {
            return Optional.ofNullable(homes.get(user));
        }
    };

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            '~'              | '/home/me/'
            '~/'             | '/home/me/'
            '~//'            | '/home/me/'
            '~/x'            | '/home/me/x'
            '~//x/y'         | '/home/me/x/y'
            '~root'          | '/root/'
            '~root/'         | '/root/'
            '~root//.ssh'    | '/root/.ssh'
            '~bob/x'         | '/home/bob/x'
            '~nohome/x'      | '/x'
            '~%u/x'          | '/weird/x'
            '/abs/~/x'       | '/abs/~/x'
            'rel'            | 'rel'
            ''               | ''
            ' ~'             | ' ~'
            """)
    void expands(String in, String out) throws ExpansionException {
        assertEquals(out, Tilde.expand(in, HOMES));
    }

    @Test
    void unknownUser() {
        ExpansionException e = assertThrows(ExpansionException.class, () -> Tilde.expand("~nosuchuser/x", HOMES));
        assertEquals(ExpansionException.Kind.UNKNOWN_USER, e.kind());
        assertEquals(List.of("tilde_expand: No such user nosuchuser"), e.lines());
    }

    @Test
    void pathMax() throws ExpansionException {
        String fits = "~/" + "a".repeat(Tilde.PATH_MAX - 1 - "/home/me/".length());
        assertEquals(Tilde.PATH_MAX - 1, Tilde.expand(fits, HOMES).length());
        ExpansionException e = assertThrows(ExpansionException.class, () -> Tilde.expand(fits + "a", HOMES));
        assertEquals(List.of("tilde_expand: Path too long"), e.lines());
    }
}
