package io.ctlmux.config.lint.rules;

import io.ctlmux.config.lint.DestinationRun;
import io.ctlmux.config.lint.LintContext;
import io.ctlmux.config.lint.SourceSet;
import io.ctlmux.config.resolved.OptionState;
import java.util.Optional;

/** What the multiplexing rules share: reading the effective ControlMaster, ControlPath and ControlPersist. */
final class Mux {
    private Mux() {
    }

    /** ControlMaster yes, auto, ask or autoask. */
    static boolean master(OptionState o) {
        return o.getInt("controlmaster", 0) != 0;
    }

    /** ControlPersist yes or a time. */
    static boolean persist(OptionState o) {
        io.ctlmux.config.keyword.ControlPersist cp = o.get("controlpersist");
        return cp != null && cp.enabled();
    }

    /** The expanded ControlPath, or null when unset or none. */
    static String path(OptionState o) {
        return o.get("controlpath");
    }

    /** The config line that set a key (also when its value was later cleared, e.g. {@code none}). */
    static Optional<SourceSet.Entry> line(LintContext ctx, DestinationRun r, String key) {
        OptionState.Slot s = r.result().options().slots().get(key);
        if (s == null) {
            return Optional.empty();
        }
        return ctx.entry(s.provenance().span());
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
