package io.ctlmux.config.load;

import io.ctlmux.config.resolved.MessageRoute;
import java.util.List;

/**
 * Resolution failed the way {@code ssh} fails: {@link #stderrLines()} are the lines OpenSSH would print on
 * stderr (without newlines) and {@link #exitCode()} its exit status (255).
 */
public final class SshConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> stderrLines;
    private final int exitCode;
    private final transient MessageRoute route;

    public SshConfigException(List<String> stderrLines, int exitCode) {
        this(stderrLines, exitCode, null);
    }

    /** A failed resolution: {@code route} tells where ssh writes the lines (-E, -y). */
    public SshConfigException(List<String> stderrLines, int exitCode, MessageRoute route) {
        super(String.join("\n", stderrLines));
        this.stderrLines = List.copyOf(stderrLines);
        this.exitCode = exitCode;
        this.route = route;
    }

    /** Where ssh writes {@link #stderrLines()}; null when the failure did not come from a resolution. */
    public MessageRoute route() {
        return route;
    }

    public SshConfigException(String line) {
        this(List.of(line), 255);
    }

    public List<String> stderrLines() {
        return stderrLines;
    }

    public int exitCode() {
        return exitCode;
    }
}
