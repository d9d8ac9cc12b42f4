package io.ctlmux.config.lint;

import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.keyword.KeywordTable;
import io.ctlmux.config.lint.SshMessage.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the stderr lines of a resolution ({@code FILE line N: reason}, {@code FILE: line N: reason}, and unlocated
 * lines) into {@link SshMessage}s. Unlocated detail lines (e.g. {@code Unsupported Match attribute x}) are attached
 * to the located line that follows them; an unlocated fatal line is placed on the line it most likely concerns.
 */
final class StderrMapper {
    /** Match criteria and the release that introduced them. */
    static final Map<String, Integer> NEW_MATCH_CRITERIA = Map.of(
            "tagged", 904, "localnetwork", 904, "version", 1000, "sessiontype", 1000, "command", 1000);

    private static final Pattern BAD_OPTION = Pattern.compile("Bad configuration option: (.*)");
    private static final Pattern UNSUPPORTED = Pattern.compile("Unsupported option \"(.*)\"");
    private static final Pattern MATCH_ATTR = Pattern.compile("Unsupported Match attribute (\\S+)");
    private static final Pattern UNKNOWN_KEY = Pattern.compile("unknown key %(.)");

    private StderrMapper() {
    }

    static List<SshMessage> map(List<String> stderr, Target target, String destination, SourceSet src,
            boolean failed) {
        List<SshMessage> out = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < stderr.size(); i++) {
            String line = stderr.get(i);
            Located loc = locate(line, src);
            if (loc == null) {
                if (line.contains(": terminating, ") && line.endsWith("bad configuration options")) {
                    continue;
                }
                pending.add(line);
                continue;
            }
            out.add(message(target, destination, src, loc.file, loc.line, loc.text, pending, true));
            pending.clear();
        }
        if (failed && !pending.isEmpty()) {
            // The last unlocated line is the fatal one; earlier ones are its detail.
            String fatal = pending.remove(pending.size() - 1);
            Guess g = guess(fatal, src);
            out.add(message(target, destination, src, g.file, g.line, fatal, pending, false));
        }
        return out;
    }

    private record Located(String file, int line, String text) {
    }

    private record Guess(String file, int line) {
    }

    private static Located locate(String line, SourceSet src) {
        for (String f : src.files().keySet()) {
            for (String sep : new String[] {" line ", ": line "}) {
                String prefix = f + sep;
                if (line.startsWith(prefix)) {
                    int j = prefix.length();
                    int k = j;
                    while (k < line.length() && Character.isDigit(line.charAt(k))) {
                        k++;
                    }
                    if (k > j && k < line.length() && line.charAt(k) == ':') {
                        String text = line.substring(k + 1).trim();
                        try {
                            return new Located(f, Integer.parseInt(line.substring(j, k)), text);
                        } catch (NumberFormatException e) {
                            return null;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static SshMessage message(Target target, String destination, SourceSet src, String file, int line,
            String text, List<String> details, boolean located) {
        int column = src.at(file, line).map(e -> e.directive().keywordSpan().column()).orElse(1);
        String full = details.isEmpty() ? text : text + " (" + String.join("; ", details) + ")";
        Kind kind = Kind.OTHER;
        String subject = "";
        Matcher m = BAD_OPTION.matcher(text);
        if (m.matches()) {
            subject = m.group(1);
            if (Platform.APPLE_KEYWORDS.contains(subject)) {
                kind = Kind.PLATFORM;
            } else if (KeywordTable.lookup(subject, Dialect.newest()).isPresent()
                    || KeywordTable.lookup(subject, Dialect.DEBIAN_9_2).isPresent()) {
                kind = Kind.TOO_NEW;
            } else {
                kind = Kind.UNKNOWN_KEYWORD;
            }
        } else if ((m = UNSUPPORTED.matcher(text)).matches()) {
            kind = Kind.UNSUPPORTED;
            subject = m.group(1);
        } else if (text.contains("Too many recursive configuration includes")) {
            kind = Kind.INCLUDE;
        } else {
            for (String d : details) {
                Matcher a = MATCH_ATTR.matcher(d);
                if (a.find()) {
                    String crit = a.group(1).toLowerCase(Locale.ROOT);
                    Integer since = NEW_MATCH_CRITERIA.get(crit);
                    if (since != null && since > target.version()) {
                        kind = Kind.TOO_NEW;
                        subject = "match " + crit;
                    }
                }
            }
            Matcher k = UNKNOWN_KEY.matcher(full);
            if (k.find()) {
                subject = "%" + k.group(1);
                if (k.group(1).equals("j") && target.version() < 906) {
                    kind = Kind.TOO_NEW;
                }
            }
        }
        return new SshMessage(target, destination, file, line, column, full, kind, subject, located);
    }

    /** Where an unlocated fatal message most likely comes from; the top file's first line otherwise. */
    private static Guess guess(String fatal, SourceSet src) {
        String needle = null;
        String keyword = null;
        Matcher k = UNKNOWN_KEY.matcher(fatal);
        Matcher env = Pattern.compile("\\$\\{([^}]*)\\}").matcher(fatal);
        Matcher tilde = Pattern.compile("No such user (\\S+)").matcher(fatal);
        if (k.find()) {
            needle = "%" + k.group(1);
        } else if (env.find()) {
            needle = "${" + env.group(1) + "}";
        } else if (tilde.find()) {
            needle = "~" + tilde.group(1);
        } else if (fatal.contains("ProxyCommand+ProxyJump")) {
            keyword = "proxyjump";
        } else if (fatal.contains("ConnectionAttempts")) {
            keyword = "connectionattempts";
        } else if (fatal.contains("Too many recursive configuration includes")) {
            if (!src.includeProblems().isEmpty()) {
                SourceSet.IncludeProblem p = src.includeProblems().get(0);
                return new Guess(p.file(), p.include().lineNumber());
            }
            keyword = "include";
        } else if (fatal.startsWith("Bad owner or permissions on ")) {
            keyword = "include";
        }
        for (SourceSet.Entry e : src.entries()) {
            String kw = e.keyword();
            if (kw.equals("host") || kw.equals("match")) {
                continue;
            }
            if ((needle != null && e.directive().rest().contains(needle)) || (keyword != null && kw.equals(keyword))) {
                return new Guess(e.file(), e.directive().lineNumber());
            }
        }
        return new Guess(src.topFile(), 1);
    }

    static Optional<Integer> newCriterion(String crit) {
        return Optional.ofNullable(NEW_MATCH_CRITERIA.get(crit));
    }
}
