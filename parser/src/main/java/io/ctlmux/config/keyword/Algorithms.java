package io.ctlmux.config.keyword;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Algorithm-list keywords: per dialect the supported names and defaults, parse-time validation
 * ({@code ciphers_valid}, {@code mac_valid}, {@code kex_names_valid}, {@code sshkey_names_valid2}) and the
 * {@code kex_assemble_names} expansion ({@code +} append, {@code -} remove by pattern, {@code ^} prepend,
 * otherwise an explicit pattern list) whose result {@code ssh -G} prints.
 */
public final class Algorithms {

    /** The seven keywords that take an algorithm list. */
    public enum Kind {
        CIPHERS("ciphers", "Bad SSH2 cipher spec '%s'."),
        MACS("macs", "Bad SSH2 MAC spec '%s'."),
        KEX_ALGORITHMS("kex_algorithms", "Bad SSH2 KexAlgorithms '%s'."),
        HOST_KEY_ALGORITHMS("hostkeyalgorithms", "Bad key types '%s'."),
        HOSTBASED_ACCEPTED_ALGORITHMS("hostbased_accepted_algos", "Bad key types '%s'."),
        PUBKEY_ACCEPTED_ALGORITHMS("pubkey_accepted_algos", "Bad key types '%s'."),
        CA_SIGNATURE_ALGORITHMS("ca_sign_algorithms", "Bad key types '%s'.");

        final String field;
        final String badFormat;

        Kind(String field, String badFormat) {
            this.field = field;
            this.badFormat = badFormat;
        }

        boolean keyTypes() {
            return ordinal() >= HOST_KEY_ALGORITHMS.ordinal();
        }
    }

