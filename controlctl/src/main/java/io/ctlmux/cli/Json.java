package io.ctlmux.cli;

import io.ctlmux.config.resolved.Diagnostic;
import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.text.Span;

/** Minimal JSON writing for the --json outputs (no reflection, no library at start-up). */
final class Json {
    private Json() {
    }

    static String str(String s) {
        return io.ctlmux.config.text.ByteText.json(s);
    }

    /** A path as a JSON string of its bytes (see {@code ByteText.json}). */
    static String path(java.nio.file.Path p) {
        return str(io.ctlmux.config.text.ByteText.ofPath(p));
    }

    /** Prints one JSON value on its own line and flushes. */
    static void print(java.io.PrintWriter out, String json) {
        out.println(json);
        out.flush();
    }

    /** A JSON array of strings. */
    static String strings(java.util.Collection<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (String s : items) {
            sb.append(sb.length() == 1 ? "" : ",").append(str(s));
        }
        return sb.append(']').toString();
    }

    /**
     * The object a mux request command prints with --json once the master answered: {@code {path, request,
     * result, error}}, result {@code sent} or {@code refused} (error: the master's reason, else null).
     */
    static String request(java.nio.file.Path path, String request, String refusal) {
        return "{\"path\":" + path(path) + ",\"request\":" + str(request) + ",\"result\":"
                + str(refusal == null ? "sent" : "refused") + ",\"error\":" + str(refusal) + "}";
    }

    /** One resolved option: {@code {keyword, value, source}}, source as {@link #provenance}. */
    static String option(io.ctlmux.config.resolved.ResolvedValue v) {
        return "{\"keyword\":" + str(v.keyword()) + ",\"value\":" + str(v.value()) + ",\"source\":"
                + provenance(v.provenance()) + "}";
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

    /** A message of the evaluation: its stable kind, level, location (null when ssh names none) and wording. */
    static String diagnostic(Diagnostic d) {
        return "{\"kind\":" + str(d.kind().id()) + ",\"level\":" + str(d.level().name().toLowerCase(
                java.util.Locale.ROOT)) + ",\"file\":" + (d.file() == null ? "null" : str(d.file()))
                + ",\"line\":" + d.line() + ",\"column\":" + d.column() + ",\"subject\":" + str(d.subject())
                + ",\"text\":" + str(d.text()) + ",\"printed\":" + d.printed() + "}";
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
