package io.ctlmux.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Vectors from OpenSSH's regress/unittests/misc test_argv.c and test_strdelim.c (terminate_on_comment=1 only). */
class OpenSshLexingTest {

    static List<Arguments> argvVectors() {
        return List.of(
                Arguments.of("", List.of()),
                Arguments.of("    ", List.of()),
                Arguments.of("leamas", List.of("leamas")),
                Arguments.of("smiley leamas", List.of("smiley", "leamas")),
                Arguments.of("\"smiley\"", List.of("smiley")),
                Arguments.of("leamas \" smiley \"", List.of("leamas", " smiley ")),
                Arguments.of("\"smiley leamas\"", List.of("smiley leamas")),
                Arguments.of("smiley\" leamas\" liz", List.of("smiley leamas", "liz")),
                Arguments.of("\\\"smiley\\'", List.of("\"smiley'")),
                Arguments.of("'\\'smiley\\\"'", List.of("'smiley\"")),
                Arguments.of("smiley\\'s leamas\\'", List.of("smiley's", "leamas'")),
                Arguments.of("leamas\\\\smiley", List.of("leamas\\smiley")),
                Arguments.of("leamas\\\\ \\\\smiley", List.of("leamas\\", "\\smiley")),
                Arguments.of("smiley\\ leamas", List.of("smiley leamas")),
                Arguments.of("'smiley\\ leamas'", List.of("smiley\\ leamas")),
                Arguments.of("\"smiley\\ leamas\"", List.of("smiley\\ leamas")),
                Arguments.of("# gold", List.of()),
                Arguments.of("leamas#gold", List.of("leamas#gold")),
                Arguments.of("\"leamas # gold\"", List.of("leamas # gold")),
                Arguments.of("\"leamas\"#gold", List.of("leamas#gold")),
                // reference section 2: other escapes stay literal, CR is not a separator, tabs are
                Arguments.of("a\\tb", List.of("a\\tb")),
                Arguments.of("a\"b c\"d", List.of("ab cd")),
                Arguments.of("a\rb\tc", List.of("a\rb", "c")),
                Arguments.of("bob # c", List.of("bob")),
                Arguments.of("\"\"", List.of("")),
                Arguments.of("x\\", List.of("x\\")));
    }

    @ParameterizedTest
    @MethodSource("argvVectors")
    void argvSplitMatchesOpenSshVectors(String input, List<String> expected) {
        assertEquals(expected, OpenSshLexing.argvSplit(input));
    }

    @ParameterizedTest
    @MethodSource("argvVectors")
    void grammarGivesTheSameArguments(String input, List<String> expected) {
        ConfigParser.Report r = ConfigParser.parseReport(io.ctlmux.config.text.SourceText.of("t", "K " + input + "\n"));
        Directive d = r.file().directives().get(0);
        assertEquals(expected, d.args().stream().map(Arg::value).toList());
        assertEquals(List.of(), r.grammarMismatches());
        assertEquals(List.of(), r.syntaxErrors());
    }

    @ParameterizedTest
    @MethodSource("unterminated")
    void unterminatedQuotesAreInvalid(String input) {
        assertNull(OpenSshLexing.argvSplit(input));
        ConfigParser.Report r = ConfigParser.parseReport(io.ctlmux.config.text.SourceText.of("t", "K " + input + "\n"));
        Directive d = r.file().directives().get(0);
        assertEquals(true, d.invalidQuotes());
        assertEquals(List.of(), d.args());
        assertEquals(List.of(), r.grammarMismatches());
    }

    static List<String> unterminated() {
        return List.of("\"blob", "'blob", "a \"b c", "x'y", "\"a\"\"", "ok \"a\\\"");
    }

    /** Calls strdelim until it returns NULL; null entries never appear, the list ends where strdelim gave NULL. */
    private static List<String> strdelimAll(String s) {
        List<String> out = new ArrayList<>();
        int pos = 0;
        while (pos >= 0) {
            OpenSshLexing.Token t = OpenSshLexing.strdelim(s, pos, s.length());
            if (t == null) {
                out.add(null);
                break;
            }
            out.add(t.value());
            pos = t.next();
        }
        return out;
    }

    static List<Arguments> strdelimVectors() {
        return List.of(
                Arguments.of("", List.of("")),
                Arguments.of("\t", List.of("", "")),
                Arguments.of("blob", List.of("blob")),
                Arguments.of("blob   ", List.of("blob", "")),
                Arguments.of("blob1 blob2", List.of("blob1", "blob2")),
                Arguments.of("blob1\t \tblob2  \t \t", List.of("blob1", "blob2", "")),
                Arguments.of("blob1=blob2", List.of("blob1", "blob2")),
                Arguments.of("blob1==blob2", List.of("blob1", "", "blob2")),
                Arguments.of("\"blob\"", List.of("blob", "")),
                Arguments.of("\"blob1\" blob2", List.of("blob1", "blob2")),
                Arguments.of("blob1 \"blob2\"", List.of("blob1", "blob2", "")),
                Arguments.of("blob1 \"blob2\" blob3", List.of("blob1", "blob2", "blob3")),
                Arguments.of("\"blob", Arrays.asList((String) null)),
                Arguments.of("blob1 \"blob2", Arrays.asList("blob1", null)),
                Arguments.of("User == bob", List.of("User", "", "bob")),
                Arguments.of("\"blob\\\"", List.of("blob\\", "")),
                Arguments.of("Us\"er\"x bob", List.of("User", "x", "bob")));
    }

    @ParameterizedTest
    @MethodSource("strdelimVectors")
    void strdelimMatchesOpenSshVectors(String input, List<String> expected) {
        assertEquals(expected, strdelimAll(input));
    }
}
