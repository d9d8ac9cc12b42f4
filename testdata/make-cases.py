#!/usr/bin/env python3
"""Write the input files of the conformance cases under testdata/<set>/<case>/ (set: conformance, or one named
with set=, e.g. conformance-deb12u10 for cases recorded with Debian's 2+deb12u10 client).

Each case is a directory with `config` (and any include files), `args` (ssh arguments after -G, one per line)
and optionally `env` (NAME=VALUE lines added to a minimal environment). `{dir}` in any of them stands for the
case's directory, `{home}` and `{user}` for the local home directory and user name. The expected outputs are
recorded from the real client by testdata/record.sh, never written here. Re-running this script rewrites the
input files of the cases it knows and leaves recorded files alone.

  testdata/make-cases.py && testdata/record.sh
"""
import os
import sys

TESTDATA = os.path.dirname(os.path.abspath(__file__))
CASES = {}


def case(name, config, args=None, files=None, env=None, host="h", set="conformance"):
    assert (set, name) not in CASES, name
    if args is None:
        args = ["-F", "{dir}/config", host]
    CASES[(set, name)] = (config, args, files or {}, env or {})


def F(*rest):
    """args: -F {dir}/config then the rest."""
    return ["-F", "{dir}/config", *rest]


# ---- reference section 8: corner cases ------------------------------------------------------------------------
case("s8-01-host-case-sensitive", "Host foo\n  User alice\n", F("FOO"))
case("s8-01-match-host-case-insensitive", "Match host foo\n  User alice\n", F("FOO"))
case("s8-02-host-comma-literal", "Host foo,bar\n  User alice\n", F("foo"))
case("s8-02-host-comma-literal-typed", "Host foo,bar\n  User alice\n", F("foo,bar"))
case("s8-02-match-host-comma-list", "Match host foo,bar\n  User alice\n", F("foo"))
FINAL = "Host alias\n  Hostname real.example\nMatch final\nHost real.example\n  User bob\n"
case("s8-03-final-pass-rematches-host", FINAL, F("alias"))
case("s8-03-no-final-pass", "Host alias\n  Hostname real.example\nHost real.example\n  User bob\n", F("alias"))
case("s8-04-rest-of-line-keeps-comment", "User bob # comment\nProxyCommand nc %h %p # comment\n")
case("s8-05-controlpersist-case-sensitive", "ControlMaster Yes\nControlPersist Yes\n")
case("s8-05-controlmaster-case-insensitive", "ControlMaster AUTO\n")
case("s8-05-controlpersist-zero", "ControlPersist 0\n")
case("s8-06-M-twice", "", F("-M", "-M", "h"))
case("s8-06-MMM", "", F("-MMM", "h"))
case("s8-06-o-yes-M", "", F("-o", "ControlMaster=yes", "-M", "h"))
case("s8-06-o-auto-M", "", F("-o", "ControlMaster=auto", "-M", "h"))
case("s8-07-logverbose-first-arg", "LogVerbose kex.c:*:1000 packet.c:*\n")
case("s8-08-localforward-unix-socket", "LocalForward 8083 /tmp/r.sock\n")
case("s8-09-sendenv-final-pass-duplicates", "SendEnv FOO\nMatch final\n")
case("s8-09-identityfile-final-pass-dedup", "IdentityFile /tmp/k1\nCertificateFile /tmp/c1\nLocalForward 1 a:2\nMatch final\n")
case("s8-10-unscoped-mask-facility", "Host nomatch\n  StreamLocalBindMask 0700\n  SyslogFacility LOCAL5\n")
case("s8-10-streamlocalbindmask-last-wins", "StreamLocalBindMask 0111\nStreamLocalBindMask 0222\n")
case("s8-11-bom", "\ufeffUser bob\n")
case("s8-12-double-equals", "User == bob\n")
case("s8-12-equals-in-value", "User=foo=bar\n")
case("s8-12-equals-spaces", "User = bob\n")
case("s8-13-inactive-include-bad-keyword", "Host nomatch\n  Include {dir}/bad.inc\n", files={"bad.inc": "Bogus yes\n"})
case("s8-14-env-whole-forward-spec", "LocalForward ${P} ${H}:22\nRemoteForward ${P} %h:22\n",
     env={"P": "1234", "H": "example.org"})
case("s8-15-match-host-then-all", "Match host h all\n  Port 13\n")
case("s8-15-match-all-then-host", "Match all host h\n  Port 13\n")
case("s8-16-hostname-no-env", "Hostname ${CTLMUX_HOST}\n", env={"CTLMUX_HOST": "Real.Example"})
case("s8-17-render-escapechar-ctrl", "EscapeChar ^A\n")
case("s8-17-render-mask-octal", "StreamLocalBindMask 0077\n")
case("s8-17-render-ipqos-number", "IPQoS 46\n")
case("s8-18-setenv-first-line", "SetEnv A=1\nSetEnv B=2\n")
case("s8-19-negation-alone", "Host !foo\n  User x\n", F("bar"))
case("s8-19-negation-with-star", "Host * !foo\n  User x\n", F("bar"))
case("s8-19-negation-with-star-excluded", "Host * !foo\n  User x\n", F("foo"))
case("s8-20-ignoreunknown-positional", "Bogus yes\nIgnoreUnknown bogus\n")
case("s8-20-ignoreunknown-before", "IgnoreUnknown bogus,other*\nBogus yes\nOtherThing 1\n")
case("s8-21-controlpath-token-mix",
     "Host h\n  Hostname Real.Example.COM\n  User bob\n  Port 2200\n  ControlPath ~/.ssh/cm-%%-%C-%h-%p-%r-%n-%k-%L\n")
case("s8-22-match-host-spaced-equals-92", "Match host = h\n  User eq\n")
case("s8-22-connecttimeout-fraction-92", "ConnectTimeout 1.5\n")
case("s8-22-connecttimeout-repeated-unit-92", "ConnectTimeout 5s5s\n")
case("s8-22-versionaddendum-unknown-92", "VersionAddendum hello %h # c\n")

# ---- reference section 7: regress/sshcfgparse.sh ---------------------------------------------------------------
case("s7-sshcfgparse-efw-default", "", ["-F", "none", "h"])
case("s7-sshcfgparse-efw-W", "", ["-F", "none", "-W", "a:1", "h"])
case("s7-sshcfgparse-efw-W-override", "",
     ["-F", "none", "-W", "a:1", "-o", "exitonforwardfailure=no", "-o", "clearallforwardings=no", "h"])
case("s7-sshcfgparse-user-o-first", "", ["-F", "none", "-o", "user=foo", "-l", "bar", "baz@host"])
case("s7-sshcfgparse-user-l-joined", "", ["-F", "none", "-lbar", "baz@host"])
case("s7-sshcfgparse-user-dest-first", "", ["-F", "none", "baz@host", "-o", "user=foo", "-l", "bar", "baz@host"])
case("s7-sshcfgparse-user-config", "User fromconfig\n")
case("s7-sshcfgparse-pubkey-only", "", ["-F", "none", "-o", "pubkeyacceptedalgorithms=ssh-ed25519", "h"])
case("s7-sshcfgparse-pubkey-minus-cert", "", ["-F", "none", "-o", "pubkeyacceptedalgorithms=-ssh-ed25519-cert*", "h"])
case("s7-sshcfgparse-pubkey-minus-plain", "", ["-F", "none", "-o", "pubkeyacceptedalgorithms=-ssh-ed25519", "h"])
case("s7-sshcfgparse-forwardagent-no", "", ["-F", "none", "-oforwardagent=no", "h"])
case("s7-sshcfgparse-forwardagent-yes", "", ["-F", "none", "-oforwardagent=yes", "h"])
case("s7-sshcfgparse-forwardagent-path", "", ["-F", "none", "-oforwardagent=SSH_AUTH_SOCK.forward", "h"])
case("s7-sshcfgparse-cli-beats-ipqos", "IPQoS af21 cs1\nTunnelDevice 1:2\n",
     F("-oipqos=cs1", "-otunneldevice=3:4", "h"))

