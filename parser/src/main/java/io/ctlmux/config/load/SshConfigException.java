package io.ctlmux.config.load;

import java.util.List;

/**
 * Resolution failed the way {@code ssh} fails: {@link #stderrLines()} are the lines OpenSSH would print on
 * stderr (without newlines) and {@link #exitCode()} its exit status (255).
 */
public final class SshConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> stderrLines;
    private final int exitCode;

    public SshConfigException(List<String> stderrLines, int exitCode) {
        super(String.join("\n", stderrLines));
        this.stderrLines = List.copyOf(stderrLines);
        this.exitCode = exitCode;
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
