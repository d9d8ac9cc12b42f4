package io.ctlmux.config.syntax;

import io.ctlmux.config.text.SourceText;

/** Parses ssh_config text into a lossless {@link ConfigFile}. Never throws on any input. */
public final class ConfigParser {
    private ConfigParser() {
    }

    public static ConfigFile parse(SourceText source) {
        throw new UnsupportedOperationException("not yet implemented: grammar helper writes this");
    }
}
