package io.ctlmux.config.lint;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.keyword.KeywordTable;
import io.ctlmux.config.lint.SshMessage.Kind;
import io.ctlmux.config.resolved.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@link Diagnostic}s of a resolution into {@link SshMessage}s at lines of the linted files. Messages that
 * name no line of these files (e.g. {@code Unsupported Match attribute x}) are details of the located message that
 * follows them; an unlocated fatal message is placed on the line it concerns: the first line that mentions its
 * subject ({@code %x}, {@code ${NAME}}, {@code ~user}, or a keyword), else the top file's first line.
 */
final class SshMessages {
    /** Match criteria and the release that introduced them. */
    static final Map<String, Integer> NEW_MATCH_CRITERIA = Map.of(
            "tagged", 904, "localnetwork", 904, "version", 1000, "sessiontype", 1000, "command", 1000);

    private SshMessages() {
    }

    static List<SshMessage> map(List<Diagnostic> diagnostics, Target target, String destination, SourceSet src,
            boolean failed) {
        List<SshMessage> out = new ArrayList<>();
        List<Diagnostic> pending = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (!d.located() || !src.files().containsKey(d.file())) {
                if (d.kind() == Diagnostic.Kind.TERMINATING) {
                    continue;
                }
                pending.add(d);
                continue;
            }
            out.add(message(target, destination, src, d.file(), d.line(), d, pending, true));
            pending.clear();
        }
        if (failed && !pending.isEmpty()) {
            // The last unlocated message is the fatal one; earlier ones are its detail.
            Diagnostic fatal = pending.remove(pending.size() - 1);
            Place at = place(fatal, src);
            out.add(message(target, destination, src, at.file, at.line, fatal, pending, false));
        }
        return out;
    }

    private static SshMessage message(Target target, String destination, SourceSet src, String file, int line,
            Diagnostic d, List<Diagnostic> details, boolean located) {
        int column = src.at(file, line).map(e -> e.directive().keywordSpan().column()).orElse(1);
        String text = located ? d.reason() : d.text();
        StringBuilder full = new StringBuilder(text);
        for (int i = 0; i < details.size(); i++) {
            full.append(i == 0 ? " (" : "; ").append(details.get(i).text());
        }
        if (!details.isEmpty()) {
            full.append(')');
        }
        Kind kind = Kind.OTHER;
        String subject = "";
        switch (d.kind()) {
            case BAD_OPTION -> {
                subject = d.subject();
                if (Platform.APPLE_KEYWORDS.contains(subject)) {
                    kind = Kind.PLATFORM;
                } else if (KeywordTable.lookup(subject, Dialect.newest()).isPresent()
                        || KeywordTable.lookup(subject, Dialect.DEBIAN_9_2).isPresent()) {
                    kind = Kind.TOO_NEW;
                } else {
                    kind = Kind.UNKNOWN_KEYWORD;
                }
            }
            case UNSUPPORTED_OPTION -> {
                kind = Kind.UNSUPPORTED;
                subject = d.subject();
            }
            case INCLUDE_DEPTH -> kind = Kind.INCLUDE;
            default -> {
                for (Diagnostic detail : details) {
                    if (detail.kind() == Diagnostic.Kind.MATCH_ATTRIBUTE) {
                        Integer since = NEW_MATCH_CRITERIA.get(detail.subject());
                        if (since != null && since > target.version()) {
                            kind = Kind.TOO_NEW;
                            subject = "match " + detail.subject();
                        }
                    }
                }
                String token = unknownToken(d, details);
                if (token != null) {
                    subject = token;
                    if (token.equals("%j") && target.version() < 906) {
                        kind = Kind.TOO_NEW;
                    }
                }
            }
        }
        return new SshMessage(target, destination, file, line, column, full.toString(), kind, subject, located);
    }

    /** The first unknown {@code %} token the message or its details name, or null. */
    private static String unknownToken(Diagnostic d, List<Diagnostic> details) {
        if (d.kind() == Diagnostic.Kind.UNKNOWN_TOKEN) {
            return d.subject();
        }
        for (Diagnostic detail : details) {
            if (detail.kind() == Diagnostic.Kind.UNKNOWN_TOKEN) {
                return detail.subject();
            }
        }
        return null;
    }

    private record Place(String file, int line) {
    }

    /** The line an unlocated fatal message most likely concerns; the top file's first line otherwise. */
    private static Place place(Diagnostic fatal, SourceSet src) {
        String needle = null;
        String keyword = null;
        String subject = fatal.subject();
        if (subject.startsWith("%") || subject.startsWith("${") || subject.startsWith("~")) {
            needle = subject;
        } else if (!subject.isEmpty()) {
            keyword = subject;
        } else if (fatal.kind() == Diagnostic.Kind.INCLUDE_DEPTH) {
            if (!src.includeProblems().isEmpty()) {
                SourceSet.IncludeProblem p = src.includeProblems().get(0);
                return new Place(p.file(), p.include().lineNumber());
            }
            keyword = "include";
        } else if (fatal.kind() == Diagnostic.Kind.BAD_PERMISSIONS) {
            keyword = "include";
        }
        for (SourceSet.Entry e : src.entries()) {
            String kw = e.keyword();
            if (kw.equals("host") || kw.equals("match")) {
                continue;
            }
            if ((needle != null && e.directive().rest().contains(needle)) || (keyword != null && kw.equals(keyword))) {
                return new Place(e.file(), e.directive().lineNumber());
            }
        }
        return new Place(src.topFile(), 1);
    }
}
