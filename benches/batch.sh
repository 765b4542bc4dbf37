#!/usr/bin/env bash
# `rtnl -batch` against `ip -batch` on the same file of COUNT route adds:
# each round makes two fresh private namespaces (deleted on exit), installs
# the routes in one with ip and in the other with rtnl (which goes first
# alternates), checks that both hold COUNT routes, and records wall time and
# peak RSS (GNU time). Prints the medians and rtnl's ratios to ip.
#
# usage: benches/batch.sh [COUNT] [ROUNDS]   (needs root, GNU time and a release
#        build: cargo build --release -p rtnl-io)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
count=${1:-100000}
rounds=${2:-3}
RTNL=${RTNL:-$here/../target/release/rtnl}
[ -x "$RTNL" ] || { echo "batch.sh: build rtnl first (cargo build --release -p rtnl-io)" >&2; exit 1; }
batch=$(mktemp)
times=$(mktemp)
made=()
cleanup() {
    for n in "${made[@]}"; do ip netns del "$n" 2>/dev/null || true; done
    rm -f "$batch" "$times" "$times.one"
}
trap cleanup EXIT
route_batch "$count" > "$batch"
fresh() {
    made+=("$1")
    bench_netns "$1"
}
measure() { # TOOL NS
    local ns=$2
    if [ "$1" = ip ]; then
        /usr/bin/time -o "$times.one" -f "%e %M" ip -n "$ns" -batch "$batch"
    else
        /usr/bin/time -o "$times.one" -f "%e %M" "$RTNL" -n "$ns" -batch "$batch"
    fi
    local n
    n=$(ip -n "$ns" route show | grep -c ' via 10.255.0.254 ')
    [ "$n" -eq "$count" ] || { echo "batch.sh: $1 installed $n routes, not $count" >&2; exit 1; }
    echo "$1 $(tail -1 "$times.one")" >> "$times"
}
for r in $(seq 1 "$rounds"); do
    a=rtnl-batch-ip-$$-$r
    b=rtnl-batch-rtnl-$$-$r
    fresh "$a"
    fresh "$b"
    if [ $((r % 2)) -eq 1 ]; then measure ip "$a"; measure rtnl "$b"; else measure rtnl "$b"; measure ip "$a"; fi
    ip netns del "$a"
    ip netns del "$b"
done
python3 - "$times" "$count" "$rounds" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
med = {t: (statistics.median(float(r[1]) for r in rows if r[0] == t),
           statistics.median(int(r[2]) for r in rows if r[0] == t) / 1024) for t in ("ip", "rtnl")}
print(f"installing {sys.argv[2]} routes, median of {sys.argv[3]} rounds:")
for t, (w, m) in med.items():
    print(f"{t:6}{w:9.2f} s {m:9.1f} MiB peak RSS")
print(f"rtnl is {med['ip'][0] / med['rtnl'][0]:.2f}x as fast as ip, peak RSS {med['rtnl'][1]:.1f} MiB (ip {med['ip'][1]:.1f} MiB)")
PY
