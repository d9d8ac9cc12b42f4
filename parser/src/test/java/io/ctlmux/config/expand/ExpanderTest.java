package io.ctlmux.config.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpanderTest {
    private static final Map<String, String> ENV = Map.of("FOO", "bar", "BAR", "baz", "PCT", "%h${FOO}~");

    // regress/unittests/misc/test_expand.c, dollar_expand
    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            '${FOO}'            | 'bar'
            ' ${FOO}'           | ' bar'
            '${FOO} '           | 'bar '
            ' ${FOO} '          | ' bar '
            '${FOO}${BAR}'      | 'barbaz'
            ' ${FOO} ${BAR}'    | ' bar baz'
            '${FOO}${BAR} '     | 'barbaz '
            ' ${FOO} ${BAR} '   | ' bar baz '
            '$'                 | '$'
            ' $'                | ' $'
            '$ '                | '$ '
            '$FOO'              | '$FOO'
            '%h${FOO}'          | '%hbar'
            '$${FOO}'           | '$bar'
            """)
    void dollar(String in, String out) throws ExpansionException {
        assertEquals(out, Expander.dollar(in, ENV));
    }

    @Test
    void dollarUnsetIsNotASyntaxError() {
        for (String s : List.of("a${BAZ}", "${BAZ}b", "a${BAZ}b")) {
            ExpansionException e = assertThrows(ExpansionException.class, () -> Expander.dollar(s, ENV));
            assertEquals(ExpansionException.Kind.UNSET_VARIABLE, e.kind());
            assertEquals(List.of("vdollar_percent_expand: env var ${BAZ} has no value"), e.lines());
        }
    }

    @Test
    void dollarSyntaxErrorsHaveNoWrapperLine() {
        assertSyntax(() -> Expander.dollar("${", ENV),
                "vdollar_percent_expand: environment variable '' missing closing '}'");
        assertSyntax(() -> Expander.dollar("${F", ENV),
                "vdollar_percent_expand: environment variable 'F' missing closing '}'");
        assertSyntax(() -> Expander.dollar("${FO", ENV),
                "vdollar_percent_expand: environment variable 'FO' missing closing '}'");
        assertSyntax(() -> Expander.dollar("${}", ENV), "vdollar_percent_expand: zero-length environment variable");
    }

    // test_expand.c, percent_expand and percent_dollar_expand
    @Test
    void percent() throws ExpansionException {
        Map<Character, String> h = Map.of('h', "foo");
        assertEquals("%", Expander.percent("%%", h));
        assertEquals("foo", Expander.percent("%h", h));
        assertEquals("foo ", Expander.percent("%h ", h));
        assertEquals(" foo", Expander.percent(" %h", h));
        assertEquals(" foo ", Expander.percent(" %h ", h));
        assertEquals(" foobar ", Expander.percent(" %a%b ", Map.of('a', "foo", 'b', "bar")));
        assertEquals("foobar", Expander.percentDollar("%h${FOO}", h, ENV));
        assertEquals("${FOO}foo", Expander.percent("${FOO}%h", h));
    }

    @Test
    void replacementTextIsNeverRescanned() throws ExpansionException {
        Map<Character, String> t = Map.of('h', "%h${FOO}", 'd', "/home/x%");
        assertEquals("%h${FOO}|%h${FOO}~|/home/x%%", Expander.percentDollar("%h|${PCT}|%d%%", t, ENV));
    }

    @Test
    void percentSyntaxErrorsNameTheWrapper() {
        Map<Character, String> h = Map.of('h', "foo");
        assertSyntax(() -> Expander.percent("/tmp/%Q", h),
                "vdollar_percent_expand: unknown key %Q", "percent_expand: failed");
        assertSyntax(() -> Expander.percent("x%", h), "vdollar_percent_expand: invalid format", "percent_expand: failed");
        assertSyntax(() -> Expander.percentDollar("x%", h, ENV),
                "vdollar_percent_expand: invalid format", "percent_dollar_expand: failed");
        assertSyntax(() -> Expander.percentDollar("%${FOO}", h, ENV),
                "vdollar_percent_expand: unknown key %$", "percent_dollar_expand: failed");
    }

    @Test
    void unsetVariablesAreAllReportedAndALaterSyntaxErrorStillWins() {
        Map<Character, String> h = Map.of('h', "foo");
        ExpansionException e = assertThrows(ExpansionException.class,
                () -> Expander.percentDollar("/tmp/${A}${B}", h, ENV));
        assertEquals(ExpansionException.Kind.UNSET_VARIABLE, e.kind());
        assertEquals(List.of("vdollar_percent_expand: env var ${A} has no value",
                "vdollar_percent_expand: env var ${B} has no value"), e.lines());
        assertEquals("env var ${A} has no value", e.getMessage());

        assertSyntax(() -> Expander.percentDollar("/tmp/${A}%Q", h, ENV),
                "vdollar_percent_expand: env var ${A} has no value", "vdollar_percent_expand: unknown key %Q",
                "percent_dollar_expand: failed");
        // a syntax error before the unset variable stops the scan there
        assertSyntax(() -> Expander.percentDollar("/tmp/%Q${A}", h, ENV),
                "vdollar_percent_expand: unknown key %Q", "percent_dollar_expand: failed");
    }

    @Test
    void callerBugsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Expander.percent("%h", Map.of()));
    }

    private static void assertSyntax(org.junit.jupiter.api.function.Executable call, String... lines) {
        ExpansionException e = assertThrows(ExpansionException.class, call);
        assertEquals(ExpansionException.Kind.SYNTAX, e.kind());
        assertEquals(List.of(lines), e.lines());
    }
}
