package io.ctlmux.config.syntax;

import io.ctlmux.config.text.SourceText;
import java.util.List;

/**
 * The lossless tree of one ssh_config file: one {@link Line} per physical line (split on LF), in order.
 * {@link #toText()} returns the source text unchanged, byte for byte.
 */
public record ConfigFile(SourceText source, List<Line> lines) {
    public ConfigFile {
        lines = List.copyOf(lines);
    }

    /** The exact input text, rebuilt from the tree. */
    public String toText() {
        StringBuilder sb = new StringBuilder(source.text().length());
        for (Line l : lines) {
            sb.append(l.text());
        }
        return sb.toString();
    }

    /** Only the directive lines (what OpenSSH processes), in order. */
    public List<Directive> directives() {
        return lines.stream().filter(Directive.class::isInstance).map(Directive.class::cast).toList();
    }
}
