#!/usr/bin/env bash
# Captures the golden files in testdata/ from the running kernel.
#
# Everything happens inside a private network namespace created here and
# deleted on exit; nothing outside it is touched. Needs root and a built
# `rtnl` (cargo build -p rtnl-io; or set RTNL=/path/to/rtnl).
#
# usage: testdata/capture.sh [OUTDIR]     (default: testdata/)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
RTNL=${RTNL:-$here/../target/debug/rtnl}
[ -x "$RTNL" ] || { echo "capture.sh: $RTNL not found: run cargo build -p rtnl-io first" >&2; exit 1; }
ns=rtnl-capture-$$
ns2=rtnl-capture-encap-$$
ip netns add "$ns"
ip netns add "$ns2"
trap 'ip netns del "$ns"; ip netns del "$ns2"' EXIT
n() { ip -n "$ns" "$@"; }
n2() { ip -n "$ns2" "$@"; }

# one veth pair with addresses, in namespace $1
links() {
  ip -n "$1" link set lo up
  ip -n "$1" link add v0 type veth peer name v1
  ip -n "$1" link set v0 up
  ip -n "$1" link set v1 up
  ip -n "$1" addr add 10.9.0.1/24 dev v0
  ip -n "$1" -6 addr add fd00:9::1/64 dev v0 nodad
}

# --- set-up: the veth pair, and every route shape the kernel here can hold
links "$ns"
n route add 10.1.0.0/24 via 10.9.0.2 dev v0 metric 5 proto static
n route add 10.2.0.0/24 proto static nexthop via 10.9.0.2 dev v0 weight 1 nexthop via 10.9.0.3 dev v0 weight 3
n route add 10.3.0.0/24 via 10.9.0.2 dev v0 mtu lock 1400 advmss 1360 hoplimit 32 initcwnd 10 congctl cubic
n route add 10.4.0.0/24 via inet6 fd00:9::2 dev v0
n route add blackhole 10.5.0.0/16
n route add unreachable 10.6.0.0/16 metric 7
n route add prohibit 10.7.0.0/16
n route add 10.8.0.0/24 dev v0 table 100 src 10.9.0.1
n route add 10.10.0.0/24 dev v0 table 70000
n route add throw 10.11.0.0/16 table 100
n route add 10.12.0.1 via 10.9.0.2 dev v0 onlink
n -6 route add fd00:1::/64 via fd00:9::2 dev v0 metric 10 pref high
n -6 route add fd00:2::/64 proto static nexthop via fd00:9::2 dev v0 weight 2 nexthop via fd00:9::3 dev v0 weight 1
n -6 route add fd00:3::/64 via fd00:9::2 dev v0 expires 3000 mtu 1300
n -6 route add blackhole fd00:4::/64
n -6 route add fd00:5::/64 from fd00:9::/64 via fd00:9::2 dev v0

# --- a second namespace: every lightweight-tunnel encapsulation this kernel
# accepts (seg6, seg6local, ip, ip6; it refuses mpls, rpl, ioam6, ila, xfrm,
# whose captures come from the other kernels in testdata/kernels/)
links "$ns2"
n2 route add 10.20.0.0/24 encap seg6 mode encap segs fd00:a::1,fd00:a::2 dev v0
n2 route add 10.23.0.0/24 encap seg6 mode l2encap segs fd00:a::3 dev v0
n2 -6 route add fd00:5::/64 encap seg6 mode inline segs fd00:a::1 dev v0
n2 -6 route add fd00:4::/64 encap seg6 mode encap segs fd00:a::1 hmac 7 dev v0
n2 -6 route add fd00:6::/64 encap seg6local action End dev v0
n2 -6 route add fd00:7::/64 encap seg6local action End.X nh6 fd00:9::2 dev v0
n2 -6 route add fd00:8::/64 encap seg6local action End.DT6 table 100 dev v0
n2 -6 route add fd00:3::/64 encap seg6local action End.B6 srh segs fd00:a::1,fd00:a::2 dev v0
n2 -6 route add fd00:2::/64 encap seg6local action End count dev v0
n2 route add 10.21.0.0/24 encap ip id 5 dst 10.9.0.9 ttl 10 key csum dev v0
n2 -6 route add fd00:b::/64 encap ip6 id 5 dst fd00:9::9 hoplimit 10 tc 3 dev v0
n2 route add 10.22.0.0/24 nexthop encap seg6 mode encap segs fd00:a::1 via 10.9.0.2 dev v0 nexthop via 10.9.0.3 dev v0 weight 2
"$RTNL" -n "$ns2" capture dump RTM_GETROUTE "$out/route-encap.bin"