# regress/cfginclude.sh fixture
CFGINC_MAIN = """Match host a
	Hostname aa

Match host=b # comment
	Hostname bb
	Include {dir}/i.*

Match host c
	Include {dir}/i.*
	Hostname cc

Match host=m !user xxxyfake
	Include {dir}/i.*	# comment

Host d
	Hostname dd # comment

Host e
	Hostname ee
	Include {dir}/i.*

Host f
	Include {dir}/i.*
	Hostname ff

Host n
	Include {dir}/i.*
"""
CFGINC_FILES = {
    "i.0": "Match host xxxxxx\n",
    "i.1": """Match host a
	Hostname aaa

Match host=b
	Hostname bbb

Match host c # comment
	Hostname ccc

Host d # comment
	Hostname ddd

Host e
	Hostname eee

Host f
	Hostname fff # comment
""",
    "i.2": """Match host a
	Hostname aaaa

Match host b
	Hostname bbbb

Match host c
	Hostname cccc

Host d
	Hostname dddd

Host e
	Hostname eeee

Host f
	Hostname ffff

Match all
	Hostname xxxx
""",
}
for h in "abcdefmnx":
    case(f"s7-cfginclude-{h}", CFGINC_MAIN, F(h), files=CFGINC_FILES)
bad = dict(CFGINC_FILES)
bad["i.3"] = "Bogus yes\n"
case("s7-cfginclude-bad-keyword-a", CFGINC_MAIN, F("a"), files=bad)
case("s7-cfginclude-bad-keyword-x", CFGINC_MAIN, F("x"), files=bad)
case("s7-cfginclude-missing-glob", "Include {dir}/nothing-here.*\nUser still\n")
case("s7-cfginclude-match-in-include-keeps-parent",
     "Host h\n  Include {dir}/inc\n  User after\n", files={"inc": "Match host x\n  Port 9\n"})
case("s7-cfginclude-host-in-include-keeps-parent",
     "Host h\n  Include {dir}/inc\n  User after\n", files={"inc": "Host x\n  Port 9\n"})
case("s7-cfginclude-self", "Include {dir}/config\n")

# regress/percent.sh style token tables (tokens whose values depend on the machine are labelled; record.sh
# replaces the labelled values with placeholders).
TOKENS = "pct=%%-C=%C-d=%d-h=%h-uid=%i-k=%k-L=%L-l=%l-n=%n-p=%p-r=%r-u=%u"
PCT_BASE = "Host somehost\n  Hostname 127.0.0.1\n  Port 2222\n"
PCT_ALIAS = PCT_BASE + "  HostKeyAlias Localhost-With-Alias\n"
for kw, fmt in [("ControlPath", "/tmp/cp-{t}"), ("IdentityFile", "/tmp/id-{t}"),
                ("UserKnownHostsFile", "/tmp/kh-{t}"), ("LocalForward", "/tmp/lf-{t}.sock /tmp/remote.sock"),
                ("RemoteForward", "/tmp/rf-{t}.sock /tmp/local.sock"),
                ("RemoteCommand", "echo {t}"), ("IdentityAgent", "/tmp/ia-{t}"),
                ("CertificateFile", "/tmp/cert-{t}"), ("ForwardAgent", "/tmp/fa-{t}"),
                ("LocalCommand", "echo {t}-T=%T"), ("ProxyCommand", "nc %h %p %r %n %k %%")]:
    v = fmt.replace("{t}", TOKENS)
    low = kw.lower()
    case(f"pct-{low}-all", PCT_BASE + f"  {kw} {v}\n", F("remuser@somehost"))
    case(f"pct-{low}-alias", PCT_ALIAS + f"  {kw} {v}\n", F("remuser@somehost"))
for kw, fmt in [("ControlPath", "/tmp/x%Z"), ("IdentityFile", "/tmp/x%Z"), ("UserKnownHostsFile", "/tmp/x%Z"),
                ("LocalForward", "/tmp/x%Z.sock /tmp/y"), ("RemoteCommand", "echo %Z"),
                ("IdentityAgent", "/tmp/x%Z"), ("CertificateFile", "/tmp/x%Z")]:
    case(f"pct-{kw.lower()}-unknown-token", f"{kw} {fmt}\n")
for kw, fmt in [("ControlPath", "/tmp/x%"), ("RemoteCommand", "echo %"), ("IdentityFile", "/tmp/x%")]:
    case(f"pct-{kw.lower()}-trailing-percent", f"{kw} {fmt}\n")
case("pct-controlpath-typed-case", "Host MyHost\n  User bob\n  ControlPath /tmp/%h-%n-%k-%r\n", F("MyHost"))
case("pct-controlpath-tilde-alone", "ControlPath ~\n")
case("pct-controlpath-tilde-slash", "ControlPath ~/.ssh/cm\n")
case("pct-controlpath-tilde-user", "ControlPath ~{user}/cm\n")
case("pct-controlpath-tilde-unknown-user", "ControlPath ~nosuchuser-ctlmux/cm\n")
case("pct-controlpath-tilde-then-token", "ControlPath ~%u/cm\n")
case("pct-controlpath-none", "ControlPath none\n")
case("pct-hostname-percent-h", "Host h\n  Hostname %h.Example.NET\n")
case("pct-hostname-percent-percent", "Host h\n  Hostname a%%b\n")
case("pct-hostname-percent-other", "Host h\n  Hostname a%pb\n")
case("pct-userknownhostsfile-tilde", "UserKnownHostsFile ~/kh1 ~/kh2-%h\n")
case("pct-controlpath-proxyjump-C", "ProxyJump u@j1:2222,j2\nControlPath /tmp/%C\n")

# ${ENV}
E = {"FOO": "bar", "SSH_AUTH_SOCK": "/tmp/agent.sock"}
for kw, v in [("ControlPath", "/tmp/${FOO}-%h"), ("IdentityAgent", "/tmp/${FOO}"), ("ForwardAgent", "/tmp/${FOO}"),
              ("UserKnownHostsFile", "/tmp/${FOO} /tmp/${FOO}2"), ("IdentityFile", "/tmp/${FOO}"),
              ("CertificateFile", "/tmp/${FOO}"), ("LocalForward", "/tmp/${FOO}.sock /tmp/r.sock"),
              ("RemoteForward", "/tmp/${FOO}.sock /tmp/l.sock"), ("RemoteCommand", "echo ${FOO}"),
              ("User", "${FOO}"), ("ProxyCommand", "nc ${FOO} %p"), ("LocalCommand", "echo ${FOO}")]:
    case(f"env-{kw.lower()}", f"{kw} {v}\n", env=E)
