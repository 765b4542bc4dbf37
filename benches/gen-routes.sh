#!/usr/bin/env bash
# Generates the benchmark input: a 100,000-route IPv4 dump captured with
# `rtnl capture` from a private namespace (created here, deleted on exit).
# Not committed (6 MB); the bench runs this when the file is missing.
#
# usage: benches/gen-routes.sh [COUNT] [OUT]   (needs root and a built rtnl)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
count=${1:-100000}
out=${2:-$here/data/routes-$count.bin}
RTNL=${RTNL:-$here/../target/release/rtnl}
[ -x "$RTNL" ] || RTNL=$here/../target/debug/rtnl
[ -x "$RTNL" ] || { echo "gen-routes.sh: build rtnl first (cargo build --release -p rtnl-io)" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
ns=rtnl-bench-$$
ip netns add "$ns"
trap 'ip netns del "$ns"; rm -f "$batch"' EXIT
batch=$(mktemp)
ip -n "$ns" link add veth0 type veth peer name veth1
ip -n "$ns" link set veth0 up
ip -n "$ns" link set veth1 up
ip -n "$ns" addr add 10.255.0.1/16 dev veth0
python3 - "$count" > "$batch" <<'PY'
import sys
n = int(sys.argv[1])
for i in range(n):
    print(f"route add 10.{(i >> 16) & 0xff}.{(i >> 8) & 0xff}.{i & 0xff}/32 via 10.255.0.254 dev veth0")
PY
ip -n "$ns" -batch "$batch"
"$RTNL" -n "$ns" capture dump RTM_GETROUTE family 2 "$out"