cap() { "$RTNL" -n "$ns" capture dump "$@"; }
cap RTM_GETROUTE family 2 "$out/route-v4.bin"
cap RTM_GETROUTE family 10 "$out/route-v6.bin"
cap RTM_GETROUTE "$out/route-all.bin"
cap RTM_GETROUTE family 128 "$out/route-ipmr.bin"
cap RTM_GETLINK "$out/link.bin"
# ext-ack errors, recorded as the kernel sent them
rm -f "$out/error-extack.bin" "$out/error-exists.bin"
if "$RTNL" -n "$ns" --capture "$out/error-extack.bin" route add 10.20.0.0/24 via 10.99.0.2 2>/dev/null; then
  echo "capture.sh: the invalid-gateway route was accepted" >&2; exit 1
fi
if "$RTNL" -n "$ns" --capture "$out/error-exists.bin" route add 10.1.0.0/24 via 10.9.0.2 dev v0 metric 5 proto static 2>/dev/null; then
  echo "capture.sh: the duplicate route was accepted" >&2; exit 1
fi

# --- manifest
kernel=$(uname -r)
{
  echo "{"
  echo "  \"kernel\": \"$kernel\","
  echo "  \"arch\": \"$(uname -m)\","
  echo "  \"byte_order\": \"$(python3 -c 'import sys; print(sys.byteorder)' 2>/dev/null || echo little)\","
  echo "  \"iproute2\": \"$(ip -V | sed 's/.*iproute2-\([^,]*\).*/\1/')\","
  echo "  \"script\": \"testdata/capture.sh\","
  echo "  \"files\": ["
  first=1
  for f in route-v4 route-v6 route-all route-ipmr route-encap link error-extack error-exists; do
    case $f in
      route-v4) what="RTM_GETROUTE dump, AF_INET: unicast via/dev, multipath, metrics (lock mtu, advmss, hoplimit, initcwnd, congctl), RTA_VIA, blackhole/unreachable/prohibit/throw, tables 100 and 70000, onlink";;
      route-v6) what="RTM_GETROUTE dump, AF_INET6: pref high, multipath, expires + mtu, blackhole, source routing";;
      route-all) what="RTM_GETROUTE dump, AF_UNSPEC: all families";;
      route-ipmr) what="RTM_GETROUTE dump, RTNL_FAMILY_IPMR (multicast cache; empty here)";;
      route-encap) what="RTM_GETROUTE dump, AF_UNSPEC, a second namespace: RTA_ENCAP seg6 (encap, l2encap, inline, hmac), seg6local (End, End.X nh6, End.DT6 table, End.B6 srh, counters), ip, ip6, and a next hop's own seg6 encap";;
      link) what="RTM_GETLINK dump: lo, v0, v1 (veth)";;
      error-extack) what="NLMSG_ERROR -EINVAL with NLMSGERR_ATTR_MSG (invalid gateway), uncapped echo, NLM_F_ACK_TLVS";;
      error-exists) what="NLMSG_ERROR -EEXIST without ext-ack message";;
    esac
    [ $first = 1 ] || echo ","
    first=0
    printf '    {"file": "%s.bin", "bytes": %s, "sha256": "%s", "what": "%s"}' \
      "$f" "$(stat -c %s "$out/$f.bin")" "$(sha256sum "$out/$f.bin" | cut -d' ' -f1)" "$what"
  done
  echo
  echo "  ]"
  echo "}"
} > "$out/manifest.json"
echo "captured into $out (kernel $kernel)"
