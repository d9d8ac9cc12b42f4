package io.ctlmux.masters;

import java.util.ArrayList;
import java.util.List;

/** Helpers for ssh option lists already split one option per word (as the CLI's SshArgs produces them). */
final class SshOptions {
    /** ssh's option letters that take a value (from its getopt string). */
    static final String WITH_VALUE = "bceilmopBDEFIJLOPQRSWw";

    private SshOptions() {
    }

    /** {@code options} without the given flags and without the given value options (with their values). */
    static List<String> without(List<String> options, String flags, String valued) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            String a = options.get(i);
            char c = a.length() == 2 && a.charAt(0) == '-' ? a.charAt(1) : 0;
            if (c != 0 && WITH_VALUE.indexOf(c) >= 0) {
                if (valued.indexOf(c) < 0) {
                    out.add(a);
                    if (i + 1 < options.size()) {
                        out.add(options.get(i + 1));
                    }
                }
                i++;
                continue;
            }
            if (c != 0 && flags.indexOf(c) >= 0) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /** Escapes {@code %} so that ssh's token expansion gives back the literal text. */
    static String literal(String s) {
        return s.replace("%", "%%");
    }
}
