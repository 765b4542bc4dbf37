#!/usr/bin/env bash
# Captures, from the running kernel, link dumps that hold every link kind it
# can create (veth, a veth whose peer is in another namespace, bridge and
# ports, macvlan, macvtap, vxlan, ifb, tap), alternative names and an alias,
# in the three views (AF_UNSPEC, AF_BRIDGE, AF_INET6), with ip's own
# `ip -d -j link show` of the same state. tests/tests/corpus.rs decodes them
# with the other kernels' captures and compares every link with ip's view.
#
# Everything happens inside two private network namespaces created here and
# deleted on exit. Needs root and a built `rtnl` (cargo build -p rtnl-io; or
# set RTNL=/path/to/rtnl).
#
# usage: testdata/capture-links.sh [OUTDIR]     (default: testdata/host-links/)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/host-links}
RTNL=${RTNL:-$here/../target/debug/rtnl}
[ -x "$RTNL" ] || { echo "capture-links.sh: $RTNL not found: run cargo build -p rtnl-io first" >&2; exit 1; }
mkdir -p "$out"
ns=rtnl-links-$$
peer=rtnl-links-peer-$$
ip netns add "$ns"
ip netns add "$peer"
trap 'ip netns del "$ns"; ip netns del "$peer"' EXIT
n() { ip -n "$ns" "$@"; }

n link set lo up
n link add v0 type veth peer name v1
n link set v0 up
n link set v1 up
n addr add 10.9.0.1/24 dev v0
n -6 addr add fd00:9::1/64 dev v0 nodad
# a veth whose peer is in another namespace: IFLA_LINK_NETNSID
n link add x0 type veth peer name x1 netns "$peer"
n link add br0 type bridge stp_state 1 priority 4096
n link add p0 type veth peer name p1
n link set p0 master br0
n link set br0 up
n link set p0 up
n link add mv0 link v0 type macvlan mode bridge
n link add mvt0 link v1 type macvtap mode vepa
n link add vx0 type vxlan id 42 dstport 4789 local 10.9.0.1 srcport 1000 2000 ttl 5
n link add ifb0 type ifb
n tuntap add tap0 mode tap
n link property add dev v0 altname v0-alternative
n link set v1 alias the-peer
# carrier and operational states settle through linkwatch (up to a second)
sleep 2

cap() { "$RTNL" -n "$ns" capture dump "$@" 2>/dev/null; }
cap RTM_GETLINK "$out/link.bin"
cap RTM_GETLINK family 7 "$out/link-bridge.bin"
cap RTM_GETLINK family 10 "$out/link-inet6.bin"
n -d -j link show > "$out/ip-link.json"

kernel=$(uname -r)
{
  echo "{"
  echo " \"name\": \"host-${kernel%%-*}\","
  echo " \"kernel\": \"$kernel\","
  echo " \"arch\": \"$(uname -m)\","
  echo " \"byte_order\": \"$(python3 -c 'import sys; print(sys.byteorder)' 2>/dev/null || echo little)\","
  echo " \"iproute2\": \"$(ip -V | sed 's/.*iproute2-\([^,]*\).*/\1/')\","
  echo " \"script\": \"testdata/capture-links.sh\","
  echo " \"files\": ["
  first=1
  for f in link link-bridge link-inet6; do
    [ $first = 1 ] || echo ","
    first=0
    printf '  {"file": "%s.bin", "bytes": %s, "sha256": "%s"}' \
      "$f" "$(stat -c %s "$out/$f.bin")" "$(sha256sum "$out/$f.bin" | cut -d' ' -f1)"
  done
  echo
  echo " ]"
  echo "}"
} > "$out/manifest.json"
echo "captured into $out (kernel $kernel)"
