package io.ctlmux.config.lint;

import io.ctlmux.config.text.Diagnostic;
import io.ctlmux.config.text.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The output formats of {@code ctlmux lint}: text (gcc style), json, sarif (2.1.0) and github annotations. */
public enum LintOutput {
    TEXT, JSON, SARIF, GITHUB;

    public static Optional<LintOutput> parse(String s) {
        try {
            return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The whole output for a list of findings, ending with a newline (empty text for no findings). */
    public String render(List<Diagnostic> findings, String toolVersion) {
        return switch (this) {
            case TEXT -> text(findings);
            case JSON -> json(findings);
            case SARIF -> sarif(findings, toolVersion);
            case GITHUB -> github(findings);
        };
    }

    private static String text(List<Diagnostic> findings) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : findings) {
            sb.append(d.span().file()).append(':').append(d.span().line()).append(':').append(d.span().column())
                    .append(": ").append(d.severity().label()).append(": ").append(d.message())
                    .append(" [").append(d.code()).append("]\n");
            if (!d.hint().isEmpty()) {
                sb.append("    hint: ").append(d.hint()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String json(List<Diagnostic> findings) {
        StringBuilder sb = new StringBuilder("{\"findings\":[");
        for (int i = 0; i < findings.size(); i++) {
            Diagnostic d = findings.get(i);
            sb.append(i == 0 ? "\n  " : ",\n  ").append("{\"rule\":").append(str(d.code()))
                    .append(",\"severity\":").append(str(d.severity().label()))
                    .append(",\"file\":").append(str(d.span().file()))
                    .append(",\"line\":").append(d.span().line())
                    .append(",\"column\":").append(d.span().column())
                    .append(",\"message\":").append(str(d.message()))
                    .append(",\"hint\":").append(str(d.hint())).append('}');
        }
        sb.append(findings.isEmpty() ? "]}\n" : "\n]}\n");
        return sb.toString();
    }

    private static String sarifLevel(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String sarif(List<Diagnostic> findings, String toolVersion) {
        List<RuleInfo> rules = Rules.infos();
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n")
                .append("  \"version\": \"2.1.0\",\n  \"runs\": [{\n    \"tool\": {\"driver\": {")
                .append("\"name\": \"ctlmux lint\", \"version\": ").append(str(toolVersion))
                .append(", \"informationUri\": \"https://github.com/ctlmux/ctlmux\", \"rules\": [");
        for (int i = 0; i < rules.size(); i++) {
            RuleInfo r = rules.get(i);
            sb.append(i == 0 ? "\n      " : ",\n      ").append("{\"id\": ").append(str(r.id()))
                    .append(", \"name\": ").append(str(camel(r.id())))
                    .append(", \"shortDescription\": {\"text\": ").append(str(r.summary())).append('}')
                    .append(", \"fullDescription\": {\"text\": ").append(str(r.description())).append('}')
                    .append(", \"defaultConfiguration\": {\"level\": ").append(str(sarifLevel(r.severity())))
                    .append("}, \"properties\": {\"needsFiles\": ").append(r.needsFiles()).append("}}");
        }
        sb.append("]}},\n    \"results\": [");
        for (int i = 0; i < findings.size(); i++) {
            Diagnostic d = findings.get(i);
            int ruleIndex = indexOf(rules, d.code());
            String message = d.hint().isEmpty() ? d.message() : d.message() + " (hint: " + d.hint() + ")";
            sb.append(i == 0 ? "\n      " : ",\n      ").append("{\"ruleId\": ").append(str(d.code()));
            if (ruleIndex >= 0) {
                sb.append(", \"ruleIndex\": ").append(ruleIndex);
            }
            sb.append(", \"level\": ").append(str(sarifLevel(d.severity())))
                    .append(", \"message\": {\"text\": ").append(str(message)).append('}')
                    .append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
                    .append(str(uri(d.span().file()))).append("}, \"region\": {\"startLine\": ")
                    .append(Math.max(1, d.span().line())).append(", \"startColumn\": ")
                    .append(Math.max(1, d.span().column())).append("}}}]}");
        }
        sb.append(findings.isEmpty() ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n");
        return sb.toString();
    }

    private static int indexOf(List<RuleInfo> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : id.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** A relative path stays relative (resolved against the checkout by code scanning); spaces etc. escaped. */
    static String uri(String file) {
        StringBuilder sb = new StringBuilder();
        String prefix = file.startsWith("/") ? "file://" : "";
        for (byte b : io.ctlmux.config.text.ByteText.bytes(file)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return prefix + sb;
    }

    private static String github(List<Diagnostic> findings) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : findings) {
            String level = switch (d.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            String msg = d.message() + (d.hint().isEmpty() ? "" : " (hint: " + d.hint() + ")");
            sb.append("::").append(level).append(" file=").append(ghProperty(d.span().file()))
                    .append(",line=").append(d.span().line()).append(",col=").append(d.span().column())
                    .append(",title=").append(ghProperty(d.code())).append("::").append(ghData(msg)).append('\n');
        }
        return sb.toString();
    }

    private static String ghData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String ghProperty(String s) {
        return ghData(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** A JSON string literal. Chars are bytes (ISO-8859-1) as read; they are emitted as the Unicode code points. */
    static String str(String s) {
        return io.ctlmux.config.text.ByteText.json(s);
    }
}