case("env-unset-variable", "ControlPath /tmp/${NOT_SET_CTLMUX}\n", env=E)
case("env-missing-brace", "ControlPath /tmp/${FOO\n", env=E)
case("env-empty-name", "ControlPath /tmp/${}\n", env=E)
case("env-dollar-plain-literal", "ControlPath /tmp/$FOO\n", env=E)
case("env-identityagent-legacy-dollar", "IdentityAgent $SSH_AUTH_SOCK\n", env=E)
case("env-forwardagent-legacy-dollar", "ForwardAgent $SSH_AUTH_SOCK\n", env=E)
case("env-identityagent-ssh-auth-sock-word", "IdentityAgent SSH_AUTH_SOCK\n", env=E)
case("env-value-with-percent", "ControlPath /tmp/${PCT}-x\n", env={"PCT": "a%hb"})
case("env-token-producing-dollar", "ControlPath /tmp/%h\n", F("a$b"), env=E)
case("env-localforward-unset", "LocalForward ${NOT_SET_CTLMUX} h:22\n", env=E)
case("env-include-literal-92", "Include {dir}/inc.${FOO}\nUser outer\n", env=E, files={"inc.${FOO}": "User literal\n"})
case("env-include-percent-literal-92", "Include {dir}/inc.%h\nUser outer\n", files={"inc.%h": "User literal\n"})

# ---- Match -----------------------------------------------------------------------------------------------------
case("match-all", "Match all\n  User m\n")
case("match-host", "Match host h\n  User m\n")
case("match-host-wildcard", "Match host *.example.com\n  User m\n", F("a.example.com"))
case("match-host-negated-criterion", "Match !host h\n  User m\n")
case("match-host-negated-criterion-other", "Match !host h\n  User m\n", F("other"))
case("match-host-negated-pattern", "Match host *,!h\n  User m\n")
case("match-host-uses-hostname", "Hostname real.example\nMatch host real.example\n  User m\n")
case("match-host-hostname-percent-h", "Hostname %h.example\nMatch host h.example\n  User m\n")
case("match-originalhost", "Hostname real.example\nMatch originalhost h\n  User m\n")
case("match-originalhost-case", "Match originalhost h\n  User m\n", F("H"))
case("match-user-from-l", "Match user alice\n  Port 1\n", F("-l", "alice", "h"))
case("match-user-from-dest", "Match user alice\n  Port 1\n", F("alice@h"))
case("match-user-from-config", "User alice\nMatch user alice\n  Port 1\n")
case("match-user-default-local", "Match user {user}\n  Port 1\n")
case("match-user-case-sensitive", "Match user Alice\n  Port 1\n", F("alice@h"))
case("match-localuser", "Match localuser {user}\n  Port 1\n")
case("match-localuser-nomatch", "Match localuser nosuchuser-ctlmux\n  Port 1\n")
case("match-canonical-pass1", "Match canonical\n  Port 1\n")
case("match-canonical-final", "Match canonical\n  Port 1\nMatch final\n  User f\n")
case("match-final", "Match final\n  Port 1\n")
case("match-not-final-requests-pass-92", "Match !final\n  Port 1\nMatch canonical\n  User c\n")
case("match-exec-true", "Match exec true\n  Port 1\n")
case("match-exec-false", "Match exec false\n  Port 1\n")
case("match-exec-not-false", "Match !exec false\n  Port 1\n")
case("match-exec-quoted", 'Match exec "test %h = h"\n  Port 1\n')
case("match-exec-token-n", 'Match exec "test %n = H"\n  Port 1\n', F("H"))
case("match-exec-signal", 'Match exec "kill -9 $$"\n  Port 1\n')
case("match-exec-after-failed", 'Match host nomatch exec "kill -9 $$"\n  Port 1\n')
case("match-exec-unknown-token", 'Match exec "echo %Z"\n  Port 1\n')
case("match-exec-final-pass", 'Match exec "test %h = real"\n  Port 1\nHost h\n  Hostname real\nMatch final\n')
case("match-criteria-uppercase", "Match HOST h ALL\n  Port 1\n")
case("match-crit-equals-92", "Match host=h\n  Port 1\n")
case("match-unknown-criterion", "Match bogus h\n  Port 1\n")
case("match-missing-argument", "Match host\n  Port 1\n")
case("match-no-criteria", "Match\n  Port 1\n")
case("match-only-comment", "Match # c\n  Port 1\n")
case("match-trailing-comment", "Match host h # comment here\n  Port 1\n")
case("match-all-alone-negated", "Match !all\n  Port 1\n")
case("match-all-three", "Match host h user x all\n  Port 1\n")
case("match-localnetwork-92", "Match localnetwork 10.0.0.0/8\n  Port 1\n")
case("match-tagged-92", "Match tagged x\n  Port 1\n")
case("match-and-short-circuit", "Match host h user nomatch\n  Port 1\n")
case("match-in-o-option", "", ["-F", "none", "-o", "Match all", "h"])
case("match-ends-host-block", "Host h\n  User hu\nMatch host nomatch\n  Port 1\n  User other\n")

# ---- Host ------------------------------------------------------------------------------------------------------
case("host-question-mark", "Host ?\n  User q\n")
case("host-star", "Host *\n  User s\n")
case("host-quoted-pattern", 'Host "a b" h\n  User q\n')
case("host-equals", "Host=h\n  User q\n")
case("host-empty-arg", 'Host ""\n  User q\n')
case("host-no-args", "Host\n  User q\n")
case("host-top-lines-global", "User top\nHost h\n  User inner\n")
case("host-first-wins-across-blocks", "Host h\n  Port 1\nHost *\n  Port 2\n  User star\n")
case("host-negated-first", "Host !foo *\n  User x\n", F("foo"))

# ---- Include ---------------------------------------------------------------------------------------------------
case("include-glob-order", "Include {dir}/inc.d/*.conf\n",
     files={"inc.d/20-b.conf": "User b\nPort 20\n", "inc.d/10-a.conf": "User a\n", "inc.d/30-c.conf": "Port 30\nHostname c\n",
            "inc.d/ignored.txt": "Hostname nope\n"})
case("include-several-args", "Include {dir}/one {dir}/two\n", files={"one": "User one\n", "two": "User two\nPort 2\n"})
case("include-directory-target", "Include {dir}/sub\nUser after\n", files={"sub/.keep": ""})
case("include-relative-missing", "Include ctlmux-does-not-exist.conf\nUser after\n")
case("include-tilde-missing", "Include ~/ctlmux-does-not-exist.conf\nUser after\n")
case("include-no-arg", "Include\n")
case("include-active-host-block", "Host h\n  Include {dir}/inc\n", files={"inc": "User inc\n"})
case("include-inactive-host-block", "Host nomatch\n  Include {dir}/inc\n", files={"inc": "User inc\n"})
case("include-match-all-inside", "Host nomatch\n  Include {dir}/inc\nUser outer\n", files={"inc": "Match all\n  Port 7\n"})
case("include-bad-value-inactive", "Host nomatch\n  Include {dir}/inc\n", files={"inc": "Port notaport\n"})


def chain(n):
    files = {}
    for i in range(1, n + 1):
        files[f"d{i:02d}"] = (f"Include {{dir}}/d{i + 1:02d}\n" if i < n else "User deepest\n")
    return files


case("include-depth-16-ok", "Include {dir}/d01\n", files=chain(16))
case("include-depth-17-fails", "Include {dir}/d01\n", files=chain(17))
case("include-mutual-recursion", "Include {dir}/a\n", files={"a": "Include {dir}/b\n", "b": "Include {dir}/a\n"})

