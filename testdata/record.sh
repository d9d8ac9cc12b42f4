#!/usr/bin/env bash
# Records the expected output of conformance cases from the installed OpenSSH client.
#
#   testdata/record.sh              # every case under testdata/conformance/ that has no expected.rc yet
#   testdata/record.sh --all        # re-record every case (review the diff before committing!)
#   testdata/record.sh CASE...      # re-record the named cases
#   testdata/record.sh --ssh /path/to/ssh --into testdata/conformance-upstream/10.5 --all
#                                   # record the same inputs with another client into another directory
#
# --ssh PATH runs that client instead of `ssh` from PATH. --into DIR writes DIR/<case>/expected.* (and
# DIR/OPENSSH_VERSION) instead of writing next to the inputs; the inputs always come from conformance/. Without
# --all or case names, --into records the cases that have no DIR/<case>/expected.rc yet.
#
# For each case: the case directory is copied to a fresh temporary directory (placeholders {dir}, {home} and
# {user} in its files replaced, files mode 0644), then `ssh -G $(args)` runs there with stdin from /dev/null, a
# minimal environment (PATH, HOME, plus the case's `env` file), no network (`unshare -n`) and, when possible, the
# host name "ctlmux-rec.example" (`unshare -u`). stdout, stderr (minus the "Pseudo-terminal will not be
# allocated" line) and the exit code go to expected.stdout, expected.stderr and expected.rc, with machine-dependent
# values replaced by placeholders: the temporary directory -> {dir}, the %C hash of the printed
# hostname/port/user -> {C}, the host name -> {hostname} (and its first label -> {shorthost}), the home directory
# -> {home}, the user name (as a word) -> {user}, and "uid=<uid>" -> "uid={uid}".
# ConformanceTest does the reverse. `ssh -V` goes to the first line of OPENSSH_VERSION (later lines, a
# description of the build, are kept).
set -euo pipefail
here="$(cd -- "$(dirname -- "$0")" && pwd -P)"
ssh=ssh
into="$here/conformance"
while [ $# -gt 0 ]; do
    case "$1" in
        --ssh) ssh="$2"; shift 2 ;;
        --into) mkdir -p -- "$2"; into="$(cd -- "$2" && pwd -P)"; shift 2 ;;
        *) break ;;
    esac
done
command -v "$ssh" >/dev/null || { echo "record.sh: no ssh client: $ssh" >&2; exit 1; }
ssh="$(command -v "$ssh")"
{
    "$ssh" -V 2>&1 | sed 's/, OpenSSL.*//'
    [ -f "$into/OPENSSH_VERSION" ] && tail -n +2 "$into/OPENSSH_VERSION" || true
} >"$into/OPENSSH_VERSION.new"
mv -- "$into/OPENSSH_VERSION.new" "$into/OPENSSH_VERSION"
exec python3 - "$here/conformance" "$into" "$ssh" "$@" <<'PY'
import hashlib, os, pwd, re, shutil, subprocess, sys, tempfile

root = sys.argv[1]
into = sys.argv[2]
SSH = sys.argv[3]
argv = sys.argv[4:]
me = pwd.getpwuid(os.getuid())
USER, HOME, UID = me.pw_name, me.pw_dir, str(os.getuid())
REC_HOST = "ctlmux-rec.example"


def works(cmd):
    try:
        return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


if works(["unshare", "-n", "-u", "sh", "-c", f"hostname {REC_HOST}"]):
    prefix = ["unshare", "-n", "-u", "sh", "-c", 'hostname "$0" && c="$1" && shift && exec "$c" -G "$@"', REC_HOST, SSH]
    hostname = REC_HOST
elif works(["unshare", "-n", "true"]):
    prefix, hostname = ["unshare", "-n", SSH, "-G"], os.uname().nodename
else:
    print("record.sh: unshare -n does not work here; recording with the network on", file=sys.stderr)
    prefix, hostname = [SSH, "-G"], os.uname().nodename
