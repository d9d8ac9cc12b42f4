#!/usr/bin/env bash
# Records the expected output of conformance cases from the installed OpenSSH client (or the one --ssh names).
#
#   testdata/record.sh              # every case under testdata/conformance/ that has no expected.rc yet
#   testdata/record.sh --all        # re-record every case (review the diff before committing!)
#   testdata/record.sh CASE...      # re-record the named cases
#   testdata/record.sh --set NAME [--all | CASE...]   # the same in the set testdata/NAME/ (default: conformance)
#   testdata/record.sh --set NAME --inherit           # see "Sets" below
#   testdata/record.sh --ssh BUILD/ssh --into testdata/conformance-upstream/10.5 [--all | CASE...]
#                                   # record an upstream build's expectations for the inputs of another set
#
# Sets: each testdata/conformance*/ directory is a set of cases recorded with one client, named in its
# OPENSSH_VERSION (`ssh -V` without the OpenSSL part; ConformanceTest compares each set with that client's
# dialect). Recording into a set whose OPENSSH_VERSION names another client is refused, except with --all, which
# re-records the whole set with the installed one. A set may name another set in an `inherits` file: the cases of
# that set which it does not hold itself give the same result with its client. --inherit establishes that: every
# case of the inherited set is run with the installed client; one whose result differs from the inherited set's
# recording is copied here (inputs, known-difference) and recorded here, and a copy that no longer differs is
# removed. Example: conformance/ is Debian 2+deb12u6, conformance-deb12u10/ inherits it.
#
# --ssh PATH runs that client instead of `ssh` from PATH. --into DIR writes only DIR/<case>/expected.* (and
# DIR/OPENSSH_VERSION): the inputs are the cases of the set named in DIR/inputs, with the cases it inherits
# (`--set NAME` with --into writes NAME there). Without --all or case names, --into records the cases that have no
# DIR/<case>/expected.rc yet. Like a set, DIR refuses a recording with another client except with --all.
# OPENSSH_VERSION holds `ssh -V` without the OpenSSL part on its first line; later lines (a description of how an
# upstream client was built) are kept.
#
# For each case: the case directory is copied to a fresh temporary directory (placeholders {dir}, {home} and
# {user} in its files replaced, files mode 0644), then `ssh -G $(args)` runs there with stdin from /dev/null, a
# minimal environment (PATH, HOME, plus the case's `env` file), no network (`unshare -n`) and, when possible, the
# host name "ctlmux-rec.example" (`unshare -u`). stdout, stderr (minus the "Pseudo-terminal will not be
# allocated" line, unless the case has a `full-stderr` file) and the exit code go to expected.stdout,
# expected.stderr and expected.rc; a case with a `logfile` file (one line: the file its args give -E, relative to
# the case directory) also gets that file's content in expected.log (none when ssh did not create it). Machine-
# dependent values are replaced by placeholders: the temporary directory -> {dir}, the %C hash of the printed
# hostname/port/user -> {C}, the host name -> {hostname} (and its first label -> {shorthost}), the home directory
# -> {home}, the user name (as a word) -> {user}, and "uid=<uid>" -> "uid={uid}". From 9.6 %C also covers the
# last ProxyJump hop, so those hashes are replaced too.
# ConformanceTest does the reverse.
set -euo pipefail
here="$(cd -- "$(dirname -- "$0")" && pwd -P)"
ssh=ssh
into=
while [ $# -gt 0 ]; do
    case "$1" in
        --ssh) ssh="$2"; shift 2 ;;
        --into) mkdir -p -- "$2"; into="$(cd -- "$2" && pwd -P)"; shift 2 ;;
        *) break ;;
    esac
done
command -v "$ssh" >/dev/null || { echo "record.sh: no ssh client: $ssh" >&2; exit 1; }
ssh="$(command -v "$ssh")"
installed="$("$ssh" -V 2>&1 | sed 's/, OpenSSL.*//')"
exec python3 - "$here" "$installed" "$ssh" "$into" "$@" <<'PY'
import hashlib, os, pwd, re, shutil, subprocess, sys, tempfile

