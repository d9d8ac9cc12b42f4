package io.ctlmux.config.keyword;

import static io.ctlmux.config.keyword.Kind.ALGORITHMS;
import static io.ctlmux.config.keyword.Kind.BLOCK;
import static io.ctlmux.config.keyword.Kind.CHOICE;
import static io.ctlmux.config.keyword.Kind.COMMAND;
import static io.ctlmux.config.keyword.Kind.DEPRECATED;
import static io.ctlmux.config.keyword.Kind.FIRST_LINE_LIST;
import static io.ctlmux.config.keyword.Kind.FLAG;
import static io.ctlmux.config.keyword.Kind.IGNORE;
import static io.ctlmux.config.keyword.Kind.INCLUDE;
import static io.ctlmux.config.keyword.Kind.INT;
import static io.ctlmux.config.keyword.Kind.SPECIAL;
import static io.ctlmux.config.keyword.Kind.STRING;
import static io.ctlmux.config.keyword.Kind.TIME;
import static io.ctlmux.config.keyword.Kind.UNSUPPORTED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keyword catalogue: one row per OpenSSH client keyword (readconf.c's table), for every dialect.
 * Adding a keyword starts with a row here; the README ("Adding a plain keyword") lists the rest (its line in the
 * -G renderer, its default, its conformance case).
 */
public final class KeywordTable {
    private static final List<Keyword> ROWS = new ArrayList<>();
    private static final Map<String, Keyword> BY_NAME = new HashMap<>();
    /** Aliases only Debian's patched client accepts. */
    private static final Map<String, String> DEBIAN_ALIASES = Map.of(
            "protocolkeepalives", "serveraliveinterval",
            "setuptimeout", "serveraliveinterval");
    /** Compression as 10.0+ reads it: "yes" stores COMP_DELAYED (2), not 9.x's COMP_ZLIB (1). */
    private static final Keyword COMPRESSION_10 = new Keyword("compression", List.of(), CHOICE,
            Choices.COMPRESSION_DELAYED, 0, false, "compression");

    static {
        // Ignored, deprecated and unsupported names (identical in 9.2 and 10.5).
        row("protocol", IGNORE, "silently ignored");
        for (String n : List.of("cipher", "fallbacktorsh", "globalknownhostsfile2", "rhostsauthentication",
                "userknownhostsfile2", "useroaming", "usersh", "useprivilegedport")) {
            row(n, DEPRECATED, "deprecated; ignored with a debug message");
        }
        for (String n : List.of("afstokenpassing", "kerberosauthentication", "kerberostgtpassing", "rsaauthentication",
                "rhostsrsaauthentication", "compressionlevel")) {
            row(n, UNSUPPORTED, "no longer supported; ignored with an error message");
        }
        flag("gssapiauthentication", "GSSAPI authentication (GSSAPI builds)");
        flag("gssapidelegatecredentials", "delegate GSSAPI credentials (GSSAPI builds)");
        debian(flag("gssapikeyexchange", "GSSAPI key exchange (Debian)"));
        debian(row("gssapiclientidentity", STRING, "GSSAPI client identity (Debian)"));
        debian(row("gssapiserveridentity", STRING, "GSSAPI server identity (Debian)"));
        debian(flag("gssapirenewalforcesrekey", "rekey on GSSAPI credential renewal (Debian)"));
        debian(flag("gssapitrustdns", "trust DNS for GSSAPI names (Debian)"));
        debian(row("gssapikexalgorithms", STRING, "GSSAPI key exchange algorithms (Debian)"));
        row("pkcs11provider", STRING, "PKCS#11 provider library", "smartcarddevice");

        row("forwardagent", SPECIAL, "forward the agent: yes, no, or a socket path");
        flag("forwardx11", "forward X11");
        flag("forwardx11trusted", "trusted X11 forwarding");
        row("forwardx11timeout", TIME, "timeout for untrusted X11 forwarding");
        flag("exitonforwardfailure", "exit when a forwarding cannot be set up");
        row("xauthlocation", STRING, "path of xauth");
        flag("gatewayports", "let remote hosts connect to local forwarded ports");
        flag("passwordauthentication", "password authentication");
        flag("kbdinteractiveauthentication", "keyboard-interactive authentication",
                "challengeresponseauthentication", "skeyauthentication", "tisauthentication");
        row("kbdinteractivedevices", STRING, "keyboard-interactive devices");
        choice("pubkeyauthentication", Choices.PUBKEY_AUTH, "public key authentication", "dsaauthentication");
        flag("hostbasedauthentication", "host-based authentication");
        row("identityfile", SPECIAL, "a private key to offer (accumulates)", "identityfile2");
        flag("identitiesonly", "offer only the configured identities");
        row("certificatefile", SPECIAL, "a certificate to offer (accumulates)");
        row("addkeystoagent", SPECIAL, "add used keys to the agent");
        row("identityagent", SPECIAL, "the agent socket to use");
        row("hostname", STRING, "the real host name to connect to");
        row("hostkeyalias", STRING, "name used for host key lookup");
        row("proxycommand", COMMAND, "command that connects to the server");
        row("port", SPECIAL, "port to connect to");
        row("ciphers", ALGORITHMS, "ciphers, in order of preference");
        row("macs", ALGORITHMS, "MAC algorithms, in order of preference");
        row("remoteforward", SPECIAL, "a remote port forwarding (accumulates)");
        row("localforward", SPECIAL, "a local port forwarding (accumulates)");
        row("permitremoteopen", SPECIAL, "destinations allowed for remote forwards");
        row("user", STRING, "remote user name");
        row("host", BLOCK, "starts a block for host patterns");
        row("match", BLOCK, "starts a block for criteria");
        row("escapechar", SPECIAL, "session escape character");
        row("globalknownhostsfile", FIRST_LINE_LIST, "global known_hosts files");
        row("userknownhostsfile", FIRST_LINE_LIST, "user known_hosts files");
        row("connectionattempts", INT, "connection attempts before giving up");
        flag("batchmode", "never ask for passwords or passphrases");
        flag("checkhostip", "also check the host IP in known_hosts");
        choice("stricthostkeychecking", Choices.STRICT_HOSTKEY, "accept new or changed host keys");
        choice("compression", Choices.COMPRESSION, "compression");
        flag("tcpkeepalive", "TCP keepalives", "keepalive");
        row("numberofpasswordprompts", INT, "password prompts before giving up");
        row("syslogfacility", SPECIAL, "syslog facility");
        row("loglevel", SPECIAL, "log verbosity");
        row("logverbose", SPECIAL, "verbose logging for code locations");
        row("dynamicforward", SPECIAL, "a SOCKS forwarding (accumulates)");
        row("preferredauthentications", STRING, "authentication methods in order");
        row("hostkeyalgorithms", ALGORITHMS, "host key algorithms, in order of preference");
        row("casignaturealgorithms", ALGORITHMS, "algorithms allowed for CA signatures");
        row("bindaddress", STRING, "local address to bind");
        row("bindinterface", STRING, "local interface to bind");
        flag("clearallforwardings", "clear all forwardings");
        flag("enablesshkeysign", "use ssh-keysign for host-based authentication");
        choice("verifyhostkeydns", Choices.YES_NO_ASK, "verify host keys with SSHFP records");
        flag("nohostauthenticationforlocalhost", "skip host key checks for localhost");
        row("rekeylimit", SPECIAL, "data and time before rekeying");
        row("connecttimeout", TIME, "TCP connect timeout");
        choice("addressfamily", Choices.ADDRESS_FAMILY, "address family");
        row("serveraliveinterval", TIME, "seconds between server alive messages");
        row("serveralivecountmax", INT, "missed server alive messages before disconnecting");
        row("sendenv", SPECIAL, "environment variables to send (accumulates)");
        row("setenv", SPECIAL, "environment variables to set remotely");
        row("controlpath", STRING, "control socket path for connection sharing");
        choice("controlmaster", Choices.CONTROL_MASTER, "connection sharing: master, client or auto");
        row("controlpersist", SPECIAL, "keep the master in the background");
        flag("hashknownhosts", "hash host names added to known_hosts");
        row("include", INCLUDE, "read further configuration files");
        choice("tunnel", Choices.TUNNEL, "tun device forwarding");
        row("tunneldevice", SPECIAL, "tun devices to open");
        row("localcommand", COMMAND, "local command after connecting");
        flag("permitlocalcommand", "allow LocalCommand");
        row("remotecommand", COMMAND, "remote command to run");
        flag("visualhostkey", "print an ASCII art host key");
        row("kexalgorithms", ALGORITHMS, "key exchange algorithms, in order of preference");
        row("ipqos", SPECIAL, "IP type of service / DSCP");
        choice("requesttty", Choices.REQUEST_TTY, "request a pseudo-terminal");
        choice("sessiontype", Choices.SESSION_TYPE, "session type");
        flag("stdinnull", "redirect stdin from /dev/null");
        flag("forkafterauthentication", "go to the background after authentication");
        flag("proxyusefdpass", "ProxyCommand passes a connected descriptor");
        row("canonicaldomains", SPECIAL, "domains for host name canonicalisation");
        flag("canonicalizefallbacklocal", "fall back to the local resolver when canonicalisation fails");
        choice("canonicalizehostname", Choices.CANONICALIZE, "canonicalise host names");
        row("canonicalizemaxdots", INT, "dots allowed before canonicalisation is skipped");
        row("canonicalizepermittedcnames", SPECIAL, "CNAMEs to follow when canonicalising");
        row("streamlocalbindmask", SPECIAL, "umask for Unix-domain socket forwarding");
        flag("streamlocalbindunlink", "remove an existing Unix-domain socket before binding");
        row("revokedhostkeys", SPECIAL, "revoked host keys file");
        row("fingerprinthash", SPECIAL, "hash algorithm for fingerprints");
        choice("updatehostkeys", Choices.YES_NO_ASK, "learn new host keys from the server");
        row("hostbasedacceptedalgorithms", ALGORITHMS, "algorithms for host-based authentication",
                "hostbasedkeytypes");
        row("pubkeyacceptedalgorithms", ALGORITHMS, "algorithms for public key authentication",
                "pubkeyacceptedkeytypes");
        row("ignoreunknown", STRING, "unknown keywords to ignore (patterns)");
        row("proxyjump", SPECIAL, "jump hosts to connect through");
        row("securitykeyprovider", STRING, "FIDO security key provider");
        row("knownhostscommand", COMMAND, "command that lists known host keys");
        row("requiredrsasize", INT, "minimum RSA key size");
        flag("enableescapecommandline", "enable the ~C command line");
        // Added after 9.2.
        since(904, row("tag", STRING, "a tag for Match tagged"));
        since(905, row("obscurekeystroketiming", SPECIAL, "obscure keystroke timing"));
        since(906, row("channeltimeout", SPECIAL, "channel inactivity timeouts"));
        since(1000, row("versionaddendum", SPECIAL, "text appended to the version banner"));
        since(1001, row("refuseconnection", SPECIAL, "refuse to connect, with a message"));
        since(1001, choice("warnweakcrypto", Choices.WARN_WEAK_CRYPTO, "warn about weak cryptography"));
    }

    private KeywordTable() {
    }

    private static Keyword row(String name, Kind kind, String summary, String... aliases) {
        return add(new Keyword(name, List.of(aliases), kind, null, 0, false, summary));
    }

    private static Keyword flag(String name, String summary, String... aliases) {
        return add(new Keyword(name, List.of(aliases), FLAG, Choices.FLAG, 0, false, summary));
    }

    private static Keyword choice(String name, Choices c, String summary, String... aliases) {
        return add(new Keyword(name, List.of(aliases), CHOICE, c, 0, false, summary));
    }

    private static Keyword add(Keyword k) {
        ROWS.add(k);
        BY_NAME.put(k.name(), k);
        for (String a : k.aliases()) {
            BY_NAME.put(a, k);
        }
        return k;
    }

    private static void replace(Keyword old, Keyword k) {
        int i = ROWS.size() - 1;
        while (ROWS.get(i) != old) {   // identity: a record's equals would compare every field of every row
            i--;
        }
        ROWS.set(i, k);
        BY_NAME.put(k.name(), k);
        for (String a : k.aliases()) {
            BY_NAME.put(a, k);
        }
    }

    private static void debian(Keyword k) {
        replace(k, new Keyword(k.name(), k.aliases(), k.kind(), k.choices(), k.since(), true, k.summary()));
    }

    private static void since(int version, Keyword k) {
        replace(k, new Keyword(k.name(), k.aliases(), k.kind(), k.choices(), version, k.debianOnly(), k.summary()));
    }

    /** Every row, in table order. */
    public static List<Keyword> all() {
        return Collections.unmodifiableList(ROWS);
    }

    /**
     * Looks up a lower-cased keyword as {@code dialect} would. GSSAPI keywords are unsupported in the upstream
     * dialects (modelled as builds without GSSAPI, like the reference binaries).
     */
    public static Optional<Keyword> lookup(String lower, Dialect dialect) {
        Optional<Keyword> k = ByDialect.MAPS.get(dialect).get(lower);
        return k != null ? k : Optional.empty();
    }

    /** {@link #lookup} for every accepted name, per dialect. */
    private static final class ByDialect {
        static final PerDialect<Map<String, Optional<Keyword>>> MAPS = new PerDialect<>(ByDialect::build);

        private static Map<String, Optional<Keyword>> build(Dialect d) {
            Map<String, Optional<Keyword>> m = new HashMap<>();
            for (String name : BY_NAME.keySet()) {
                put(m, name, d);
            }
            if (d.debian) {
                for (String alias : DEBIAN_ALIASES.keySet()) {
                    put(m, alias, d);
                }
            }
            return Collections.unmodifiableMap(m);
        }

        private static void put(Map<String, Optional<Keyword>> m, String name, Dialect d) {
            Optional<Keyword> k = compute(name, d);
            if (k.isPresent()) {
                m.put(name, k);
            }
        }
    }

    private static Optional<Keyword> compute(String lower, Dialect dialect) {
        String name = lower;
        if (dialect.debian && DEBIAN_ALIASES.containsKey(lower)) {
            name = DEBIAN_ALIASES.get(lower);
        }
        Keyword k = BY_NAME.get(name);
        if (k == null || !k.availableIn(dialect)) {
            return Optional.empty();
        }
        if (k.choices() == Choices.COMPRESSION && dialect.atLeast(10, 0)) {
            return Optional.of(COMPRESSION_10);
        }
        if (!dialect.debian && (k.name().equals("gssapiauthentication") || k.name().equals("gssapidelegatecredentials"))) {
            return Optional.of(new Keyword(k.name(), k.aliases(), UNSUPPORTED, null, 0, false, k.summary()));
        }
        return Optional.of(k);
    }

    /** Every name (canonical and aliases) a dialect accepts, for "did you mean" suggestions. */
    public static List<String> names(Dialect dialect) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Keyword> e : BY_NAME.entrySet()) {
            if (e.getValue().availableIn(dialect)) {
                out.add(e.getKey());
            }
        }
        if (dialect.debian) {
            out.addAll(DEBIAN_ALIASES.keySet());
        }
        Collections.sort(out);
        return out;
    }
}
