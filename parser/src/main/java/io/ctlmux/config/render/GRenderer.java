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
import io.ctlmux.config.resolved.OptionState;
import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.resolved.ResolvedOptions;
import io.ctlmux.config.resolved.ResolvedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dump_client_config: turns the final option state into the lines {@code ssh -G} prints, in OpenSSH's order and
 * spelling, for one dialect. Each line keeps the provenance of the option it shows.
 */
public final class GRenderer {
    private final OptionState o;
    private final Dialect d;
    private final List<ResolvedValue> out = new ArrayList<>();
    /** Set when an algorithm list cannot be assembled (9.2 prints an error and omits that and later lists). */
    private final List<String> errors = new ArrayList<>();

    private GRenderer(OptionState o, Dialect d) {
        this.o = o;
        this.d = d;
    }

    /** The rendered lines plus the stderr lines OpenSSH prints while rendering (rare). */
    public record Rendered(ResolvedOptions options, List<String> stderr) {
    }

    public static Rendered render(OptionState o, Dialect d, String hostArg, String host) {
        GRenderer r = new GRenderer(o, d);
        r.run(hostArg, host);
        return new Rendered(new ResolvedOptions(r.out), List.copyOf(r.errors));
    }

    private Provenance prov(String key) {
        OptionState.Slot s = o.slots().get(key);
        return s == null || s.value() == null ? Provenance.DEFAULT : s.provenance();
    }

    private void line(String key, String kw, String value) {
        out.add(new ResolvedValue(kw, value, prov(key)));
    }

    private void str(String key) {
        Object v = o.get(key);
        if (v != null) {
            line(key, key, v.toString());
        }
    }

    private void intv(String key) {
        line(key, key, Integer.toString(o.getInt(key, -1)));
    }

    private void flag(String key) {
        fmt(key, Choices.FLAG);
    }

    private void fmt(String key, Choices c) {
        int v = o.getInt(key, -1);
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
            Object kex = o.get("gssapikexalgorithms");
            line("gssapikexalgorithms", "gssapikexalgorithms", kex != null ? kex.toString()
                    : "gss-group14-sha256-,gss-group16-sha512-,gss-nistp256-sha256-,gss-curve25519-sha256-,"
                    + "gss-group14-sha1-,gss-gex-sha1-");
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
                    NamedValues.renderObscureKeystrokeTiming(o.getInt("obscurekeystroketiming", 20)));
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

        List<Forward> local = o.get("localforward");
        List<Forward> remote = o.get("remoteforward");
        for (String l : Forward.renderDump(local == null ? List.of() : local, remote == null ? List.of() : remote)) {
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
        String lv = o.get("logverbose");
        line("logverbose", "logverbose", lv == null ? "none" : lv);
        if (d.atLeast(9, 6)) {
            List<String> ct = o.get("channeltimeout");
            whole("channeltimeout", ListValues.renderChannelTimeout(ct == null ? List.of() : ct));
        }
        List<String> pro = o.get("permitremoteopen");
        line("permitremoteopen", "permitremoteopen", pro == null || pro.isEmpty() ? "any" : String.join(" ", pro));

        whole("addkeystoagent", this.<AddKeysToAgent>value("addkeystoagent").render());
        String fap = o.get("forwardagentpath");
        if (fap == null) {
            flag("forwardagent");
        } else {
            line("forwardagentpath", "forwardagent", fap);
        }
        int ct = o.getInt("connecttimeout", -1);
        line("connecttimeout", "connecttimeout", ct == -1 ? "none" : Integer.toString(ct));
        whole("tunneldevice", this.<TunnelDevice>value("tunneldevice").render());
        List<ListValues.PermittedCname> cn = o.get("canonicalizepermittedcnames");
        whole("canonicalizepermittedcnames", ListValues.renderPermittedCnames(cn == null ? List.of() : cn));
        whole("controlpersist", this.<ControlPersist>value("controlpersist").render());
        whole("escapechar", EscapeChar.render(o.getInt("escapechar", EscapeChar.DEFAULT)));
        int[] q = o.get("ipqos");
        line("ipqos", "ipqos", IpQos.name(q[0], d) + " " + IpQos.name(q[1], d));
        Object rl = o.get("rekeylimit");
        line("rekeylimit", "rekeylimit", rl + " " + o.getInt("rekeyinterval", 0));
        whole("streamlocalbindmask", NamedValues.renderStreamLocalBindMask(o.getInt("streamlocalbindmask", 0177)));
        str("syslogfacility");
        ProxyJump j = o.get("jumphost");
        if (j == null) {
            str("proxycommand");
        } else {
            String r = j.render();
            if (r != null) {
                line("jumphost", "proxyjump", r.substring("proxyjump ".length()));
            }
        }
    }

    private <T> T value(String key) {
        return o.get(key);
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
        String configured = o.get(key);
        var r = Algorithms.assemble(kind, configured, d);
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
        List<?> l = o.get(key);
        if (l != null) {
            OptionState.Slot slot = o.slot(key).orElseThrow();
            for (int i = 0; i < l.size(); i++) {
                out.add(new ResolvedValue(key, l.get(i).toString(), slot.itemProvenance(i)));
            }
        }
    }

    private void oneLine(String key, boolean noneWhenEmpty) {
        List<?> l = o.get(key);
        if (l == null || l.isEmpty()) {
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
