package io.ctlmux.config.lint;

/** The text of {@code ctlmux lint --list-rules}. */
public final class RuleList {
    private RuleList() {
    }

    public static String render() {
        StringBuilder sb = new StringBuilder();
        for (RuleInfo r : Rules.infos()) {
            sb.append(r.id()).append(" (").append(r.severity().label()).append(r.needsFiles() ? ", --check-files" : "")
                    .append(")\n    ").append(r.summary()).append('\n');
            sb.append(wrap(r.description(), "    ", 100)).append('\n');
        }
        return sb.toString();
    }

    private static String wrap(String text, String indent, int width) {
        StringBuilder sb = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String w : text.split(" ")) {
            if (line.length() + w.length() + 1 > width && line.length() > indent.length()) {
                sb.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(w);
        }
        sb.append(line).append('\n');
        return sb.toString();
    }
}
