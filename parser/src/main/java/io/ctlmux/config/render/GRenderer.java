package io.ctlmux.config.render;

import io.ctlmux.config.keyword.AddKeysToAgent;
import io.ctlmux.config.keyword.Algorithms;
import io.ctlmux.config.keyword.ControlPersist;
import io.ctlmux.config.keyword.EscapeChar;
import io.ctlmux.config.keyword.ListValues;
import io.ctlmux.config.keyword.NamedValues;
import io.ctlmux.config.keyword.TunnelDevice;
import io.ctlmux.config.keyword.Choices;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.keyword.Forward;
import io.ctlmux.config.keyword.IpQos;
import io.ctlmux.config.keyword.ProxyJump;
import io.ctlmux.config.resolved.ResolvedConfig;
import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.resolved.ResolvedOptions;
import io.ctlmux.config.resolved.ResolvedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dump_client_config: turns the resolved configuration into the lines {@code ssh -G} prints, in OpenSSH's order and
 * spelling, for one dialect. Each line keeps the provenance of the option it shows.
 */
public final class GRenderer {
    private final ResolvedConfig o;
    private final Dialect d;
    private final List<ResolvedValue> out = new ArrayList<>();
    /** Set when an algorithm list cannot be assembled (9.2 prints an error and omits that and later lists). */
    private final List<String> errors = new ArrayList<>();

    private GRenderer(ResolvedConfig o) {
        this.o = o;
        this.d = o.dialect();
    }

    /** The rendered lines plus the stderr lines OpenSSH prints while rendering (rare). */
    public record Rendered(ResolvedOptions options, List<String> stderr) {
    }

    public static Rendered render(ResolvedConfig o) {
        GRenderer r = new GRenderer(o);
        r.run(o.hostArg(), o.host());
        return new Rendered(new ResolvedOptions(r.out), List.copyOf(r.errors));
    }

    private Provenance prov(String key) {
        return o.provenance(key);
    }

    private void line(String key, String kw, String value) {
        out.add(new ResolvedValue(kw, value, prov(key)));
    }

    private void str(String key) {
        o.string(key).ifPresent(v -> line(key, key, v));
    }

    private void intv(String key) {
        line(key, key, Integer.toString(o.integer(key, -1)));
    }

    private void flag(String key) {
        fmt(key, Choices.FLAG);
    }

    private void fmt(String key, Choices c) {
        int v = o.integer(key, -1);
        String s;
        if (v == -1) {
            s = "unset";
        } else if (c == Choices.FLAG) {
            s = v == 0 ? "no" : v == 1 ? "yes" : "UNKNOWN";
        } else {
            s = c.format(v);
        }
        line(key, key, s);
    }