# ---- -M, -S and other command-line flags ------------------------------------------------------------------------
case("cli-M", "", F("-M", "h"))
case("cli-MM", "", F("-MM", "h"))
case("cli-M-then-o-auto", "", F("-M", "-o", "ControlMaster=auto", "h"))
case("cli-M-config-ignored", "ControlMaster no\n", F("-M", "h"))
case("cli-MM-config-auto", "ControlMaster auto\n", F("-MM", "h"))
case("cli-o-ask-M", "", F("-o", "ControlMaster=ask", "-M", "h"))
case("cli-o-no-M", "", F("-o", "ControlMaster=no", "-M", "h"))
case("cli-M-after-dest", "", F("h", "-M"))
case("cli-S-path", "ControlPath /tmp/config-%h\n", F("-S", "/tmp/cli-%h", "h"))
case("cli-S-after-o", "", F("-o", "ControlPath=/tmp/o", "-S", "/tmp/s", "h"))
case("cli-S-none", "ControlPath /tmp/x\n", F("-S", "none", "h"))
case("cli-l-before-dest", "", F("-l", "carl", "bob@h"))
case("cli-l-after-dest", "", F("bob@h", "-l", "carl"))
case("cli-o-port-then-p", "", F("-o", "Port=1", "-p", "2", "h"))
case("cli-p-then-o-port", "", F("-p", "2", "-o", "Port=1", "h"))
case("cli-p-bad", "", F("-p", "notaport", "h"))
case("cli-p-zero", "", F("-p", "0", "h"))
case("cli-p-service", "", F("-p", "ssh", "h"))
case("cli-uri", "", F("ssh://u@h:2223"))
case("cli-uri-no-port", "", F("ssh://u@h"))
case("cli-uri-bad-port", "", F("ssh://u@h:xyz"))
case("cli-uri-service-port", "", F("ssh://u@h:ssh"))
case("cli-uri-empty-port", "", F("ssh://u@h:"))
case("cli-uri-port-then-p", "", F("ssh://u@h:2200", "-p", "2201"))
case("cli-user-last-at", "", F("a@b@h"))
case("cli-at-start", "", F("@h"))
case("cli-host-invalid-chars", "", F("a;b"))
case("cli-host-comma-debian", "", F("a,b"))
case("cli-host-dash", "", F("--", "-h"))
case("cli-user-invalid-chars", "", F("-l", "a;b", "h"))
case("cli-J", "", F("-J", "u@j1:2222,j2", "h"))
case("cli-J-twice", "", F("-J", "j1", "-J", "j2", "h"))
case("cli-J-with-proxycommand", "", F("-o", "ProxyCommand=nc %h %p", "-J", "j1", "h"))
case("cli-J-beats-config-proxycommand", "ProxyCommand nc %h %p\n", F("-J", "j1", "h"))
case("cli-proxyjump-none-first", "ProxyJump none\nProxyCommand nc %h %p\n")
case("cli-proxycommand-first", "ProxyCommand nc %h %p\nProxyJump j1\n")
case("cli-proxyjump-uri", "", F("-J", "ssh://user@host:2223", "h"))
case("cli-proxyjump-none-then-jump", "", F("-oProxyJump=none", "-oProxyJump=jump1", "h"))
case("cli-flags-4-A-C-T-g-X", "", F("-4", "-A", "-C", "-T", "-g", "-X", "h"))
case("cli-flags-6-a-t-x", "", F("-6", "-a", "-t", "-x", "h"))
case("cli-flags-tt-Y", "", F("-tt", "-Y", "h"))
case("cli-N", "", F("-N", "h"))
case("cli-n", "", F("-n", "h"))
case("cli-f-no-command", "", F("-f", "h"))
case("cli-f-command", "", F("-f", "h", "true"))
case("cli-e-ctrl", "", F("-e", "^B", "h"))
case("cli-e-none", "", F("-e", "none", "h"))
case("cli-e-bad", "", F("-e", "xy", "h"))
case("cli-q", "", F("-q", "h"))
case("cli-i-missing-file", "", F("-i", "/nonexistent/ctlmux-key", "h"))
case("cli-i-existing-file", "", F("-i", "{dir}/config", "h"))
case("cli-L-R-D", "", F("-L", "8080:localhost:80", "-R", "9090:localhost:90", "-D", "1080", "h"))
case("cli-L-bad", "", F("-L", "bogus", "h"))
case("cli-o-unknown", "", F("-o", "Bogus=1", "h"))
case("cli-o-bad-value", "", F("-o", "BatchMode=maybe", "h"))
case("cli-F-none", "", ["-F", "none", "Example.COM"])
case("cli-F-last-wins", "User first\n", ["-F", "/nonexistent/ctlmux", "-F", "{dir}/config", "h"])
case("cli-F-missing", "", ["-F", "{dir}/missing", "h"])
case("cli-command-and-remotecommand", "RemoteCommand ls\n", F("h", "true"))
case("cli-W-forward", "", F("-W", "host:22", "h"))

