package io.ctlmux.config.eval;

import io.ctlmux.config.keyword.AddKeysToAgent;
import io.ctlmux.config.keyword.Choices;
import io.ctlmux.config.keyword.ControlPersist;
import io.ctlmux.config.keyword.Dialect;
import io.ctlmux.config.keyword.EscapeChar;
import io.ctlmux.config.keyword.NamedValues;
import io.ctlmux.config.keyword.TunnelDevice;
import io.ctlmux.config.keyword.ProxyJump;
import java.util.ArrayList;
import java.util.List;

/** fill_default_options: OpenSSH's defaults for every option still unset, per dialect. */
final class Defaults {
    private Defaults() {
    }

    static void fill(Evaluator ev) {
        OptionState o = ev.o;
        Dialect d = ev.dialect();
        boolean stdio = o.isSet("stdioforward");
        o.defaultTo("forwardagent", 0);
        o.defaultTo("forwardx11", 0);
        o.defaultTo("forwardx11trusted", d.debian ? 1 : 0);
        o.defaultTo("forwardx11timeout", 1200);
        o.defaultTo("exitonforwardfailure", stdio ? 1 : 0);
        o.defaultTo("clearallforwardings", stdio ? 1 : 0);
        if (o.getInt("clearallforwardings", 0) == 1) {
            // clear_forwardings: the forwards and the tunnel (tun_open = SSH_TUNMODE_NO; the default below)
            o.clear("localforward");
            o.clear("remoteforward");
            o.clear("tunnel");
        }
        o.defaultTo("xauthlocation", "/usr/bin/xauth");
        o.defaultTo("gatewayports", 0);
        o.defaultTo("streamlocalbindmask", 0177);
        o.defaultTo("streamlocalbindunlink", 0);
        o.defaultTo("pubkeyauthentication", 3);
        o.defaultTo("gssapiauthentication", 0);
        o.defaultTo("gssapidelegatecredentials", 0);
        if (d.debian) {
            o.defaultTo("gssapikeyexchange", 0);
            o.defaultTo("gssapitrustdns", 0);
            o.defaultTo("gssapirenewalforcesrekey", 0);
        }
        o.defaultTo("passwordauthentication", 1);
        o.defaultTo("kbdinteractiveauthentication", 1);
        o.defaultTo("hostbasedauthentication", 0);
        o.defaultTo("batchmode", 0);
        o.defaultTo("checkhostip", 0);
        o.defaultTo("stricthostkeychecking", 1);
        o.defaultTo("compression", 0);
        o.defaultTo("tcpkeepalive", 1);
        o.defaultTo("port", 0);
        o.defaultTo("addressfamily", 0);
        o.defaultTo("connectionattempts", 1);
        o.defaultTo("numberofpasswordprompts", 3);
        o.defaultTo("addkeystoagent", new AddKeysToAgent(0, 0));
        if (!o.isSet("identityfile")) {
            List<String> ids = new ArrayList<>(List.of("~/.ssh/id_rsa", "~/.ssh/id_ecdsa", "~/.ssh/id_ecdsa_sk",
                    "~/.ssh/id_ed25519", "~/.ssh/id_ed25519_sk"));
            if (d.atLeast(10, 0)) {
                ids.add("~/.ssh/id_mldsa44_ed25519");
            } else {
                ids.add("~/.ssh/id_xmss");
                ids.add("~/.ssh/id_dsa");
            }
            o.defaultTo("identityfile", ids);
        }
        o.defaultTo("escapechar", EscapeChar.DEFAULT);
        o.defaultTo("globalknownhostsfile", List.of("/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"));
        if (!o.isSet("updatehostkeys")) {
            List<String> ukh = o.get("userknownhostsfile");
            boolean defaultUkh = ukh == null || (ukh.size() == 1 && ukh.get(0).equals("~/.ssh/known_hosts"));
            o.defaultTo("updatehostkeys", o.getInt("verifyhostkeydns", 0) <= 0 && defaultUkh ? 1 : 0);
        }
        o.defaultTo("userknownhostsfile", List.of("~/.ssh/known_hosts", "~/.ssh/known_hosts2"));
        o.defaultTo("loglevel", "INFO");
        o.defaultTo("syslogfacility", "USER");
        o.defaultTo("nohostauthenticationforlocalhost", 0);
        o.defaultTo("identitiesonly", 0);
        o.defaultTo("enablesshkeysign", 0);
        o.defaultTo("rekeylimit", 0L);
        o.defaultTo("rekeyinterval", 0);
        o.defaultTo("verifyhostkeydns", 0);
        if (d.debian && o.getInt("batchmode", 0) == 1) {
            o.defaultTo("serveraliveinterval", 300); // Debian: keepalives in batch mode
        }
        o.defaultTo("serveraliveinterval", 0);
        o.defaultTo("serveralivecountmax", 3);
        o.defaultTo("controlmaster", Choices.CONTROL_MASTER.parse("no").getAsInt()); // no ControlMaster class at start-up
        o.defaultTo("controlpersist", ControlPersist.DEFAULT);
        o.defaultTo("hashknownhosts", 0);
        o.defaultTo("tunnel", 0);
        o.defaultTo("tunneldevice", TunnelDevice.DEFAULT);
        o.defaultTo("permitlocalcommand", 0);
        o.defaultTo("visualhostkey", 0);
        o.defaultTo("ipqos", d.debian ? new int[] {0x10, 0x08} : d.atLeast(10, 1) ? new int[] {0xb8, 0x00}
                : new int[] {0x48, 0x20});
        o.defaultTo("requesttty", 0);
        o.defaultTo("sessiontype", 2);
        o.defaultTo("stdinnull", 0);
        o.defaultTo("forkafterauthentication", 0);
        o.defaultTo("proxyusefdpass", 0);
        o.defaultTo("canonicalizemaxdots", 1);
        o.defaultTo("canonicalizefallbacklocal", 1);
        o.defaultTo("canonicalizehostname", 0);
        o.defaultTo("fingerprinthash", "SHA256");
        o.defaultTo("securitykeyprovider", d.debian ? "internal" : "$SSH_SK_PROVIDER");
        o.defaultTo("requiredrsasize", 1024);
        o.defaultTo("enableescapecommandline", 0);
        if (d.atLeast(9, 5)) {
            o.defaultTo("obscurekeystroketiming", NamedValues.KEYSTROKE_DEFAULT_MS);
        }
        if (d.atLeast(10, 1)) {
            o.defaultTo("warnweakcrypto", 1);
        }
        for (String key : List.of("localcommand", "remotecommand", "proxycommand", "controlpath", "revokedhostkeys",
                "pkcs11provider", "securitykeyprovider", "knownhostscommand")) {
            Object v = o.get(key);
            if (v instanceof List<?> l && l.size() == 1) {
                v = l.get(0); // RevokedHostKeys is a list from 10.3 (CLEAR_ON_NONE_ARRAY)
            }
            if (v instanceof String s && s.equalsIgnoreCase("none")) {
                o.clear(key);
            }
        }
        ProxyJump j = o.get("jumphost");
        if (j != null && j.disabled()) {
            o.clear("jumphost");
        }
    }
}
