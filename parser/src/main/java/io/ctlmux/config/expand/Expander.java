package io.ctlmux.config.expand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * OpenSSH's {@code misc.c:vdollar_percent_expand} and its three wrappers. One left-to-right pass: {@code %%} gives
 * {@code %}, {@code %X} gives the token's value, {@code ${NAME}} gives the variable's value; replacement text is
 * never scanned again. Only the braced {@code ${NAME}} form is recognised; a lone {@code $} is literal. Strings are
 * one char per byte (ISO-8859-1, as {@code SourceText}).
 *
 * <p>An unset variable does not stop the scan: its line is recorded and a later syntax error is still reported,
 * exactly as ssh prints both. The environment function returns {@code null} for an unset variable.
 */
public final class Expander {
    private static final String FN = "vdollar_percent_expand: ";

    private Expander() {}

    /**
     * {@code percent_expand}: %-tokens only ({@code ${} stays literal). Used for RemoteCommand, LocalCommand,
     * ProxyCommand, Hostname ({@code %h} only), Match exec, forward socket paths.
     */
    public static String percent(String s, Map<Character, String> tokens) throws ExpansionException {
        return run(s, requireTokens(tokens), null, "percent_expand: failed");
    }

    /**
     * {@code percent_dollar_expand}: %-tokens and {@code ${NAME}}. Used for ControlPath, IdentityFile,
     * CertificateFile, IdentityAgent, UserKnownHostsFile, ForwardAgent paths (and Include in 9.9+).
     */
    public static String percentDollar(String s, Map<Character, String> tokens, Function<String, String> env)
            throws ExpansionException {
        return run(s, requireTokens(tokens), Objects.requireNonNull(env, "env"), "percent_dollar_expand: failed");
    }

    /** {@link #percentDollar(String, Map, Function)} with a map as the environment. */
    public static String percentDollar(String s, Map<Character, String> tokens, Map<String, String> env)
            throws ExpansionException {
        return percentDollar(s, tokens, env::get);
    }

    /**
     * {@code dollar_expand}: {@code ${NAME}} only ({@code %} stays literal). Its callers print their own verdict
     * (readconf: {@code FILE line N: Invalid environment expansion ARG.}), so no wrapper line is added.
     */
    public static String dollar(String s, Function<String, String> env) throws ExpansionException {
        return run(s, null, Objects.requireNonNull(env, "env"), null);
    }

    /** {@link #dollar(String, Function)} with a map as the environment. */
    public static String dollar(String s, Map<String, String> env) throws ExpansionException {
        return dollar(s, env::get);
    }

    private static Map<Character, String> requireTokens(Map<Character, String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("percent expansion without token list");
        }
        tokens.forEach((k, v) -> Objects.requireNonNull(v, () -> "NULL replacement for token " + k));
        return tokens;
    }

    private static String run(String s, Map<Character, String> tokens, Function<String, String> env, String wrapper)
            throws ExpansionException {
        StringBuilder out = new StringBuilder(s.length() + 16);
        List<String> lines = new ArrayList<>();
        String firstUnset = null;
        String unsetToken = "";
        int unsetLine = -1;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (env != null && c == '$' && i + 1 < n && s.charAt(i + 1) == '{') {
                int start = i + 2;
                int end = s.indexOf('}', start);
                if (end < 0) {
                    throw syntax("environment variable '" + s.substring(start) + "' missing closing '}'",
                            lines, wrapper, unsetToken, unsetLine);
                }
                if (end == start) {
                    throw syntax("zero-length environment variable", lines, wrapper, unsetToken, unsetLine);
                }
                String name = s.substring(start, end);
                String value = env.apply(name);
                if (value == null) {
                    String msg = "env var ${" + name + "} has no value";
                    if (firstUnset == null) {
                        firstUnset = msg;
                        unsetToken = "${" + name + "}";
                        unsetLine = lines.size();
                    }
                    lines.add(FN + msg);
                } else {
                    out.append(value);
                }
                i = end + 1;
                continue;
            }
            if (c != '%' || tokens == null) {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 == n) {
                throw syntax("invalid format", lines, wrapper, unsetToken, unsetLine);
            }
            char key = s.charAt(i + 1);
            i += 2;
            if (key == '%') {
                out.append('%');
                continue;
            }
            String value = tokens.get(key);
            if (value == null) {
                throw syntax("unknown key %" + key, lines, wrapper, "%" + key, lines.size());
            }
            out.append(value);
        }
        if (firstUnset != null) {
            throw new ExpansionException(ExpansionException.Kind.UNSET_VARIABLE, firstUnset, lines, unsetToken,
                    unsetLine);
        }
        return out.toString();
    }

    private static ExpansionException syntax(String msg, List<String> lines, String wrapper, String token,
            int tokenLine) {
        lines.add(FN + msg);
        if (wrapper != null) {
            lines.add(wrapper);
        }
        return new ExpansionException(ExpansionException.Kind.SYNTAX, msg, lines, token, tokenLine);
    }
}