testdata, installed, SSH, into = sys.argv[1:5]
argv = sys.argv[5:]
set_name = None
if argv[:1] == ["--set"]:
    if len(argv) < 2 or not argv[1].startswith("conformance") or "/" in argv[1]:
        sys.exit("record.sh: --set takes a directory name under testdata/ starting with 'conformance'")
    set_name, argv = argv[1], argv[2:]
if into:
    inputs_file = os.path.join(into, "inputs")
    if set_name is None:
        set_name = open(inputs_file).read().strip() if os.path.exists(inputs_file) else "conformance"
    if argv == ["--inherit"]:
        sys.exit("record.sh: --inherit records into a set, not with --into")
    dest_root = into
else:
    set_name = set_name or "conformance"
    dest_root = os.path.join(testdata, set_name)
root = os.path.join(testdata, set_name)
os.makedirs(dest_root, exist_ok=True)
version_file = os.path.join(dest_root, "OPENSSH_VERSION")
lines = open(version_file).read().splitlines() if os.path.exists(version_file) else []
recorded = lines[0].strip() if lines else None
if recorded is not None and recorded != installed and argv != ["--all"]:
    sys.exit(f"record.sh: {dest_root} was recorded with {recorded!r} but {SSH} is {installed!r}: record into a set "
             f"for this client (--set NAME, with an 'inherits' file) or re-record the whole set with --all")
with open(version_file, "w") as f:
    f.write("".join(l + "\n" for l in [installed] + lines[1:]))
if into:
    with open(inputs_file, "w") as f:
        f.write(set_name + "\n")
me = pwd.getpwuid(os.getuid())
# Inputs and outputs are bytes, handled as latin-1 text (one char per byte) so that every byte survives.
USER, HOME, UID = os.fsencode(me.pw_name).decode("latin-1"), os.fsencode(me.pw_dir).decode("latin-1"), str(os.getuid())
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
            c = hashlib.sha1((hostname + head["hostname"] + head["port"] + head["user"] + j).encode("latin-1")).hexdigest()
            text = text.replace(c, "{C}")
    text = text.replace(hostname, "{hostname}")
    if short != hostname:
        text = text.replace(short, "{shorthost}")
    if HOME != "/":
        text = re.sub(re.escape(HOME) + r"(?![\w.])", "{home}", text)
    text = re.sub(r"(?<![\w.-])" + re.escape(USER) + r"(?![\w-])", "{user}", text)
    return text.replace("uid=" + UID, "uid={uid}")


INPUT_SKIP = ("args", "env", "known-difference", "full-stderr", "logfile")
TTY_NOTICE = "Pseudo-terminal will not be allocated"