# ---- keyword values: one valid and one invalid value for each keyword Debian 9.2 knows ---------------------------
KW = {
    # keyword: (valid values, invalid values); "" means the keyword with no argument
    "protocol": (["2"], [""]),
    "cipher": (["blowfish"], [""]),
    "fallbacktorsh": (["yes"], [""]),
    "globalknownhostsfile2": (["/tmp/x"], [""]),
    "rhostsauthentication": (["no"], [""]),
    "userknownhostsfile2": (["/tmp/x"], [""]),
    "useroaming": (["no"], [""]),
    "usersh": (["no"], [""]),
    "useprivilegedport": (["no"], [""]),
    "afstokenpassing": (["no"], [""]),
    "kerberosauthentication": (["no"], [""]),
    "kerberostgtpassing": (["no"], [""]),
    "rsaauthentication": (["yes"], [""]),
    "rhostsrsaauthentication": (["yes"], [""]),
    "compressionlevel": (["6"], [""]),
    "gssapiauthentication": (["yes"], ["maybe"]),
    "gssapidelegatecredentials": (["yes"], ["maybe"]),
    "gssapikeyexchange": (["yes"], ["maybe"]),
    "gssapiclientidentity": (["alice@REALM"], [""]),
    "gssapiserveridentity": (["host@server"], [""]),
    "gssapirenewalforcesrekey": (["yes"], ["maybe"]),
    "gssapitrustdns": (["yes"], ["maybe"]),
    "gssapikexalgorithms": (["gss-group14-sha256-", "gss-gex-sha1-x,gss-curve25519-sha256-,,bogus"],
                            ["bogus-kex", "", "gss-group14-sha256-,GSS-GEX-SHA1-", "gss-"]),
    "pkcs11provider": (["/usr/lib/p11.so", "none"], [""]),
    "smartcarddevice": (["/usr/lib/p11.so"], [""]),
    "forwardagent": (["yes", "/tmp/agent.sock"], [""]),
    "forwardx11": (["yes"], ["maybe"]),
    "forwardx11trusted": (["no"], ["maybe"]),
    "forwardx11timeout": (["20m", "1h30m"], ["1x", "-1"]),
    "exitonforwardfailure": (["yes"], ["maybe"]),
    "xauthlocation": (["/usr/local/bin/xauth"], [""]),
    "gatewayports": (["yes"], ["maybe"]),
    "passwordauthentication": (["no"], ["maybe"]),
    "kbdinteractiveauthentication": (["no"], ["maybe"]),
    "challengeresponseauthentication": (["no"], ["maybe"]),
    "kbdinteractivedevices": (["pam,bsdauth"], [""]),
    "pubkeyauthentication": (["unbound", "host-bound", "no"], ["maybe"]),
    "dsaauthentication": (["no"], ["maybe"]),
    "hostbasedauthentication": (["yes"], ["maybe"]),
    "identityfile": (["~/.ssh/id_test", "/tmp/k1 "], ["", "/tmp/a /tmp/b"]),
    "identityfile2": (["/tmp/k2"], [""]),
    "identitiesonly": (["yes"], ["maybe"]),
    "certificatefile": (["~/.ssh/cert.pub"], [""]),
    "addkeystoagent": (["confirm 1h", "yes", "1h", "ask"], ["bogus", "yes bogus"]),
    "identityagent": (["/tmp/agent", "none", "SSH_AUTH_SOCK"], [""]),
    "hostname": (["Real.Example.COM", "10.0.0.1"], [""]),
    "hostkeyalias": (["Alias.Example"], [""]),
    "proxycommand": (["nc %h %p", "none"], [""]),
    "port": (["2222", "ssh"], ["0", "70000", "bogus"]),
    "ciphers": (["aes128-ctr,aes256-ctr", "+aes128-cbc", "-chacha20*", "^aes256-ctr"], ["bogus-cipher", ""]),
    "macs": (["hmac-sha2-256"], ["bogus-mac"]),
    "remoteforward": (["8080 localhost:80", "8080", "[::1]:8080 localhost:80"], ["bogus:x:y:z:w", ""]),
    "localforward": (["8080 localhost:80", "127.0.0.1:8080 [::1]:80"], ["8080", "bogus localhost:80"]),
    "permitremoteopen": (["host:80 other:*", "any", "none"], ["bogus", ""]),
    "user": (["alice", '"a b"'], [""]),
    "escapechar": (["^A", "none", "%"], ["ab", ""]),
    "globalknownhostsfile": (["/tmp/g1 /tmp/g2"], [""]),
    "userknownhostsfile": (["~/kh %h", "none"], [""]),
    "connectionattempts": (["3"], ["x", "0"]),
    "batchmode": (["yes"], ["maybe", "yes no"]),
    "checkhostip": (["yes"], ["maybe"]),
    "stricthostkeychecking": (["accept-new", "off", "ask"], ["bogus"]),
    "compression": (["yes"], ["maybe"]),
    "tcpkeepalive": (["no"], ["maybe"]),
    "keepalive": (["no"], ["maybe"]),
    "numberofpasswordprompts": (["5"], ["x"]),
    "syslogfacility": (["LOCAL5", "auth"], ["BOGUS"]),
    "loglevel": (["DEBUG2", "QUIET", "verbose"], ["BOGUS"]),
    "logverbose": (["kex.c:*:1000"], [""]),
    "dynamicforward": (["1080", "localhost:1080"], ["bogus"]),
    "preferredauthentications": (["publickey,password"], [""]),
    "hostkeyalgorithms": (["ssh-ed25519", "+ssh-rsa"], ["bogus-alg"]),
    "casignaturealgorithms": (["ssh-ed25519"], ["bogus-alg"]),
    "bindaddress": (["127.0.0.1"], [""]),
    "bindinterface": (["lo"], [""]),
    "clearallforwardings": (["yes"], ["maybe"]),
    "enablesshkeysign": (["yes"], ["maybe"]),
    "verifyhostkeydns": (["ask"], ["bogus"]),
    "nohostauthenticationforlocalhost": (["yes"], ["maybe"]),
    "rekeylimit": (["1G 1h", "default none", "500M"], ["bogus", "1G bogus"]),
    "connecttimeout": (["10", "none", "1m"], ["bogus"]),
    "addressfamily": (["inet6"], ["bogus"]),
    "serveraliveinterval": (["30", "2m"], ["x"]),
    "protocolkeepalives": (["30"], ["x"]),
    "setuptimeout": (["30"], ["x"]),
    "serveralivecountmax": (["5"], ["x"]),
    "sendenv": (["LANG LC_*", "-LANG"], ["A=B", ""]),
    "setenv": (["A=1 B=2", '"C=x y"'], ["NOEQUALS", ""]),
    "controlpath": (["~/.ssh/cm-%C", "none"], [""]),
    "controlmaster": (["autoask", "auto", "ask"], ["bogus"]),
    "controlpersist": (["10m", "yes", "no", "0"], ["Yes", "bogus"]),
    "hashknownhosts": (["yes"], ["maybe"]),
    "tunnel": (["ethernet", "point-to-point"], ["bogus"]),
    "tunneldevice": (["1:2", "any", "3"], ["bogus", "1:x"]),
    "localcommand": (["echo hi %h"], [""]),
    "permitlocalcommand": (["yes"], ["maybe"]),
    "remotecommand": (["echo %h", "none"], [""]),
    "visualhostkey": (["yes"], ["maybe"]),
    "kexalgorithms": (["curve25519-sha256", "-diffie*"], ["bogus-kex"]),
    "ipqos": (["af21 cs1", "lowdelay", "none"], ["bogus", "af21 bogus"]),
    "requesttty": (["force", "no"], ["bogus"]),
    "sessiontype": (["subsystem", "none"], ["bogus"]),
    "stdinnull": (["yes"], ["maybe"]),
    "forkafterauthentication": (["no"], ["maybe"]),
    "proxyusefdpass": (["yes"], ["maybe"]),
    "canonicaldomains": (["example.com example.net"], [""]),
    "canonicalizefallbacklocal": (["no"], ["maybe"]),
    "canonicalizehostname": (["no"], ["bogus"]),
    "canonicalizemaxdots": (["2"], ["x"]),
    "canonicalizepermittedcnames": (["*.a.example:*.b.example"], ["bogus", ""]),
    "streamlocalbindmask": (["0077", "022"], ["999", "bogus"]),
    "streamlocalbindunlink": (["yes"], ["maybe"]),
    "revokedhostkeys": (["/tmp/revoked"], [""]),
    "fingerprinthash": (["md5"], ["sha3"]),
    "updatehostkeys": (["ask", "no"], ["bogus"]),
    "hostbasedacceptedalgorithms": (["ssh-ed25519"], ["bogus-alg"]),
    "hostbasedkeytypes": (["ssh-ed25519"], ["bogus-alg"]),
    "pubkeyacceptedalgorithms": (["+ssh-rsa"], ["bogus-alg"]),
    "pubkeyacceptedkeytypes": (["ssh-ed25519"], ["bogus-alg"]),
    "ignoreunknown": (["Foo*,bar"], [""]),
    "proxyjump": (["u@j1:2222,j2", "none"], ["", "u@:22"]),
    "securitykeyprovider": (["/usr/lib/sk.so"], [""]),
    "knownhostscommand": (["/bin/echo %h %H"], [""]),
    "requiredrsasize": (["2048"], ["x"]),
    "enableescapecommandline": (["yes"], ["maybe"]),
    # added after 9.2: unknown to Debian 9.2
    "tag": (["x"], []),
    "obscurekeystroketiming": (["no"], []),
    "channeltimeout": (["session=1m"], []),
    "versionaddendum": (["none"], []),
    "refuseconnection": (["no"], []),
    "warnweakcrypto": (["no"], []),
}
for kw, (oks, bads) in KW.items():
    for i, v in enumerate(oks):
        case(f"kw-{kw}-ok{i + 1}", f"Host h\n  {kw} {v}\n".replace(f"{kw} \n", f"{kw}\n"))
    for i, v in enumerate(bads):
        case(f"kw-{kw}-bad{i + 1}", (f"Host h\n  {kw} {v}\n" if v else f"Host h\n  {kw}\n"))


