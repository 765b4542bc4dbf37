#!/usr/bin/env bash
# Generates the address and neighbour benchmarks' inputs, captured with
# `rtnl capture` from a private namespace (created here, deleted on exit):
#   data/addrs-400.bin   an address dump of 400 links (200 veth pairs, up),
#                        each with an IPv4 and an IPv6 address besides its
#                        IPv6 link-local one, and lo's two;
#   data/neighs-10000.bin a neighbour dump of 10,000 permanent entries, half
#                        IPv4 and half IPv6, over 20 links.
# Not committed; the bench runs this when a file is missing.
#
# usage: benches/gen-l3.sh [OUTDIR]   (needs root and a built rtnl)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/data}
RTNL=${RTNL:-$here/../target/release/rtnl}
[ -x "$RTNL" ] || RTNL=$here/../target/debug/rtnl
[ -x "$RTNL" ] || { echo "gen-l3.sh: build rtnl first (cargo build --release -p rtnl-io)" >&2; exit 1; }
mkdir -p "$out"
ns=rtnl-bench-l3-$$
batch=$(mktemp)
trap 'ip netns del "$ns" 2>/dev/null; rm -f "$batch"' EXIT
ip netns add "$ns"
ip -n "$ns" link set lo up
for i in $(seq 0 199); do
  echo "link add a$i type veth peer name b$i"
  echo "link set a$i up"
  echo "link set b$i up"
  echo "addr add 10.$((i / 250)).$((i % 250)).1/24 dev a$i"
  echo "addr add 10.$((100 + i / 250)).$((i % 250)).2/24 dev b$i"
  echo "addr add fd00:$i::1/64 dev a$i nodad"
  echo "addr add fd01:$i::2/64 dev b$i nodad"
done > "$batch"
ip -n "$ns" -batch "$batch"
# Wait for the link-local addresses (DAD done on each) so that the dump is
# the same every time.
for _ in $(seq 50); do
  [ "$(ip -n "$ns" -6 addr show tentative | grep -c inet6)" = 0 ] && break
  sleep 0.2
done
"$RTNL" -n "$ns" capture dump RTM_GETADDR "$out/addrs-400.bin" 2>/dev/null
for i in $(seq 0 9999); do
  j=$((i / 2))
  dev=a$((j % 20))
  mac=$(printf '02:00:00:%02x:%02x:%02x' $((i >> 16 & 255)) $((i >> 8 & 255)) $((i & 255)))
  if [ $((i % 2)) = 0 ]; then
    echo "neigh add 10.200.$((j / 250)).$((j % 250 + 1)) lladdr $mac dev $dev nud permanent"
  else
    echo "neigh add fd02::$(printf '%x' $((j + 1))) lladdr $mac dev $dev nud permanent"
  fi
done > "$batch"
ip -n "$ns" -batch "$batch"
"$RTNL" -n "$ns" capture dump RTM_GETNEIGH "$out/neighs-10000.bin" 2>/dev/null
echo "$out/addrs-400.bin $out/neighs-10000.bin"
