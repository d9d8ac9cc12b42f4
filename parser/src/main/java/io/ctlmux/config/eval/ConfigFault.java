package io.ctlmux.config.eval;

/**
 * An immediately fatal condition while reading the configuration (OpenSSH calls fatal()): the message is the line
 * ssh prints before exiting 255.
 */
public final class ConfigFault extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigFault(String message) {
        super(message, null, false, false);
    }
}
