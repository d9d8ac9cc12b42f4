package io.ctlmux.config.resolved;

import io.ctlmux.config.text.Span;
import java.util.List;

/**
 * Where a resolved value came from.
 *
 * @param origin   command line, a config line, OpenSSH's default, or computed from other values
 * @param span     the line that set it (command-line spans use file "command-line", line 0); null for defaults
 * @param block    the Host/Match line of the block that was active when it was set, or null (top of file, command line)
 * @param shadowed later lines that also set this keyword in an active block but lost (first value wins)
 */
public record Provenance(Origin origin, Span span, Span block, List<Span> shadowed) {
    public Provenance {
        shadowed = List.copyOf(shadowed);
    }

    public static final Provenance DEFAULT = new Provenance(Origin.DEFAULT, null, null, List.of());

    public enum Origin { COMMAND_LINE, CONFIG, DEFAULT, COMPUTED }
}
