package io.ctlmux.masters;

import java.util.List;

/** A lifecycle operation refused or failed; {@link #lines()} say why and what to do, ready to print. */
public final class LifecycleException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> lines;
    private final int exitCode;

    public LifecycleException(List<String> lines, int exitCode) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
        this.exitCode = exitCode;
    }

    public LifecycleException(String line) {
        this(List.of(line), 255);
    }

    public List<String> lines() {
        return lines;
    }

    public int exitCode() {
        return exitCode;
    }
}
