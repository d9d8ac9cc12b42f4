package io.ctlmux.config.resolved;

/**
 * One line of {@code ssh -G} output: {@code keyword} is the name -G prints (lower case, except
 * {@code canonicalizePermittedcnames}) and {@code value} the text after the single space.
 */
public record ResolvedValue(String keyword, String value, Provenance provenance) {
    /** The line exactly as {@code ssh -G} prints it, without the newline. */
    public String render() {
        return keyword + " " + value;
    }
}
