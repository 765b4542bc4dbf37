#!/usr/bin/env bash
# Generates the benchmark input: a 100,000-route IPv4 dump captured with
# `rtnl capture` from a private namespace (created here, deleted on exit).
# Not committed (6 MB); the bench runs this when the file is missing.
#
# usage: benches/gen-routes.sh [COUNT] [OUT]   (needs root and a built rtnl)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
count=${1:-100000}
out=${2:-$here/data/routes-$count.bin}
RTNL=${RTNL:-$here/../target/release/rtnl}
[ -x "$RTNL" ] || RTNL=$here/../target/debug/rtnl
[ -x "$RTNL" ] || { echo "gen-routes.sh: build rtnl first (cargo build --release -p rtnl-io)" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
ns=rtnl-bench-$$
batch=$(mktemp)
trap 'ip netns del "$ns"; rm -f "$batch"' EXIT
bench_netns "$ns"
route_batch "$count" > "$batch"
ip -n "$ns" -batch "$batch"
"$RTNL" -n "$ns" capture dump RTM_GETROUTE family 2 "$out"