def run(src):
    """Runs the case in directory src; returns {expected file name: text}."""
    tmp = tempfile.mkdtemp(prefix="ctlmux-conf-")
    try:
        for dirpath, _, names in os.walk(src):
            for n in names:
                if n.startswith("expected.") or n in INPUT_SKIP:
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
        # args and env are bytes (any byte but NUL and newline), passed to ssh unchanged
        with open(os.path.join(src, "args"), encoding="latin-1", newline="\n") as f:
            args = [fill(l.rstrip("\n"), tmp).encode("latin-1") for l in f]
        env = {b"PATH": b"/usr/bin:/bin", b"HOME": HOME.encode("latin-1")}
        envf = os.path.join(src, "env")
        if os.path.exists(envf):
            with open(envf, encoding="latin-1", newline="\n") as f:
                for l in f:
                    k, v = l.rstrip("\n").split("=", 1)
                    env[k.encode("latin-1")] = fill(v, tmp).encode("latin-1")
        r = subprocess.run([os.fsencode(a) for a in prefix] + args, stdin=subprocess.DEVNULL, capture_output=True,
                           env=env, cwd=tmp, timeout=30)
        out = r.stdout.decode("latin-1")
        full = os.path.exists(os.path.join(src, "full-stderr"))
        err = "".join(l + "\n" for l in r.stderr.decode("latin-1").splitlines()
                      if l and (full or not l.startswith(TTY_NOTICE)))
        result = {"expected.stdout": unfill(out, tmp, out), "expected.stderr": unfill(err, tmp, out),
                  "expected.rc": f"{r.returncode}\n"}
        logf = os.path.join(src, "logfile")
        if os.path.exists(logf):
            with open(logf) as f:
                written = os.path.join(tmp, f.read().strip())
            if os.path.exists(written):
                with open(written, "rb") as f:
                    result["expected.log"] = unfill(f.read().decode("latin-1"), tmp, out)
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write(case_dir, result):
    stale = os.path.join(case_dir, "expected.log")
    if "expected.log" not in result and os.path.exists(stale):
        os.remove(stale)
    for name, text in result.items():
        with open(os.path.join(case_dir, name), "w", encoding="latin-1", newline="\n") as f:
            f.write(text)
    return int(result["expected.rc"])


def recorded_result(case_dir):
    out = {}
    for name in ("expected.stdout", "expected.stderr", "expected.rc", "expected.log"):
        if name == "expected.log" and not os.path.exists(os.path.join(case_dir, name)):
            continue
        with open(os.path.join(case_dir, name), encoding="latin-1", newline="") as f:
            out[name] = f.read()
    return out


def list_cases(d):
    return sorted(c for c in os.listdir(d) if os.path.isfile(os.path.join(d, c, "args")))


def inputs_with_inherited(set_dir):
    """{case name: input directory} for a set's own cases and those it inherits."""
    found = {}
    inh = os.path.join(set_dir, "inherits")
    if os.path.exists(inh):
        with open(inh) as f:
            base = os.path.join(testdata, f.read().strip())
        found.update({c: os.path.join(base, c) for c in list_cases(base)})
    found.update({c: os.path.join(set_dir, c) for c in list_cases(set_dir)})
    return found


def inherit():
    with open(os.path.join(root, "inherits")) as f:
        base = os.path.join(testdata, f.read().strip())
    kept = removed = 0
    for c in list_cases(base):
        result = run(os.path.join(base, c))
        mine = os.path.join(root, c)
        if result == recorded_result(os.path.join(base, c)):
            if os.path.isdir(mine):
                shutil.rmtree(mine)
                removed += 1
                print(f"same  {c} (copy removed)")
            continue
        if os.path.isdir(mine):
            shutil.rmtree(mine)
        shutil.copytree(os.path.join(base, c), mine, ignore=shutil.ignore_patterns("expected.*"))
        rc = write(mine, result)
        kept += 1
        print(f"{rc:4d} {c} (differs from {os.path.basename(base)})")
    print(f"{kept} of {len(list_cases(base))} inherited cases differ with {installed}; {removed} copies removed",
          file=sys.stderr)


if argv == ["--inherit"]:
    if not os.path.exists(os.path.join(root, "inherits")):
        sys.exit(f"record.sh: {set_name} has no 'inherits' file")
    inherit()
    sys.exit(0)
sources = inputs_with_inherited(root) if into else {c: os.path.join(root, c) for c in list_cases(root)}
cases = sorted(sources)
if argv == ["--all"]:
    todo = cases
elif argv:
    todo = argv
else:
    todo = [c for c in cases if not os.path.exists(os.path.join(dest_root, c, "expected.rc"))]
for c in todo:
    dest = os.path.join(dest_root, c)
    os.makedirs(dest, exist_ok=True)
    rc = write(dest, run(sources[c]))
    print(f"{rc:4d} {c}")
print(f"recorded {len(todo)} of {len(cases)} cases of {set_name} into {dest_root} (host name {hostname})",
      file=sys.stderr)
PY
