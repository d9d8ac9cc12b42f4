package io.ctlmux.cli;

import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.text.Span;

/** Minimal JSON writing for the --json outputs (no reflection, no library at start-up). */
final class Json {
    private Json() {
    }

    static String str(String s) {
        return io.ctlmux.config.text.ByteText.json(s);
    }

    static String span(Span s) {
        if (s == null) {
            return "null";
        }
        return "{\"file\":" + str(s.file()) + ",\"line\":" + s.line() + "}";
    }

    static String provenance(Provenance p) {
        StringBuilder sb = new StringBuilder("{\"origin\":").append(str(p.origin() == null ? "default"
                : p.origin().name().toLowerCase(java.util.Locale.ROOT))).append(",\"at\":").append(span(p.span()))
                .append(",\"block\":").append(span(p.block())).append(",\"shadowed\":[");
        for (int i = 0; i < p.shadowed().size(); i++) {
            sb.append(i == 0 ? "" : ",").append(span(p.shadowed().get(i)));
        }
        return sb.append("]}").toString();
    }

    static String where(Provenance p) {
        if (p.origin() == Provenance.Origin.COMMAND_LINE) {
            return "command line";
        }
        if (p.span() == null) {
            return p.origin() == Provenance.Origin.COMPUTED ? "computed" : "default";
        }
        return p.span().file() + ":" + p.span().line();
    }
}