    private void run(String hostArg, String host) {
        Optional<String> hka = assemble(Algorithms.Kind.HOST_KEY_ALGORITHMS, "hostkeyalgorithms", true);
        out.add(new ResolvedValue("host", hostArg, Provenance.DEFAULT));
        str("user");
        line("hostname", "hostname", host);
        intv("port");
        fmt("addressfamily", Choices.ADDRESS_FAMILY);
        flag("batchmode");
        flag("canonicalizefallbacklocal");
        fmt("canonicalizehostname", Choices.CANONICALIZE);
        flag("checkhostip");
        fmt("compression", d.atLeast(10, 0) ? Choices.COMPRESSION_DELAYED : Choices.FLAG);
        fmt("controlmaster", Choices.CONTROL_MASTER);
        flag("enablesshkeysign");
        flag("clearallforwardings");
        flag("exitonforwardfailure");
        str("fingerprinthash");
        flag("forwardx11");
        flag("forwardx11trusted");
        flag("gatewayports");
        if (d.debian) {
            flag("gssapiauthentication");
            flag("gssapikeyexchange");
            flag("gssapidelegatecredentials");
            flag("gssapitrustdns");
            flag("gssapirenewalforcesrekey");
            str("gssapiclientidentity");
            str("gssapiserveridentity");
            line("gssapikexalgorithms", "gssapikexalgorithms", o.string("gssapikexalgorithms").orElse(
                    "gss-group14-sha256-,gss-group16-sha512-,gss-nistp256-sha256-,gss-curve25519-sha256-,"
                    + "gss-group14-sha1-,gss-gex-sha1-"));
        }
        flag("hashknownhosts");
        flag("hostbasedauthentication");
        flag("identitiesonly");
        flag("kbdinteractiveauthentication");
        flag("nohostauthenticationforlocalhost");
        flag("passwordauthentication");
        flag("permitlocalcommand");
        flag("proxyusefdpass");
        fmt("pubkeyauthentication", Choices.PUBKEY_AUTH);
        fmt("requesttty", Choices.REQUEST_TTY);
        fmt("sessiontype", Choices.SESSION_TYPE);
        flag("stdinnull");
        flag("forkafterauthentication");
        flag("streamlocalbindunlink");
        fmt("stricthostkeychecking", Choices.STRICT_HOSTKEY);
        flag("tcpkeepalive");
        fmt("tunnel", Choices.TUNNEL);
        fmt("verifyhostkeydns", Choices.YES_NO_ASK);
        flag("visualhostkey");
        fmt("updatehostkeys", Choices.YES_NO_ASK);
        flag("enableescapecommandline");
        if (d.atLeast(10, 1)) {
            flag("warnweakcrypto");
        }

        intv("canonicalizemaxdots");
        intv("connectionattempts");
        intv("forwardx11timeout");
        intv("numberofpasswordprompts");
        intv("serveralivecountmax");
        intv("serveraliveinterval");
        intv("requiredrsasize");
        if (d.atLeast(9, 5)) {
            whole("obscurekeystroketiming",
                    NamedValues.renderObscureKeystrokeTiming(o.integer("obscurekeystroketiming", 20)));
        }

        str("bindaddress");
        str("bindinterface");
        listLine("ciphers", assemble(Algorithms.Kind.CIPHERS, "ciphers", false));
        str("controlpath");
        listLine("hostkeyalgorithms", hka);
        str("hostkeyalias");
        listLine("hostbasedacceptedalgorithms",
                assemble(Algorithms.Kind.HOSTBASED_ACCEPTED_ALGORITHMS, "hostbasedacceptedalgorithms", false));
        str("identityagent");
        str("ignoreunknown");
        str("kbdinteractivedevices");
        listLine("kexalgorithms", assemble(Algorithms.Kind.KEX_ALGORITHMS, "kexalgorithms", false));
        listLine("casignaturealgorithms",
                assemble(Algorithms.Kind.CA_SIGNATURE_ALGORITHMS, "casignaturealgorithms", false));
        str("localcommand");
        str("remotecommand");
        str("loglevel");
        listLine("macs", assemble(Algorithms.Kind.MACS, "macs", false));
        str("pkcs11provider");
        str("securitykeyprovider");
        str("preferredauthentications");
        listLine("pubkeyacceptedalgorithms",
                assemble(Algorithms.Kind.PUBKEY_ACCEPTED_ALGORITHMS, "pubkeyacceptedalgorithms", false));
        if (!d.atLeast(10, 3)) {
            str("revokedhostkeys");
        }
        str("xauthlocation");
        str("knownhostscommand");
        if (d.atLeast(9, 4)) {
            str("tag");
        }
        if (d.atLeast(10, 0)) {
            str("versionaddendum");
        }

        for (String l : Forward.renderDump(o.localForwards(), o.remoteForwards())) {
            int sp = l.indexOf(' ');
            String kw = l.substring(0, sp);
            line(kw.equals("remoteforward") ? "remoteforward" : "localforward", kw, l.substring(sp + 1));
        }

        eachLine("identityfile");
        oneLine("canonicaldomains", true);
        eachLine("certificatefile");
        oneLine("globalknownhostsfile", false);
        oneLine("userknownhostsfile", false);
        if (d.atLeast(10, 3)) {
            oneLine("revokedhostkeys", true);
        }
        eachLine("sendenv");
        eachLine("setenv");
        line("logverbose", "logverbose", o.string("logverbose").orElse("none"));
        if (d.atLeast(9, 6)) {
            whole("channeltimeout", ListValues.renderChannelTimeout(o.list("channeltimeout", String.class)));
        }
        List<String> pro = o.list("permitremoteopen", String.class);
        line("permitremoteopen", "permitremoteopen", pro.isEmpty() ? "any" : String.join(" ", pro));

        whole("addkeystoagent", o.value("addkeystoagent", AddKeysToAgent.class).orElseThrow().render());
        Optional<String> fap = o.string("forwardagentpath");
        if (fap.isEmpty()) {
            flag("forwardagent");
        } else {
            line("forwardagentpath", "forwardagent", fap.get());
        }
        int ct = o.integer("connecttimeout", -1);
        line("connecttimeout", "connecttimeout", ct == -1 ? "none" : Integer.toString(ct));
        whole("tunneldevice", o.value("tunneldevice", TunnelDevice.class).orElseThrow().render());
        whole("canonicalizepermittedcnames", ListValues.renderPermittedCnames(
                o.list("canonicalizepermittedcnames", ListValues.PermittedCname.class)));
        whole("controlpersist", o.controlPersist().render());
        whole("escapechar", EscapeChar.render(o.integer("escapechar", EscapeChar.DEFAULT)));
        int[] q = o.value("ipqos", int[].class).orElseThrow();
        line("ipqos", "ipqos", IpQos.name(q[0], d) + " " + IpQos.name(q[1], d));
        line("rekeylimit", "rekeylimit", o.value("rekeylimit", Long.class).orElseThrow() + " "
                + o.integer("rekeyinterval", 0));
        whole("streamlocalbindmask", NamedValues.renderStreamLocalBindMask(o.integer("streamlocalbindmask", 0177)));
        str("syslogfacility");
        ProxyJump j = o.value("jumphost", ProxyJump.class).orElse(null);
        if (j == null) {
            str("proxycommand");
        } else {
            String r = j.render();
            if (r != null) {
                line("jumphost", "proxyjump", r.substring("proxyjump ".length()));
            }
        }
    }

    /** A line whose full text (keyword and value) comes from a value class's -G rendering. */
    private void whole(String key, String rendered) {
        int sp = rendered.indexOf(' ');
        out.add(new ResolvedValue(rendered.substring(0, sp), rendered.substring(sp + 1), prov(key)));
    }

    private Optional<String> assemble(Algorithms.Kind kind, String key, boolean hostKeys) {
        if (!errors.isEmpty() && !d.atLeast(10, 0) && !hostKeys) {
            return Optional.empty();
        }
        var r = Algorithms.assemble(kind, o.string(key).orElse(null), d);
        if (!r.isOk()) {
            errors.add(r.error());
            return Optional.empty();
        }
        return Optional.of(r.value());
    }

    private void listLine(String key, Optional<String> v) {
        v.ifPresent(s -> line(key, key, s));
    }

    private void eachLine(String key) {
        List<Object> l = o.list(key, Object.class);
        for (int i = 0; i < l.size(); i++) {
            out.add(new ResolvedValue(key, l.get(i).toString(), o.itemProvenance(key, i)));
        }
    }

    private void oneLine(String key, boolean noneWhenEmpty) {
        List<Object> l = o.list(key, Object.class);
        if (l.isEmpty()) {
            if (noneWhenEmpty) {
                line(key, key, "none");
            }
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Object v : l) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(v);
        }
        line(key, key, sb.toString());
    }
}