    private static final List<String> CIPHERS = List.of("3des-cbc", "aes128-cbc", "aes192-cbc", "aes256-cbc",
            "aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
            "chacha20-poly1305@openssh.com");
    private static final List<String> CIPHERS_DEFAULT_92 = List.of("chacha20-poly1305@openssh.com", "aes128-ctr",
            "aes192-ctr", "aes256-ctr", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com");
    private static final List<String> CIPHERS_DEFAULT_105 = List.of("chacha20-poly1305@openssh.com",
            "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr");

    private static final List<String> MACS = List.of("hmac-sha1", "hmac-sha1-96", "hmac-sha2-256", "hmac-sha2-512",
            "hmac-md5", "hmac-md5-96", "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha1-etm@openssh.com",
            "hmac-sha1-96-etm@openssh.com", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
            "hmac-md5-etm@openssh.com", "hmac-md5-96-etm@openssh.com", "umac-64-etm@openssh.com",
            "umac-128-etm@openssh.com");
    private static final List<String> MACS_DEFAULT = List.of("umac-64-etm@openssh.com", "umac-128-etm@openssh.com",
            "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com",
            "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1");

    private static final List<String> KEX_BASE = List.of("diffie-hellman-group1-sha1",
            "diffie-hellman-group14-sha1", "diffie-hellman-group14-sha256", "diffie-hellman-group16-sha512",
            "diffie-hellman-group18-sha512", "diffie-hellman-group-exchange-sha1",
            "diffie-hellman-group-exchange-sha256", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521");
    private static final List<String> KEX_UP92 = concat(KEX_BASE, List.of("curve25519-sha256",
            "curve25519-sha256@libssh.org", "sntrup761x25519-sha512@openssh.com"));
    private static final List<String> KEX_DEB92 = concat(KEX_BASE, List.of("curve25519-sha256",
            "curve25519-sha256@libssh.org", "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com"));
    private static final List<String> KEX_105 = concat(KEX_BASE, List.of("mlkem768nistp256-sha256",
            "curve25519-sha256", "curve25519-sha256@libssh.org", "sntrup761x25519-sha512",
            "sntrup761x25519-sha512@openssh.com", "mlkem768x25519-sha256"));
    private static final List<String> KEX_DEFAULT_TAIL = List.of("curve25519-sha256", "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256",
            "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256");
    private static final List<String> KEX_DEFAULT_UP92 = concat(List.of("sntrup761x25519-sha512@openssh.com"),
            KEX_DEFAULT_TAIL);
    private static final List<String> KEX_DEFAULT_DEB92 = concat(List.of("sntrup761x25519-sha512",
            "sntrup761x25519-sha512@openssh.com"), KEX_DEFAULT_TAIL);
    private static final List<String> KEX_DEFAULT_105 = concat(List.of("mlkem768x25519-sha256",
            "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com"), KEX_DEFAULT_TAIL);
    /** Debian's GSSAPI key exchange names, accepted by prefix at parse time only. */
    private static final List<String> KEX_GSS_PREFIXES = List.of("gss-gex-sha1-", "gss-group1-sha1-",
            "gss-group14-sha1-", "gss-group14-sha256-", "gss-group16-sha512-", "gss-nistp256-sha256-",
            "gss-curve25519-sha256-");

    /** A key implementation: its name, short name, and whether it is a certificate / signature-only type. */
    private record KeyImpl(String name, String shortName, boolean cert, boolean sigOnly) {
    }

    private static final List<KeyImpl> KEYS_92 = List.of(
            new KeyImpl("ssh-ed25519", "ED25519", false, false),
            new KeyImpl("ssh-ed25519-cert-v01@openssh.com", "ED25519-CERT", true, false),
            new KeyImpl("sk-ssh-ed25519@openssh.com", "ED25519-SK", false, false),
            new KeyImpl("sk-ssh-ed25519-cert-v01@openssh.com", "ED25519-SK-CERT", true, false),
            new KeyImpl("ecdsa-sha2-nistp256", "ECDSA", false, false),
            new KeyImpl("ecdsa-sha2-nistp256-cert-v01@openssh.com", "ECDSA-CERT", true, false),
            new KeyImpl("ecdsa-sha2-nistp384", "ECDSA", false, false),
            new KeyImpl("ecdsa-sha2-nistp384-cert-v01@openssh.com", "ECDSA-CERT", true, false),
            new KeyImpl("ecdsa-sha2-nistp521", "ECDSA", false, false),
            new KeyImpl("ecdsa-sha2-nistp521-cert-v01@openssh.com", "ECDSA-CERT", true, false),
            new KeyImpl("sk-ecdsa-sha2-nistp256@openssh.com", "ECDSA-SK", false, false),
            new KeyImpl("sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "ECDSA-SK-CERT", true, false),
            new KeyImpl("webauthn-sk-ecdsa-sha2-nistp256@openssh.com", "ECDSA-SK", false, true),
            new KeyImpl("ssh-dss", "DSA", false, false),
            new KeyImpl("ssh-dss-cert-v01@openssh.com", "DSA-CERT", true, false),
            new KeyImpl("ssh-rsa", "RSA", false, false),
            new KeyImpl("ssh-rsa-cert-v01@openssh.com", "RSA-CERT", true, false),
            new KeyImpl("rsa-sha2-256", "RSA", false, true),
            new KeyImpl("rsa-sha2-256-cert-v01@openssh.com", "RSA-CERT", true, true),
            new KeyImpl("rsa-sha2-512", "RSA", false, true),
            new KeyImpl("rsa-sha2-512-cert-v01@openssh.com", "RSA-CERT", true, true));
    private static final List<KeyImpl> KEYS_105 = List.of(
            new KeyImpl("ssh-ed25519", "ED25519", false, false),
            new KeyImpl("ssh-ed25519-cert-v01@openssh.com", "ED25519-CERT", true, false),
            new KeyImpl("sk-ssh-ed25519@openssh.com", "ED25519-SK", false, false),
            new KeyImpl("sk-ssh-ed25519-cert-v01@openssh.com", "ED25519-SK-CERT", true, false),
            new KeyImpl("ssh-mldsa44-ed25519@openssh.com", "MLDSA44-ED25519", false, false),
            new KeyImpl("ssh-mldsa44-ed25519-cert-v01@openssh.com", "MLDSA44-ED25519-CERT", true, false),
            new KeyImpl("ecdsa-sha2-nistp256", "ECDSA", false, false),
            new KeyImpl("ecdsa-sha2-nistp256-cert-v01@openssh.com", "ECDSA-CERT", true, false),
            new KeyImpl("ecdsa-sha2-nistp384", "ECDSA", false, false),
            new KeyImpl("ecdsa-sha2-nistp384-cert-v01@openssh.com", "ECDSA-CERT", true, false),
            new KeyImpl("ecdsa-sha2-nistp521", "ECDSA", false, false),
            new KeyImpl("ecdsa-sha2-nistp521-cert-v01@openssh.com", "ECDSA-CERT", true, false),
            new KeyImpl("sk-ecdsa-sha2-nistp256@openssh.com", "ECDSA-SK", false, false),
            new KeyImpl("sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "ECDSA-SK-CERT", true, false),
            new KeyImpl("webauthn-sk-ecdsa-sha2-nistp256@openssh.com", "ECDSA-SK", false, true),
            new KeyImpl("webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "ECDSA-SK-CERT", true, true),
            new KeyImpl("ssh-rsa", "RSA", false, false),
            new KeyImpl("ssh-rsa-cert-v01@openssh.com", "RSA-CERT", true, false),
            new KeyImpl("rsa-sha2-256", "RSA", false, true),
            new KeyImpl("rsa-sha2-256-cert-v01@openssh.com", "RSA-CERT", true, true),
            new KeyImpl("rsa-sha2-512", "RSA", false, true),
            new KeyImpl("rsa-sha2-512-cert-v01@openssh.com", "RSA-CERT", true, true));

    private static final List<String> PK_DEFAULT_92 = List.of("ssh-ed25519-cert-v01@openssh.com",
            "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com",
            "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com",
            "rsa-sha2-256-cert-v01@openssh.com", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
            "rsa-sha2-512", "rsa-sha2-256");
    private static final List<String> PK_DEFAULT_105 = List.of("ssh-ed25519-cert-v01@openssh.com",
            "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com",
            "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com", "ssh-ed25519",
            "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com", "webauthn-sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512",
            "rsa-sha2-256");
    private static final List<String> CA_DEFAULT_92 = List.of("ssh-ed25519", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512", "rsa-sha2-256");
    private static final List<String> CA_DEFAULT_105 = List.of("ssh-ed25519", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com", "webauthn-sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512",
            "rsa-sha2-256");

    /** {@link #supported} per dialect and kind (index = kind ordinal), computed once per dialect. */
    private static final PerDialect<List<List<String>>> SUPPORTED = new PerDialect<>(d -> {
        List<List<String>> supported = new ArrayList<>();
        for (Kind k : Kind.values()) {
            supported.add(computeSupported(k, d));
        }
        return List.copyOf(supported);
    });
    /** The comma-joined {@link #defaults} per dialect and kind (index = kind ordinal), computed once per dialect. */
    private static final PerDialect<List<String>> DEFAULT_TEXT = new PerDialect<>(d -> {
        List<String> text = new ArrayList<>();
        for (Kind k : Kind.values()) {
            text.add(String.join(",", defaults(k, d)));
        }
        return List.copyOf(text);
    });
    /** Results of {@link #assemble} for configured lists (a pure function), for repeated resolutions in a process. */
    private static final Map<AssembleKey, ValueResult<String>> ASSEMBLED = new ConcurrentHashMap<>();
    private static final int MAX_ASSEMBLED = 512;
    private static final int MAX_ASSEMBLED_KEY = 1024;

    /** A map key (not a record: a record's equals and hashCode are bootstrapped on first use, at start-up cost). */
    private static final class AssembleKey {
        private final Kind kind;
        private final Dialect dialect;
        private final String configured;

        AssembleKey(Kind kind, Dialect dialect, String configured) {
            this.kind = kind;
            this.dialect = dialect;
            this.configured = configured;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AssembleKey k && k.kind == kind && k.dialect == dialect
                    && k.configured.equals(configured);
        }

        @Override
        public int hashCode() {
            return (kind.ordinal() * 31 + dialect.ordinal()) * 31 + configured.hashCode();
        }
    }

    private Algorithms() {
    }

    /**
     * Every name the dialect's {@code ssh} supports for this keyword, in OpenSSH's table order (what the
     * expansion matches patterns against: {@code ssh -Q cipher|mac|kex|key-sig|sig}).
     */
    public static List<String> supported(Kind kind, Dialect d) {
        return SUPPORTED.get(d).get(kind.ordinal());
    }

    private static List<String> computeSupported(Kind kind, Dialect d) {
        switch (kind) {
            case CIPHERS:
                return CIPHERS;
            case MACS:
                return MACS;
            case KEX_ALGORITHMS:
                return d.atLeast(10, 0) ? KEX_105 : d.debian ? KEX_DEB92 : KEX_UP92;
            default:
                List<String> names = new ArrayList<>();
                for (KeyImpl k : keys(d)) {
                    if (kind != Kind.CA_SIGNATURE_ALGORITHMS || !k.cert) {
                        names.add(k.name);
                    }
                }
                return List.copyOf(names);
        }
    }

    /** The default list, as {@code ssh -F none -G} prints it. */
    public static List<String> defaults(Kind kind, Dialect d) {
        boolean modern = d.atLeast(10, 0);
        switch (kind) {
            case CIPHERS:
                return modern ? CIPHERS_DEFAULT_105 : CIPHERS_DEFAULT_92;
            case MACS:
                return MACS_DEFAULT;
            case KEX_ALGORITHMS:
                return modern ? KEX_DEFAULT_105 : d.debian ? KEX_DEFAULT_DEB92 : KEX_DEFAULT_UP92;
            case CA_SIGNATURE_ALGORITHMS:
                return modern ? CA_DEFAULT_105 : CA_DEFAULT_92;
            default:
                return modern ? PK_DEFAULT_105 : PK_DEFAULT_92;
        }
    }

    /**
     * Parse-time check of the keyword's single argument (the raw text, prefix included). A {@code -} list is
     * never checked; {@code +}/{@code ^} lists are checked after the prefix. Like OpenSSH, checking stops at the
     * first empty element. Errors: {@code Missing argument.}, {@code Bad SSH2 cipher spec 'x'.},
     * {@code Bad SSH2 MAC spec 'x'.}, {@code Bad SSH2 KexAlgorithms 'x'.}, {@code Bad key types 'x'.}.
     */
    public static ValueResult<String> validate(Kind kind, String arg, Dialect d) {
        if (arg == null || arg.isEmpty()) {
            return ValueResult.err("Missing argument.");
        }
        if (arg.charAt(0) == '-') {
            return ValueResult.ok(arg);
        }
        String names = arg.charAt(0) == '+' || arg.charAt(0) == '^' ? arg.substring(1) : arg;
        boolean ok = !names.isEmpty();
        if (ok) {
            for (String p : names.split(",", -1)) {
                if (p.isEmpty()) {
                    break;
                }
                if (!validName(kind, p, d)) {
                    ok = false;
                    break;
                }
            }
        }
        return ok ? ValueResult.ok(arg) : ValueResult.err(String.format(Locale.ROOT, kind.badFormat, arg));
    }

    private static boolean validName(Kind kind, String p, Dialect d) {
        switch (kind) {
            case CIPHERS:
                return CIPHERS.contains(p);
            case MACS:
                return MACS.contains(p);
            case KEX_ALGORITHMS:
                if (supported(kind, d).contains(p)) {
                    return true;
                }
                return d.debian && KEX_GSS_PREFIXES.stream().anyMatch(p::startsWith);
            default:
                for (KeyImpl k : keys(d)) {
                    if (k.name.equals(p) || (!k.cert && k.shortName.equalsIgnoreCase(p))) {
                        return !(kind == Kind.CA_SIGNATURE_ALGORITHMS && d.atLeast(10, 0) && k.cert);
                    }
                }
                for (KeyImpl k : keys(d)) {
                    if (matchPatternList(k.name, p) != 0) {
                        return true;
                    }
                }
                return false;
        }
    }

    /**
     * {@code kex_assemble_names} for the configured value ({@code null} when unset, giving the default) to the
     * comma-joined list {@code ssh -G} prints; a {@code -} list may print as empty. An empty result of a
     * {@code +}/{@code ^}/explicit list or a {@code !} pattern in one is an error:
     * {@code fill_default_options: <field>: invalid argument} ({@code dump_client_config: expand HostKeyAlgorithms:
     * invalid argument} for HostKeyAlgorithms). 9.2 goes on after the fill_default_options error (exit 0) with
     * this and every later list in {@link Kind} order unset (not printed); 10.x exits 255.
     */
    public static ValueResult<String> assemble(Kind kind, String configured, Dialect d) {
        if (configured == null || configured.isEmpty()) {
            return ValueResult.ok(defaultText(kind, d));
        }
        AssembleKey key = new AssembleKey(kind, d, configured);
        ValueResult<String> r = ASSEMBLED.get(key);
        if (r == null) {
            r = assembleConfigured(kind, configured, d);
            if (ASSEMBLED.size() < MAX_ASSEMBLED && configured.length() <= MAX_ASSEMBLED_KEY) {
                ASSEMBLED.put(key, r);
            }
        }
        return r;
    }

    private static String defaultText(Kind kind, Dialect d) {
        return DEFAULT_TEXT.get(d).get(kind.ordinal());
    }

    private static ValueResult<String> assembleConfigured(Kind kind, String configured, Dialect d) {
        List<String> def = defaults(kind, d);
        List<String> all = supported(kind, d);
        String list;
        char c = configured.charAt(0);
        if (c == '+') {
            list = namesCat(defaultText(kind, d), configured.substring(1));
        } else if (c == '-') {
            String filter = configured.substring(1);
            List<String> kept = new ArrayList<>();
            for (String name : def) {
                if (matchPatternList(name, filter) != 1) {
                    kept.add(name);
                }
            }
            return ValueResult.ok(String.join(",", kept));
        } else if (c == '^') {
            list = namesCat(configured.substring(1), defaultText(kind, d));
        } else {
            list = configured;
        }
        String ret = "";
        for (String pattern : list.split(",", -1)) {
            if (pattern.startsWith("!")) {
                return assembleError(kind);
            }
            StringBuilder matching = new StringBuilder();
            for (String name : all) {
                if (matchPatternList(name, pattern) == 1) {
                    if (matching.length() > 0) {
                        matching.append(',');
                    }
                    matching.append(name);
                }
            }
            ret = namesCat(ret, matching.toString());
        }
        if (ret.isEmpty()) {
            return assembleError(kind);
        }
        return ValueResult.ok(ret);
    }

    private static ValueResult<String> assembleError(Kind kind) {
        if (kind == Kind.HOST_KEY_ALGORITHMS) {
            return ValueResult.err("dump_client_config: expand HostKeyAlgorithms: invalid argument");
        }
        return ValueResult.err("fill_default_options: " + kind.field + ": invalid argument");
    }

    /** {@code kex_names_cat}: a, then each name of b not already in the result; stops at an empty name of b. */
    private static String namesCat(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        List<String> out = new ArrayList<>(List.of(a.split(",", -1)));
        for (String p : b.split(",", -1)) {
            if (p.isEmpty()) {
                break;
            }
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return String.join(",", out);
    }

    private static List<KeyImpl> keys(Dialect d) {
        return d.atLeast(10, 0) ? KEYS_105 : KEYS_92;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return List.copyOf(l);
    }

    /** {@code match_pattern_list(string, pattern, 0)}: 1 positive, -1 negated match, 0 none. */
    static int matchPatternList(String string, String pattern) {
        boolean positive = false;
        int i = 0;
        int len = pattern.length();
        while (i < len) {
            boolean negated = false;
            if (pattern.charAt(i) == '!') {
                negated = true;
                i++;
            }
            int start = i;
            while (i < len && pattern.charAt(i) != ',') {
                i++;
            }
            if (i - start >= 1023) {
                return 0;
            }
            String sub = pattern.substring(start, i);
            if (i < len) {
                i++;
            }
            if (matchPattern(string, 0, sub, 0)) {
                if (negated) {
                    return -1;
                }
                positive = true;
            }
        }
        return positive ? 1 : 0;
    }

    /** {@code match_pattern}: {@code *} and {@code ?} wildcards, case-sensitive. */
    static boolean matchPattern(String s, int si, String p, int pi) {
        while (true) {
            if (pi == p.length()) {
                return si == s.length();
            }
            char pc = p.charAt(pi);
            if (pc == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k < s.length(); k++) {
                    if (matchPattern(s, k, p, pi)) {
                        return true;
                    }
                }
                return false;
            }
            if (si == s.length()) {
                return false;
            }
            if (pc != '?' && pc != s.charAt(si)) {
                return false;
            }
            si++;
            pi++;
        }
    }
}
