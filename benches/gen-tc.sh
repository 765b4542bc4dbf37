#!/usr/bin/env bash
# Generates the traffic-control benchmark's inputs, captured with
# `rtnl capture` from a private namespace (created here, deleted on exit):
#   data/qdiscs-5001.bin   a qdisc dump: an htb root and 5,000 pfifo leaves;
#   data/classes-5000.bin  the htb's class dump: 5,000 classes;
# each with the statistics the kernel sends (TCA_STATS, TCA_STATS2 with
# basic, rate and queue counters, the kind's extended statistics).
# Not committed; the bench runs this when a file is missing.
#
# usage: benches/gen-tc.sh [OUTDIR]   (needs root and a built rtnl)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/data}
RTNL=${RTNL:-$here/../target/release/rtnl}
[ -x "$RTNL" ] || RTNL=$here/../target/debug/rtnl
[ -x "$RTNL" ] || { echo "gen-tc.sh: build rtnl first (cargo build --release -p rtnl-io)" >&2; exit 1; }
mkdir -p "$out"
ns=rtnl-bench-tc-$$
batch=$(mktemp)
trap 'ip netns del "$ns" 2>/dev/null; rm -f "$batch"' EXIT
ip netns add "$ns"
ip -n "$ns" link add a0 type veth peer name b0
ip -n "$ns" link set a0 up
ip -n "$ns" link set b0 up
{
  echo "qdisc add dev a0 root handle 1: htb default 1"
  for i in $(seq 1 5000); do
    h=$(printf '%x' "$i")
    echo "class add dev a0 parent 1: classid 1:$h htb rate $((i % 97 + 1))mbit ceil 1gbit quantum 1514"
    echo "qdisc add dev a0 parent 1:$h handle $(printf '%x' $((i + 1))): pfifo limit $((i % 50 + 10))"
  done
} > "$batch"
tc -n "$ns" -batch "$batch"
idx=$(ip -n "$ns" -o link show a0 | cut -d: -f1)
"$RTNL" -n "$ns" capture dump RTM_GETQDISC "$out/qdiscs-5001.bin" 2>/dev/null
"$RTNL" -n "$ns" capture dump RTM_GETTCLASS ifindex "$idx" "$out/classes-5000.bin" 2>/dev/null
echo "$out/qdiscs-5001.bin $out/classes-5000.bin"