# ---- Debian 9.2p1-2+deb12u10: recorded with that client into testdata/conformance-deb12u10/ ----------------------
# deb12u8 refuses control characters in command-line user names and %00 in URIs; deb12u10 backports 10.3's
# parse_jump checks (-J and -o ProxyJump hops), the user check before the host check, ',' refused in host names and
# ProxyJump none no longer shadowing ProxyCommand. The set inherits conformance/ (record.sh --inherit).
U10 = "conformance-deb12u10"


def u10(name, config, *args):
    case(name, config, F(*args), set=U10)


u10("u10-host-comma", "", "a,b")
u10("u10-host-comma-after-user", "", "u@a,b")
u10("u10-host-comma-uri", "", "ssh://a,b")
u10("u10-host-empty", "", "")
u10("u10-host-empty-after-user", "", "u@")
u10("u10-host-colon-not-lowercased", "", "A:B")
u10("u10-host-percent-not-lowercased", "", "A%B")
u10("u10-host-colon-canonicalize", "CanonicalizeHostname yes\nCanonicalDomains example.com\n", "A:B")
u10("u10-host-empty-canonicalize", "CanonicalizeHostname yes\nCanonicalDomains example.com\n", "")
u10("u10-hostname-colon-not-lowercased", "Hostname X:Y\n", "h")
u10("u10-user-checked-before-host", "", "-l", "a;b", "c;d")
u10("u10-user-at-checked-before-host", "", "a;b@c;d")
u10("u10-user-checked-before-config", "Bogus x\n", "-l", "a;b", "h")
u10("u10-user-checked-before-match-exec", "Match exec false\n", "-l", "a;b", "h")
u10("u10-user-control-char", "", "-l", "a\x01b", "h")
u10("u10-user-control-char-at", "", "a\x01b@h")
u10("u10-user-control-char-o", "", "-o", "User=a\x01b", "h")
u10("u10-user-del", "", "-l", "a\x7fb", "h")
u10("u10-user-tab-dash", "", "-l", "a\t-b", "h")
u10("u10-user-config-control-char", "User a\x01b\n", "h")
u10("u10-user-l-wins-over-bad-at", "", "-l", "ok", "a;b@h")
u10("u10-uri-user-decoded-then-checked", "", "ssh://a%3bb@h")
u10("u10-uri-user-params-dropped", "", "ssh://a;b@h")
u10("u10-uri-user-plus-is-space", "", "ssh://a+b@h")
u10("u10-uri-user-encoded-nul", "", "ssh://a%00b@h")
u10("u10-uri-user-encoded-control", "", "ssh://a%01b@h")
u10("u10-uri-user-encoded-space-dash", "", "ssh://a%20-b@h")
u10("u10-uri-user-empty", "", "ssh://@h")
u10("u10-uri-user-bad-escape", "", "ssh://a%zz@h")
u10("u10-uri-host-bad", "", "ssh://h!x")
u10("u10-uri-host-underscore", "", "ssh://_h")
u10("u10-uri-host-trailing-dot", "", "ssh://h.example.")
u10("u10-uri-host-ipv6", "", "ssh://[::1]:2200")
u10("u10-uri-path", "", "ssh://h/x")
u10("u10-uri-port-path", "", "ssh://h:22/x")
u10("u10-uri-slash", "", "ssh://h/")
u10("u10-uri-scheme-case", "", "SSH://h")
u10("u10-uri-then-l", "", "ssh://a%3bb@h", "-l", "x")
u10("u10-J-bad-host", "", "-J", "a;b", "h")
u10("u10-J-bad-first-hop", "", "-J", "a;b,c", "h")
u10("u10-J-bad-middle-user", "", "-J", "a,u;@b,c", "h")
u10("u10-J-bad-user", "", "-J", "u;x@j", "h")
u10("u10-J-user-control-char", "", "-J", "u\x01x@j", "h")
u10("u10-J-user-dash", "", "-J", "-u@j", "h")
u10("u10-J-user-backslash-last", "", "-J", "u\\@j", "h")
u10("u10-J-user-dollar-ok", "", "-J", "u$x@j", "h")
u10("u10-J-host-dash", "", "-J", "-j", "h")
u10("u10-J-host-dollar", "", "-J", "j$x", "h")
u10("u10-J-host-quote", "", "-J", "a'b", "h")
u10("u10-J-host-del", "", "-J", "a\x7fb", "h")
u10("u10-J-host-bang-ok", "", "-J", "a!b", "h")
u10("u10-J-host-in-brackets", "", "-J", "[a;b]", "h")
u10("u10-J-bad-port-first", "", "-J", "a;b:0", "h")
u10("u10-J-uri-user-decoded", "", "-J", "ssh://u%3bx@j", "h")
u10("u10-J-uri-user-nul", "", "-J", "ssh://u%00x@j", "h")
u10("u10-J-comment-dropped-from-extra", "", "-J", "a,b#x,c", "h")
u10("u10-J-none-keeps-config-proxycommand", "ProxyCommand nc %h %p\n", "-J", "none", "h")
u10("u10-J-none-then-o-proxycommand", "", "-J", "none", "-o", "ProxyCommand=nc %h", "h")
u10("u10-o-proxyjump-bad-host", "", "-o", "ProxyJump=a;b", "h")
u10("u10-o-proxyjump-bad-user", "", "-o", "ProxyJump=u;x@j", "h")
u10("u10-o-proxyjump-uri-nul", "", "-o", "ProxyJump=ssh://u%00x@j", "h")
u10("u10-o-proxyjump-checked-after-J", "", "-J", "j", "-o", "ProxyJump=a;b", "h")
u10("u10-o-proxyjump-checked-after-proxycommand", "", "-o", "ProxyCommand=nc", "-o", "ProxyJump=a;b", "h")
u10("u10-o-proxyjump-none-keeps-config-proxycommand", "ProxyCommand nc %h %p\n", "-o", "ProxyJump=none", "h")
u10("u10-o-proxyjump-none-after-proxycommand-then-J", "", "-o", "ProxyCommand=nc", "-o", "ProxyJump=none",
    "-J", "x", "h")
u10("u10-config-proxyjump-not-checked", "ProxyJump a;b\n", "h")
u10("u10-config-proxyjump-user-not-checked", "ProxyJump u;x@j\n", "h")
u10("u10-config-proxyjump-uri-nul", "ProxyJump ssh://u%00x@j\n", "h")
u10("u10-config-proxyjump-comment-dropped-from-extra", "ProxyJump a,b#x,c\n", "h")
u10("u10-config-proxyjump-space-cuts-extra", "ProxyJump a,b c,d\n", "h")
u10("u10-config-proxyjump-none-then-proxycommand", "ProxyJump none\nProxyCommand nc %h %p\n", "h")
u10("u10-config-proxyjump-then-proxycommand", "ProxyJump j\nProxyCommand nc %h %p\n", "h")
u10("u10-config-proxyjump-none-final-proxycommand",
    "CanonicalizeHostname yes\nProxyJump none\nMatch final\n ProxyCommand nc %h\n", "h")

