package io.ctlmux.config.syntax;

import io.ctlmux.config.text.Span;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A line OpenSSH processes as "keyword arguments", with the values exactly as readconf.c sees them.
 *
 * @param lineNumber   1-based line number
 * @param span         the whole physical line including its LF
 * @param text         the exact text of the physical line including its LF
 * @param keyword      the keyword as strdelim returns it (unquoted, NOT lower-cased)
 * @param keywordSpan  where the keyword token stands
 * @param rest         what follows the keyword and its separator (one {@code =} and whitespace), after the line was
 *                     cut at a NUL byte and trailing whitespace was stripped: the string readconf calls {@code str}.
 *                     Empty when nothing follows (OpenSSH: "no argument after keyword").
 * @param restSpan     where {@code rest} stands (empty span at end of line when empty)
 * @param args         argv_split(rest, terminate_on_comment=1); empty when {@code invalidQuotes}
 * @param invalidQuotes true when argv_split fails ("invalid quotes")
 * @param trailingComment the raw text of a {@code #} comment that ended the arguments, or empty
 */
public record Directive(
        int lineNumber,
        Span span,
        String text,
        String keyword,
        Span keywordSpan,
        String rest,
        Span restSpan,
        List<Arg> args,
        boolean invalidQuotes,
        String trailingComment) implements Line {
    /** Lower-cased keywords as written (a handful of spellings in practice), bounded. */
    private static final Map<String, String> LOWER = new ConcurrentHashMap<>();
    private static final int MAX_LOWER = 2048;
    private static final int MAX_LOWER_LENGTH = 64;

    public Directive {
        args = List.copyOf(args);
    }

    /** The keyword lower-cased as OpenSSH matches it (ASCII only, like C tolower in the C locale). */
    public String keywordLower() {
        String lower = LOWER.get(keyword);
        if (lower == null) {
            lower = io.ctlmux.config.text.Ascii.lower(keyword);
            if (LOWER.size() < MAX_LOWER && keyword.length() <= MAX_LOWER_LENGTH) {
                LOWER.put(keyword, lower);
            }
        }
        return lower;
    }
}
