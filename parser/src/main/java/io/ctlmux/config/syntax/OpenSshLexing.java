package io.ctlmux.config.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenSSH 9.2's line lexing, over offsets into the source text: the trailing strip and NUL cut of
 * {@code process_config_line_depth}, {@code strdelim} and {@code argv_split(s, terminate_on_comment=1)}.
 * This is the reference the grammar's token boundaries are checked against, and what decides the cases the lexer
 * cannot express.
 */
final class OpenSshLexing {
    private OpenSshLexing() {
    }

    /** strdelim's WHITESPACE set. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** The set readconf strips from the end of a line. */
    static boolean isTrailing(char c) {
        return isWhitespace(c) || c == '\f';
    }

    /**
     * End of what OpenSSH keeps of the line {@code [start, end)} ({@code end} after the LF, if any): cut at the first
     * NUL, then trailing space/TAB/CR/LF/FF removed, except that the first byte of the line is never removed.
     * Returns {@code start} for a line OpenSSH sees as empty.
     */
    static int effectiveEnd(String text, int start, int end) {
        int cut = start;
        while (cut < end && text.charAt(cut) != '\0') {
            cut++;
        }
        if (cut == start) {
            return start;
        }
        int k = cut - 1;
        while (k > start && isTrailing(text.charAt(k))) {
            k--;
        }
        return k + 1;
    }

    /**
     * One strdelim result: the token's value, its raw extent, and where the rest of the line starts
     * ({@code next == -1}: strdelim left no remainder, readconf's {@code str == NULL}).
     */
    record Token(String value, int start, int end, int next) {
    }

    /**
     * strdelim(&amp;s) on {@code [pos, end)}, splitting on whitespace, a double quote or one {@code =}.
     * Returns null where strdelim returns NULL (an unterminated quote).
     */
    static Token strdelim(String text, int pos, int end) {
        int d = pos;
        while (d < end) {
            char c = text.charAt(d);
            if (isWhitespace(c) || c == '"' || c == '=') {
                break;
            }
            d++;
        }
        if (d == end) {
            return new Token(text.substring(pos, end), pos, end, -1);
        }
        if (text.charAt(d) == '"') {
            int close = text.indexOf('"', d + 1);
            if (close < 0 || close >= end) {
                return null;
            }
            String value = text.substring(pos, d) + text.substring(d + 1, close);
            return new Token(value, pos, close + 1, skipWhitespace(text, close + 1, end));
        }
        boolean equals = text.charAt(d) == '=';
        int next = skipWhitespace(text, d + 1, end);
        if (!equals && next < end && text.charAt(next) == '=') {
            next = skipWhitespace(text, next + 1, end);
        }
        return new Token(text.substring(pos, d), pos, d, next);
    }

    static int skipWhitespace(String text, int pos, int end) {
        while (pos < end && isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** One argv_split argument: unescaped value and the raw extent in the source. */
    record RawArg(String value, int start, int end) {
    }

    /**
     * The result of argv_split: {@code invalid} for an unterminated quote (then {@code args} is empty);
     * {@code commentStart} is the offset of a {@code #} that ended the arguments, or -1.
     */
    record Split(List<RawArg> args, boolean invalid, int commentStart) {
    }

    /** argv_split(s, terminate_on_comment=1) on {@code [start, end)}. */
    static Split argvSplit(String s, int start, int end) {
        List<RawArg> args = new ArrayList<>();
        StringBuilder arg = new StringBuilder();
        int i = start;
        while (i < end) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#') {
                return new Split(args, false, i);
            }
            int tokenStart = i;
            char quote = 0;
            arg.setLength(0);
            for (; i < end; i++) {
                c = s.charAt(i);
                if (c == '\\') {
                    char n = i + 1 < end ? s.charAt(i + 1) : 0;
                    if (n == '\'' || n == '"' || n == '\\' || (quote == 0 && n == ' ')) {
                        i++;
                        arg.append(n);
                    } else {
                        arg.append(c);
                    }
                } else if (quote == 0 && (c == ' ' || c == '\t')) {
                    break;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                } else {
                    arg.append(c);
                }
            }
            if (quote != 0) {
                return new Split(List.of(), true, -1);
            }
            args.add(new RawArg(arg.toString(), tokenStart, i));
        }
        return new Split(args, false, -1);
    }

    /** argv_split on a whole string, values only (for callers that hold a plain string). */
    static List<String> argvSplit(String s) {
        Split split = argvSplit(s, 0, s.length());
        if (split.invalid()) {
            return null;
        }
        return split.args().stream().map(RawArg::value).toList();
    }
}
