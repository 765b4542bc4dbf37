#!/usr/bin/env bash
# `rtnl route show` against `ip route show` on the same large table: both
# print COUNT IPv4 routes from a private namespace (created here, deleted on
# exit) to /dev/null, alternately, ROUNDS times each; prints the median wall
# time, user and system CPU and peak RSS of each, and rtnl's ratios to ip.
#
# usage: benches/route-show.sh [COUNT] [ROUNDS]   (needs root, GNU time and a release build:
#        cargo build --release -p rtnl-io)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
count=${1:-1000000}
rounds=${2:-5}
RTNL=${RTNL:-$here/../target/release/rtnl}
[ -x "$RTNL" ] || { echo "route-show.sh: build rtnl first (cargo build --release -p rtnl-io)" >&2; exit 1; }
ns=rtnl-show-$$
batch=$(mktemp)
trap 'ip netns del "$ns"; rm -f "$batch"' EXIT
bench_netns "$ns"
route_batch "$count" > "$batch"
ip -n "$ns" -batch "$batch"
# the two must print the same table
if ! cmp -s <(ip -n "$ns" route show) <("$RTNL" -n "$ns" route show); then
    echo "route-show.sh: rtnl and ip print different tables" >&2
    exit 1
fi
python3 - "$ns" "$RTNL" "$rounds" "$count" <<'PY'
import os, subprocess, sys, tempfile, statistics
ns, rtnl, rounds, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
cmds = {"ip": ["ip", "-n", ns, "route", "show"], "rtnl": [rtnl, "-n", ns, "route", "show"]}
runs = {k: [] for k in cmds}
devnull = open(os.devnull, "wb")
out = tempfile.NamedTemporaryFile(mode="r")
for _ in range(rounds):
    for name, cmd in cmds.items():
        # GNU time measures the command alone (a child of this script would
        # inherit the interpreter's peak RSS)
        subprocess.run(["/usr/bin/time", "-o", out.name, "-f", "%e %U %S %M"] + cmd, stdout=devnull, check=True)
        out.seek(0)
        wall, user, sys_, rss = out.read().split()[-4:]
        runs[name].append((float(wall), float(user), float(sys_), int(rss) / 1024))
med = {k: [statistics.median(r[i] for r in v) for i in range(4)] for k, v in runs.items()}
print(f"route show, {count} routes, median of {rounds} alternating runs:")
print(f"{'':6}{'wall s':>9}{'user s':>9}{'sys s':>9}{'peak RSS MiB':>14}")
for k, (w, u, s, m) in med.items():
    print(f"{k:6}{w:9.3f}{u:9.3f}{s:9.3f}{m:14.1f}")
i, r = med["ip"], med["rtnl"]
print(f"rtnl/ip: wall {r[0] / i[0]:.2f}x, user {r[1] / max(i[1], 1e-9):.2f}x, sys {r[2] / max(i[2], 1e-9):.2f}x, peak RSS {r[3]:.1f} MiB (ip {i[3]:.1f} MiB)")
PY