# ---- version differences: behaviour that changed between 9.2 and 10.5 -------------------------------------------
# Recorded with Debian 2+deb12u10 (so they belong to its set, conformance-deb12u10/) and, for the same inputs, with
# upstream 9.2p1 and 10.5p1 builds into conformance-upstream/<version>/.
V = {"FOO": "bar", "SSH_AUTH_SOCK": "/tmp/agent.sock"}


def ver(name, config, args=None, files=None, env=None):
    case(name, config, args, files, env, set=U10)


# Compression: 10.x stores COMP_DELAYED for "yes" but -C still sets 1 (printed as UNKNOWN)
ver("ver-compression-yes", "Compression yes\n")
ver("ver-compression-o-yes-then-C", "", F("-o", "Compression=yes", "-C", "h"))
ver("ver-compression-C-then-config-no", "Compression no\n", F("-C", "h"))
# RevokedHostKeys: a list from 10.3, tilde/%/${} expanded from 9.4
ver("ver-revokedhostkeys-two", "RevokedHostKeys /tmp/a /tmp/b\n")
ver("ver-revokedhostkeys-none", "RevokedHostKeys none\n")
ver("ver-revokedhostkeys-none-first", "RevokedHostKeys none /tmp/a\n")
ver("ver-revokedhostkeys-none-last", "RevokedHostKeys /tmp/a none\n")
ver("ver-revokedhostkeys-tokens", "RevokedHostKeys ~/krl-%h /tmp/%r-%C ${FOO}\n", env=V)
ver("ver-revokedhostkeys-first-line", "RevokedHostKeys /tmp/a\nRevokedHostKeys /tmp/b /tmp/c\n")
ver("ver-revokedhostkeys-empty-arg", 'RevokedHostKeys ""\n')
ver("ver-revokedhostkeys-inactive-bad", "Host nomatch\n  RevokedHostKeys none /tmp/x\n")
ver("ver-revokedhostkeys-unknown-token", "RevokedHostKeys /tmp/%Z\n")
# User: %-tokens and ${ENV} from 10.0; not for -l/destination users from 10.1; validated only when expanded
ver("ver-user-token-h", "User u-%h\n")
ver("ver-user-token-r", "User %r\n")
ver("ver-user-token-C", "User %C\n")
ver("ver-user-percent-percent", "User a%%b\n")
ver("ver-user-tokens-many", "Host h\n  Hostname real.example\n  User %n-%k-%p-%u-%L\n")
ver("ver-user-home", "User %d\n")
ver("ver-user-expanded-invalid", "User %h;x\n")
ver("ver-user-literal-invalid", "User a;b\n")
ver("ver-user-env-unset", "User ${CTLMUX_NOT_SET}\n", env=V)
ver("ver-user-env-invalid", "User ${FOO}\n", env={"FOO": "a;b"})
ver("ver-user-l-not-expanded", "", F("-l", "%h", "h"))
ver("ver-user-dest-not-expanded", "", F("%h@h"))
ver("ver-user-o-expanded", "", F("-o", "User=%h", "h"))
ver("ver-user-match-sees-raw", "User %h\nMatch user h\n  Port 1\n")
ver("ver-user-then-controlpath", "User x-%h\nControlPath /tmp/%r-%C\n")
ver("ver-user-token-j", "ProxyJump j1\nUser via-%j\n")
# SetEnv: values %-/${}-expanded from 10.0
ver("ver-setenv-tokens", "SetEnv A=%h B=${FOO} C=%r-%C\n", env=V)
ver("ver-setenv-unknown-token", "SetEnv A=%Z\n")
ver("ver-setenv-quoted", 'SetEnv "A=x y %h"\n')
ver("ver-setenv-trailing-percent", "SetEnv A=x%\n")
ver("ver-setenv-o", "", F("-o", "SetEnv=A=%p", "h"))
# VersionAddendum (10.0): rest of line, "none" is empty, expanded
ver("ver-versionaddendum-none-upper", "VersionAddendum NONE\n")
ver("ver-versionaddendum-comment", "VersionAddendum a b # c\n")
ver("ver-versionaddendum-tokens", "VersionAddendum %r@%h ${FOO}\n", env=V)
ver("ver-versionaddendum-unknown-token", "VersionAddendum %Z\n")
ver("ver-versionaddendum-spaced-equals", "VersionAddendum = x\n")
ver("ver-versionaddendum-equals", "VersionAddendum=x\n")
ver("ver-versionaddendum-cr", "VersionAddendum a\rb\n")
ver("ver-versionaddendum-quoted", 'VersionAddendum "q r"\n')
ver("ver-versionaddendum-first-wins", "Host nomatch\n  VersionAddendum x\nVersionAddendum y\nVersionAddendum z\n")
ver("ver-versionaddendum-o", "", F("-o", "VersionAddendum=%h", "h"))
# ProxyJump / ProxyCommand (10.3: first of the two wins; -J/-o validation)
ver("ver-proxyjump-then-proxycommand", "ProxyJump j1\nProxyCommand nc %h %p\n")
ver("ver-proxyjump-none-then-jump", "ProxyJump none\nProxyJump j1\n")
ver("ver-proxycommand-none-then-jump", "ProxyCommand none\nProxyJump j1\n")
ver("ver-proxyjump-comment-with-comma", "ProxyJump a,b # x,y\n")
ver("ver-proxyjump-three-hops", "ProxyJump u1@a:1,b,ssh://u3@c:3\n")
ver("ver-proxyjump-config-invalid-user", "ProxyJump u;x@j\n")
ver("ver-proxyjump-o-invalid-user", "", F("-o", "ProxyJump=u;x@j", "h"))
ver("ver-proxyjump-J-invalid-user", "", F("-J", "u;x@j", "h"))
ver("ver-proxyjump-J-dash-host", "", F("-J", "-x", "h"))
ver("ver-proxyjump-J-invalid-earlier-hop", "", F("-J", "a;b,j1", "h"))
ver("ver-proxyjump-J-none", "", F("-J", "none", "h"))
ver("ver-proxyjump-J-uri-invalid-user", "", F("-J", "ssh://u;x@j", "h"))
ver("ver-proxyjump-controlpath-j", "ProxyJump u@j1:2222\nControlPath /tmp/%j-%C\n")
ver("ver-host-brace", "", F("a{b"))
ver("ver-host-backslash", "", F("a\\b"))
ver("ver-host-dollar", "", F("a$b"))
ver("ver-user-dest-control-char", "", F("a\tb@h"))
# known hosts "none" checks: GlobalKnownHostsFile is checked first
ver("ver-knownhosts-both-none-bad", "GlobalKnownHostsFile none /tmp/g\nUserKnownHostsFile none /tmp/u\n")
ver("ver-userknownhostsfile-none-bad", "UserKnownHostsFile none /tmp/u\n")
ver("ver-globalknownhostsfile-none", "GlobalKnownHostsFile none\n")
# Match and Include (10.x)
ver("ver-match-spaced-equals", "Match host = h\n  User alice\n")
ver("ver-match-tagged-empty", 'Match tagged ""\n  User t\n')
ver("ver-match-tagged-P", "Match tagged web\n  User w\n", F("-P", "web", "h"))
ver("ver-match-tagged-tag", "Tag web\nMatch tagged web\n  User w\n")
ver("ver-match-version", "Match version OpenSSH_10.*\n  User v\n")
ver("ver-match-command", 'Match command "ls *"\n  User c\n', F("h", "ls", "-l"))
ver("ver-match-sessiontype-none", "Match sessiontype none\n  User s\n", F("-N", "h"))
ver("ver-match-sessiontype-exec", "Match sessiontype exec\n  User e\n", F("h", "true"))
ver("ver-match-sessiontype-shell", "Match sessiontype shell\n  User sh\n")
ver("ver-match-not-final", "Host alias\n  Hostname real\nMatch !final\n  Port 1\nMatch final\n  User fin\n",
     F("alias"))
