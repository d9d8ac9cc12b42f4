package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.resolved.BytePath;
import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.resolved.ResolvedConfig;
import java.util.Optional;

/** What the multiplexing rules share: the typed ControlMaster, ControlPath and ControlPersist, and the lines that set them. */
final class Mux {
    private Mux() {
    }

    /** ControlMaster yes, auto, ask or autoask. */
    static boolean master(ResolvedConfig o) {
        return o.controlMaster().mayStartMaster();
    }

    /** ControlPersist yes or a time. */
    static boolean persist(ResolvedConfig o) {
        return o.controlPersist().enabled();
    }

    /** The expanded ControlPath, or null when unset or none. */
    static String path(ResolvedConfig o) {
        return o.controlPath().map(BytePath::bytes).orElse(null);
    }

    /** The config line that set a key (also when its value was later cleared, e.g. {@code none}). */
    static Optional<SourceSet.Entry> line(LintContext ctx, DestinationRun r, String key) {
        Optional<Provenance> p = r.result().setAt(key);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        return ctx.entry(p.get().span());
    }

    /** The ControlPath as written in the config (before expansion), or empty. */
    static Optional<String> rawPath(LintContext ctx, DestinationRun r) {
        return line(ctx, r, "controlpath").map(e -> LintContext.rawValue(e.directive()));
    }

    /** "for host X" or "for hosts matching P" in messages. */
    static String forWhom(DestinationRun r) {
        if (r.pattern().equals("*")) {
            return "for any host";
        }
        return r.wildcard() ? "for hosts matching '" + r.pattern() + "' (checked as " + r.destination() + ")"
                : "for host " + r.destination();
    }
}
