#!/usr/bin/env bash
# Generates the link benchmark's input: a dump of 400 links (200 veth pairs,
# each with an IPv4 and an IPv6 address, up) captured with `rtnl capture`
# from a private namespace (created here, deleted on exit). Not committed;
# the bench runs this when the file is missing.
#
# usage: benches/gen-links.sh [PAIRS] [OUT]   (needs root and a built rtnl)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pairs=${1:-200}
out=${2:-$here/data/links-$((pairs * 2)).bin}
RTNL=${RTNL:-$here/../target/release/rtnl}
[ -x "$RTNL" ] || RTNL=$here/../target/debug/rtnl
[ -x "$RTNL" ] || { echo "gen-links.sh: build rtnl first (cargo build --release -p rtnl-io)" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
ns=rtnl-bench-links-$$
batch=$(mktemp)
trap 'ip netns del "$ns"; rm -f "$batch"' EXIT
ip netns add "$ns"
ip -n "$ns" link set lo up
for i in $(seq 0 $((pairs - 1))); do
  echo "link add a$i type veth peer name b$i"
  echo "link set a$i up"
  echo "link set b$i up"
  echo "addr add 10.$((i / 250)).$((i % 250)).1/24 dev a$i"
  echo "addr add fd00:$i::1/64 dev a$i nodad"
done > "$batch"
ip -n "$ns" -batch "$batch"
"$RTNL" -n "$ns" capture dump RTM_GETLINK "$out" 2>/dev/null
echo "$out"