short = hostname.split(".")[0]


def fill(text, d):
    return text.replace("{dir}", d).replace("{home}", HOME).replace("{user}", USER)


def last_hop_host(jump):
    hop = jump[jump.rfind(",") + 1:]
    hop = hop[hop.rfind("@") + 1:]
    if hop.startswith("["):
        return hop[1:hop.index("]")]
    return hop.split(":", 1)[0]


def unfill(text, d, stdout):
    text = text.replace(d, "{dir}")
    head = dict(l.split(" ", 1) for l in stdout.splitlines()[:4] if " " in l)
    if {"hostname", "port", "user"} <= head.keys():
        # from 9.6 %C also covers the last ProxyJump hop's host
        jumps = [""] + [last_hop_host(l[len("proxyjump "):]) for l in stdout.splitlines() if l.startswith("proxyjump ")]
        for j in jumps:
            c = hashlib.sha1((hostname + head["hostname"] + head["port"] + head["user"] + j).encode()).hexdigest()
            text = text.replace(c, "{C}")
    text = text.replace(hostname, "{hostname}")
    if short != hostname:
        text = text.replace(short, "{shorthost}")
    if HOME != "/":
        text = re.sub(re.escape(HOME) + r"(?![\w.])", "{home}", text)
    text = re.sub(r"(?<![\w.-])" + re.escape(USER) + r"(?![\w-])", "{user}", text)
    return text.replace("uid=" + UID, "uid={uid}")


def record(case):
    src = os.path.join(root, case)
    tmp = tempfile.mkdtemp(prefix="ctlmux-conf-")
    try:
        for dirpath, _, names in os.walk(src):
            for n in names:
                if n.startswith("expected.") or n in ("args", "env", "known-difference"):
                    continue
                p = os.path.join(dirpath, n)
                rel = os.path.relpath(p, src)
                out = os.path.join(tmp, rel)
                os.makedirs(os.path.dirname(out), exist_ok=True)
                with open(p, "rb") as f:
                    data = f.read()
                with open(out, "wb") as f:
                    f.write(fill(data.decode("latin-1"), tmp).encode("latin-1"))
                os.chmod(out, 0o644)
        for dirpath, dirs, _ in os.walk(tmp):
            for n in dirs:
                os.chmod(os.path.join(dirpath, n), 0o755)
        with open(os.path.join(src, "args"), encoding="utf-8") as f:
            args = [fill(l.rstrip("\n"), tmp) for l in f]
        env = {"PATH": "/usr/bin:/bin", "HOME": HOME}
        envf = os.path.join(src, "env")
        if os.path.exists(envf):
            with open(envf, encoding="utf-8") as f:
                for l in f:
                    k, v = l.rstrip("\n").split("=", 1)
                    env[k] = fill(v, tmp)
        r = subprocess.run(prefix + args, stdin=subprocess.DEVNULL, capture_output=True, env=env, cwd=tmp, timeout=30)
        out = r.stdout.decode("latin-1")
        err = "".join(l + "\n" for l in r.stderr.decode("latin-1").splitlines()
                      if l and not l.startswith("Pseudo-terminal will not be allocated"))
        dest = os.path.join(into, case)
        os.makedirs(dest, exist_ok=True)
        for name, text in (("expected.stdout", unfill(out, tmp, out)), ("expected.stderr", unfill(err, tmp, out)),
                           ("expected.rc", f"{r.returncode}\n")):
            with open(os.path.join(dest, name), "w", encoding="latin-1", newline="\n") as f:
                f.write(text)
        return r.returncode
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


cases = sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "args")))
if argv == ["--all"]:
    todo = cases
elif argv:
    todo = argv
else:
    todo = [c for c in cases if not os.path.exists(os.path.join(into, c, "expected.rc"))]
for c in todo:
    rc = record(c)
    print(f"{rc:4d} {c}")
print(f"recorded {len(todo)} of {len(cases)} cases (host name {hostname})", file=sys.stderr)
PY