# (the recording runs in an empty network namespace, so only a network that matches nowhere is portable)
ver("ver-match-localnetwork", "Match !localnetwork 203.0.113.0/24\n  User ln\n")
ver("ver-include-tokens", "Include {dir}/inc.%h\nUser outer\n", files={"inc.h": "User fromh\n", "inc.%h": "User literal\n"})
ver("ver-include-env", "Include {dir}/inc.${FOO}\nUser outer\n", env=V,
     files={"inc.bar": "User frombar\n", "inc.${FOO}": "User literal\n"})
ver("ver-refuseconnection-active", "Host h\n  RefuseConnection go away\n")
ver("ver-refuseconnection-inactive", "Host other\n  RefuseConnection no\n")
ver("ver-tag-P-wins", "Tag cfg\n", F("-P", "cli", "h"))
# newer keywords and values
ver("ver-obscurekeystroketiming-interval", "ObscureKeystrokeTiming interval:80\n")
ver("ver-obscurekeystroketiming-yes", "ObscureKeystrokeTiming yes\n")
ver("ver-obscurekeystroketiming-bad", "ObscureKeystrokeTiming interval:x\n")
ver("ver-channeltimeout-several", "ChannelTimeout session=5m x11-*=1h\n")
ver("ver-channeltimeout-none-not-alone", "ChannelTimeout none session=1\n")
ver("ver-channeltimeout-bad", "ChannelTimeout session\n")
ver("ver-warnweakcrypto-no-pq-kex", "WarnWeakCrypto no-pq-kex\n")
ver("ver-warnweakcrypto-bad", "WarnWeakCrypto maybe\n")
ver("ver-ipqos-ef", "IPQoS ef\n")
ver("ver-ipqos-lowdelay-throughput", "IPQoS lowdelay throughput\n")
ver("ver-ipqos-le-cs0", "IPQoS le cs0\n")
ver("ver-ipqos-none", "IPQoS none\n")
ver("ver-kex-mlkem", "KexAlgorithms mlkem768x25519-sha256\n")
ver("ver-kex-plus-mlkem", "KexAlgorithms +mlkem768x25519-sha256\n")
ver("ver-hostkeyalgorithms-plus-dss", "HostKeyAlgorithms +ssh-dss\n")
ver("ver-pubkeyaccepted-webauthn", "PubkeyAcceptedAlgorithms webauthn-sk-ecdsa-sha2-nistp256@openssh.com\n")
ver("ver-ciphers-plus-cbc", "Ciphers +aes128-cbc,3des-cbc\n")
ver("ver-macs-minus-sha1", "MACs -*sha1*\n")
ver("ver-addkeystoagent-confirm-time", "AddKeysToAgent confirm 1h\n")
ver("ver-identityfile-dsa", "IdentityFile ~/.ssh/id_dsa\n")
ver("ver-securitykeyprovider-env", "SecurityKeyProvider $SSH_SK_PROVIDER\n", env={"SSH_SK_PROVIDER": "/x.so"})
ver("ver-securitykeyprovider-default-env", "", env={"SSH_SK_PROVIDER": "/x.so"})
ver("ver-pkcs11provider", "PKCS11Provider /usr/lib/p11.so\n")
ver("ver-gssapi-keywords", "GSSAPIAuthentication yes\nGSSAPIDelegateCredentials yes\nGSSAPIKeyExchange yes\n")
ver("ver-connecttimeout-fraction", "ConnectTimeout 1.5\n")
ver("ver-forwardagent-env", "ForwardAgent ${FOO}\n", env=V)
ver("ver-controlpath-token-j-92", "ControlPath /tmp/%j\n")
ver("ver-batchmode-serveralive", "BatchMode yes\n")
ver("ver-unsupported-option-o", "", F("-o", "GSSAPIAuthentication=yes", "h"))
ver("ver-canonicalize-always-ip", "CanonicalizeHostname always\n", F("127.0.0.1"))
ver("ver-hostname-ip-uppercase", "Hostname FE80::1\n")

# Log levels: ssh logs at the command line's level (-q, -v, -o LogLevel) while reading the config and at the
# configured LogLevel afterwards; messages from before that (getopt) are always printed.
ver("log-quiet-config-bad-option", "LogLevel QUIET\nBogus yes\n")
ver("log-q-bad-option", "Bogus yes\n", F("-q", "h"))
ver("log-o-quiet-bad-option", "Bogus yes\n", F("-o", "LogLevel=quiet", "h"))
ver("log-o-fatal-bad-option", "Bogus yes\n", F("-o", "LogLevel=fatal", "h"))
ver("log-quiet-expansion-error", "LogLevel QUIET\nControlPath /tmp/%Z\n")
ver("log-fatal-expansion-error", "LogLevel FATAL\nControlPath /tmp/%Z\n")
ver("log-error-expansion-error", "LogLevel ERROR\nControlPath /tmp/%Z\n")
ver("log-quiet-env-unset", "LogLevel QUIET\nControlPath /tmp/${CTLMUX_NOT_SET}\n")
ver("log-q-bad-port", "", F("-q", "-p", "0", "h"))
ver("log-q-identity-missing", "", F("-q", "-i", "/nonexistent/ctlmux-key", "h"))
ver("log-q-host-invalid", "", F("-q", "a;b"))
ver("log-quiet-forwardagent-missing", "LogLevel QUIET\nForwardAgent /nonexistent/ctlmux.sock\n")
ver("log-q-connectionattempts-zero", "ConnectionAttempts 0\n", F("-q", "h"))
ver("log-quiet-knownhosts-none-bad", "LogLevel QUIET\nGlobalKnownHostsFile none /tmp/g\n")
ver("log-quiet-user-expanded-invalid", "LogLevel QUIET\nUser %h;x\n")
ver("log-quiet-unsupported-option", "LogLevel QUIET\nCompressionLevel 3\n")
ver("log-q-unsupported-option", "CompressionLevel 3\n", F("-q", "h"))
ver("log-quiet-final-pass-error", "Hostname real\nMatch final\n  LogLevel QUIET\n  Bogus yes\n")


def main():
    for (set_name, name), (config, args, files, env) in sorted(CASES.items()):
        d = os.path.join(TESTDATA, set_name, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "config"), "w", encoding="utf-8", newline="\n") as f:
            f.write(config)
        with open(os.path.join(d, "args"), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(a + "\n" for a in args))
        for rel, text in files.items():
            p = os.path.join(d, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        envp = os.path.join(d, "env")
        if env:
            with open(envp, "w", encoding="utf-8", newline="\n") as f:
                f.write("".join(f"{k}={v}\n" for k, v in env.items()))
        elif os.path.exists(envp):
            os.remove(envp)
    for set_name in sorted({k[0] for k in CASES}):
        n = sum(1 for k in CASES if k[0] == set_name)
        print(f"{n} cases in {os.path.join(TESTDATA, set_name)}", file=sys.stderr)


if __name__ == "__main__":
    main()
