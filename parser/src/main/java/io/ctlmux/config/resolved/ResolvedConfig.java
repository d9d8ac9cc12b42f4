package io.ctlmux.config.resolved;

import io.ctlmux.config.keyword.ControlMaster;
import io.ctlmux.config.keyword.ControlPersist;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.keyword.Forward;
import io.ctlmux.config.syntax.ConfigFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the evaluator hands every consumer: the effective options for one destination, typed, each with its
 * provenance (the line that set it and the lines it shadowed), plus the messages of the evaluation as
 * {@link Diagnostic} records. Immutable.
 *
 * <p>Options are named by the keyword catalogue's names (the names {@code ssh -G} prints, lower case; a few are
 * internal: {@code jumphost} for ProxyJump, {@code forwardagentpath}, {@code stdioforward}). The typed accessors
 * ({@link #controlMaster()}, {@link #controlPath()}, ...) are the way to read the options that have meaning
 * beyond printing; the generic ones ({@link #integer}, {@link #string}, {@link #value}, {@link #list}) read the
 * rest by the type the catalogue stores them as. Choice and flag options hold readconf.c's numbers, which
 * {@link io.ctlmux.config.keyword.Choices} maps to words.
 */
public final class ResolvedConfig {
    private final Dialect dialect;
    private final String hostArg;
    private final String host;
    private final Map<String, Setting> settings;
    private final List<ConfigFile> files;
    private final List<String> skippedExecs;
    private final Map<Character, String> tokens;
    private final List<Diagnostic> diagnostics;
    private final boolean laterErrorsPrinted;
    private final MessageRoute messageRoute;

    /**
     * @param hostArg            the destination as typed (after user@ and URI parsing)
     * @param host               the final host name (HostName expanded, canonicalised)
     * @param settings           every option the evaluation touched, in the order it first did
     * @param files              every file read, in order
     * @param skippedExecs       the Match exec commands not run (lint's policy)
     * @param tokens             the {@code %} tokens as ssh.c sets them up for the expansions
     * @param diagnostics        every message, in order, each marked printed or not
     * @param laterErrorsPrinted true when error lines logged after resolution (the {@code -G} dump's) are printed
     * @param messageRoute       where ssh writes the printed messages (-E, -y) and its pseudo-terminal notice
     */
    public ResolvedConfig(Dialect dialect, String hostArg, String host, Map<String, Setting> settings,
            List<ConfigFile> files, List<String> skippedExecs, Map<Character, String> tokens,
            List<Diagnostic> diagnostics, boolean laterErrorsPrinted, MessageRoute messageRoute) {
        this.dialect = dialect;
        this.hostArg = hostArg;
        this.host = host;
        this.settings = Collections.unmodifiableMap(settings);
        this.files = List.copyOf(files);
        this.skippedExecs = List.copyOf(skippedExecs);
        this.tokens = Collections.unmodifiableMap(tokens);
        this.diagnostics = List.copyOf(diagnostics);
        this.laterErrorsPrinted = laterErrorsPrinted;
        this.messageRoute = messageRoute;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The destination as typed ({@code ssh -G}'s {@code host}). */
    public String hostArg() {
        return hostArg;
    }

    /** The final host name ({@code ssh -G}'s {@code hostname}). */
    public String host() {
        return host;
    }

    public List<ConfigFile> files() {
        return files;
    }

    public List<String> skippedExecs() {
        return skippedExecs;
    }

    /** The {@code %} tokens (C, d, h, i, k, L, l, n, p, r, u, and j from 9.6) as ssh.c sets them up. */
    public Map<Character, String> tokens() {
        return tokens;
    }

    /** Every message of the evaluation, in order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The text of the messages ssh prints at its log levels, in order. */
    public List<String> printed() {
        List<String> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            if (d.printed()) {
                out.add(d.text());
            }
        }
        return out;
    }

    /** True when error lines logged after resolution (the {@code -G} dump's) are printed. */
    public boolean laterErrorsPrinted() {
        return laterErrorsPrinted;
    }

    /** Where ssh writes the printed messages ({@code -E}, {@code -y}) and its pseudo-terminal notice. */
    public MessageRoute messageRoute() {
        return messageRoute;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Typed options

    /** {@code ControlMaster} ({@code no} when unset). */
    public ControlMaster controlMaster() {
        return ControlMaster.ofCode(integer("controlmaster", ControlMaster.NO.code()));
    }

    /** The expanded {@code ControlPath}; empty when unset or {@code none}. */
    public Optional<BytePath> controlPath() {
        Object v = raw("controlpath");
        return v instanceof String s && !s.isEmpty() ? Optional.of(new BytePath(s)) : Optional.empty();
    }

    /** {@code ControlPersist}: {@code no}, {@code yes} (forever) or a time. */
    public ControlPersist controlPersist() {
        return value("controlpersist", ControlPersist.class).orElse(ControlPersist.DEFAULT);
    }

    /** {@code ConnectTimeout}; empty when unset ({@code none}). */
    public Optional<Duration> connectTimeout() {
        int t = integer("connecttimeout", -1);
        return t <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(t));
    }

    /** {@code LogLevel} as {@code ssh -G} prints it (INFO by default; Debian's {@code -q} is SILENT). */
    public String logLevel() {
        return string("loglevel").orElse("INFO");
    }

    /** True at {@code LogLevel QUIET} (or Debian's SILENT): ssh prints no error lines. */
    public boolean quiet() {
        String l = logLevel();
        return l.equals("QUIET") || l.equals("SILENT");
    }

    public String user() {
        return string("user").orElse("");
    }

    public int port() {
        return integer("port", 22);
    }

    /** LocalForward and -L, and DynamicForward and -D (a forward without a connect side), in order. */
    public List<Forward> localForwards() {
        return list("localforward", Forward.class);
    }

    /** RemoteForward and -R, in order. */
    public List<Forward> remoteForwards() {
        return list("remoteforward", Forward.class);
    }

    /** IdentityFile and -i, in order, as written (before tilde and token expansion). */
    public List<String> identityFiles() {
        return list("identityfile", String.class);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Generic access

    /** True when {@code name} holds a value. */
    public boolean isSet(String name) {
        return raw(name) != null;
    }

    /** An integer, flag or choice option (readconf.c's number); empty when unset. */
    public OptionalInt integer(String name) {
        return raw(name) instanceof Integer i ? OptionalInt.of(i) : OptionalInt.empty();
    }

    public int integer(String name, int unset) {
        return raw(name) instanceof Integer i ? i : unset;
    }

    /** A string option; empty when unset (or not a string). */
    public Optional<String> string(String name) {
        return raw(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** An option stored as a value of {@code type}; empty when unset. */
    public <T> Optional<T> value(String name, Class<T> type) {
        Object v = raw(name);
        if (v instanceof int[] a) {
            v = a.clone();
        }
        return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
    }

    /** A list option (each item of {@code type}); empty when unset. */
    public <T> List<T> list(String name, Class<T> type) {
        if (!(raw(name) instanceof List<?> l)) {
            return List.of();
        }
        for (Object o : l) {
            type.cast(o);
        }
        @SuppressWarnings("unchecked")
        List<T> typed = (List<T>) l;
        return typed;
    }

    /** Where the value came from ({@link Provenance#DEFAULT} when unset). */
    public Provenance provenance(String name) {
        Setting s = settings.get(name);
        return s == null || s.value == null ? Provenance.DEFAULT : s.provenance;
    }

    /**
     * Where the option was set, also when a later step cleared it (a {@code ControlPath none} line); empty when the
     * evaluation never touched it.
     */
    public Optional<Provenance> setAt(String name) {
        Setting s = settings.get(name);
        return s == null ? Optional.empty() : Optional.of(s.provenance);
    }

    /** The provenance of item {@code i} of an accumulating option (the option's own for other options). */
    public Provenance itemProvenance(String name, int i) {
        Setting s = settings.get(name);
        if (s == null || s.value == null) {
            return Provenance.DEFAULT;
        }
        return i < s.items.size() ? s.items.get(i) : s.provenance;
    }

    /** Every option the evaluation touched (set, defaulted or cleared), in the order it first did. */
    public List<String> names() {
        return List.copyOf(settings.keySet());
    }

    /** True when {@code name} has the same value here and in {@code other} (both unset counts as the same). */
    public boolean sameValue(ResolvedConfig other, String name) {
        return Objects.deepEquals(raw(name), other.raw(name));
    }

    private Object raw(String name) {
        Setting s = settings.get(name);
        return s == null ? null : s.value;
    }
}
