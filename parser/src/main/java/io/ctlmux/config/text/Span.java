package io.ctlmux.config.text;

/**
 * A range of a source: {@code start} inclusive and {@code end} exclusive char offsets, plus the 1-based line and
 * column (in bytes) of the start.
 */
public record Span(String file, int start, int end, int line, int column) {
    public Span {
        if (start < 0 || end < start || line < 0 || column < 0) {
            throw new IllegalArgumentException("bad span " + start + ".." + end + " at " + line + ":" + column);
        }
    }

    /** A span for things that come from the command line ({@code command-line}, line 0). */
    public static Span commandLine(int argIndex) {
        return new Span("command-line", 0, 0, 0, argIndex);
    }

    public String location() {
        return file + ":" + line + ":" + column;
    }
}
