#!/usr/bin/env bash
# Captures, from the running kernel, dumps of the layer-3 families it can
# hold: addresses (labels, lifetimes, flags), multicast and anycast
# addresses, address labels, neighbours (permanent, stale, router, proxy),
# bridge FDB entries, neighbour tables, rules with every selector it
# accepts, next hops (gateways, onlink, blackhole, seg6 and ip encaps,
# groups, a resilient group) and their buckets, netconf, namespace ids,
# the notifications of a router advertisement (prefix, ND user option),
# with ip's own JSON views of the same state. tests/tests/corpus.rs decodes
# them with the other kernels' captures and compares every object with
# ip's view.
#
# Everything happens inside private network namespaces created here and
# deleted on exit. Needs root and a built `rtnl` (cargo build -p rtnl-io; or
# set RTNL=/path/to/rtnl).
#
# usage: testdata/capture-l3.sh [OUTDIR]     (default: testdata/host-l3/)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/host-l3}
RTNL=${RTNL:-$here/../target/debug/rtnl}
[ -x "$RTNL" ] || { echo "capture-l3.sh: $RTNL not found: run cargo build -p rtnl-io first" >&2; exit 1; }
mkdir -p "$out"
ns=rtnl-l3-$$
peer=rtnl-l3-peer-$$
ip netns add "$ns"
ip netns add "$peer"
trap 'ip netns del "$ns"; ip netns del "$peer"' EXIT
n() { ip -n "$ns" "$@"; }

n link set lo up
n link add v0 type veth peer name v1
n link add br0 type bridge
n link add p0 type veth peer name p1
n link set p0 master br0
for l in v0 v1 br0 p0 p1; do n link set "$l" up; done
# addresses: labels, broadcast, lifetimes, flags, a peer
n addr add 10.9.0.1/24 brd + dev v0
n addr add 10.8.0.1/24 dev v0 label v0:a
n addr add 10.7.0.1 peer 10.7.0.2/32 dev v1
n addr add 10.6.0.1/24 dev v1 noprefixroute metric 50
n -6 addr add fd00:9::1/64 dev v0 nodad
n -6 addr add fd00:8::1/64 dev v0 nodad valid_lft 3000 preferred_lft 2000
n -6 addr add fd00:7::1/64 dev v1 nodad home mngtmpaddr
n addrlabel add prefix fd00:77::/64 label 77
n maddr add 33:33:00:00:00:77 dev v0
# neighbours
n neigh replace 10.9.0.2 lladdr 02:00:00:00:00:02 dev v0 nud permanent
n neigh replace 10.9.0.3 lladdr 02:00:00:00:00:03 dev v0 nud stale
n neigh replace fd00:9::2 lladdr 02:00:00:00:00:04 dev v0 router nud permanent
n neigh add proxy 10.9.0.99 dev v0
n neigh add proxy fd00:9::99 dev v0
bridge -n "$ns" fdb add 02:00:00:00:01:01 dev p0 master static
# next hops (before the rules: the kernel checks a gateway through them)
n nexthop add id 1 via 10.9.0.2 dev v0
n nexthop add id 2 via 10.9.0.3 dev v0 onlink
n nexthop add id 3 group 1/2
n nexthop add id 4 group 1,2/2,3 type resilient buckets 8 idle_timer 60 unbalanced_timer 20
n nexthop add id 5 blackhole
n -6 nexthop add id 6 via fd00:9::2 dev v0 protocol static
# (ip 6.1 prints an ip encap's id over the next hop's: keep them equal)
n nexthop add id 7 encap ip id 7 dst 10.1.1.1 via 10.9.0.4 dev v0
n nexthop add id 8 encap seg6 mode encap segs fd00::1 via fd00:9::5 dev v0
n nexthop add id 9 via 10.9.0.5 fdb
n nexthop add id 10 group 9 fdb
n route add 10.21.0.0/24 nhid 3
# rules
n rule add from 10.1.0.0/16 table 100 priority 100
n rule add fwmark 0x10/0xff table 100 priority 101
n rule add iif v0 oif v1 tos 0x10 table 100 priority 102
n rule add ipproto 6 sport 1000-2000 dport 80 table 100 priority 103
n rule add uidrange 1000-2000 goto 105 priority 104
n rule add not to 10.2.0.0/16 prohibit priority 105
n rule add l3mdev priority 106
n rule add from all lookup main suppress_prefixlength 0 priority 107
n rule add tun_id 0x1122 realms 3/4 table 200 priority 108 protocol static
n -6 rule add from fd00::/16 table 100 priority 100
n -6 rule add to fd00:1::/32 fwmark 7 blackhole priority 101
# netconf, namespace ids
n netns set "$peer" 7
ip netns exec "$ns" sysctl -qw net.ipv4.conf.v0.forwarding=1 net.ipv4.conf.v0.rp_filter=2

cap() { "$RTNL" -n "$ns" capture dump "$@" 2>/dev/null; }
cap RTM_GETLINK "$out/link.bin"
cap RTM_GETADDR "$out/addr.bin"
cap RTM_GETMULTICAST family 10 "$out/multicast-v6.bin"
cap RTM_GETANYCAST family 10 "$out/anycast-v6.bin"
cap RTM_GETADDRLABEL family 10 "$out/addrlabel.bin"
cap RTM_GETNEIGH "$out/neigh.bin"
cap RTM_GETNEIGH family 7 "$out/fdb.bin"
cap RTM_GETNEIGHTBL "$out/neightbl.bin"
cap RTM_GETRULE family 2 "$out/rule-v4.bin"
cap RTM_GETRULE family 10 "$out/rule-v6.bin"
cap RTM_GETNEXTHOP "$out/nexthop.bin"
cap RTM_GETNEXTHOPBUCKET "$out/nexthopbucket.bin"
cap RTM_GETNETCONF family 2 "$out/netconf-v4.bin"
cap RTM_GETNETCONF family 10 "$out/netconf-v6.bin"
cap RTM_GETNSID "$out/nsid.bin"
n -j addr show > "$out/ip-addr.json"
n -j rule show > "$out/ip-rule.json"
n -j nexthop show > "$out/ip-nexthop.json"
n -j neigh show > "$out/ip-neigh.json"
bridge -n "$ns" -j fdb show > "$out/bridge-fdb.json"
# (after the dumps and the views: the advertisement changes the addresses)
# notifications of a router advertisement from v1 (python3's raw ICMPv6
# socket in the namespace): a prefix option (RTM_NEWPREFIX) and an RDNSS
# option (RTM_NEWNDUSEROPT), with the addresses and routes they make
"$RTNL" -n "$ns" --capture "$out/ra-notify.bin" monitor all > /dev/null 2>&1 &
mon=$!
sleep 1
ra='
import socket, struct
s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, b"v1")
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
ra = struct.pack("!BBHBBHII", 134, 0, 0, 64, 0, 0, 0, 0)
pi = struct.pack("!BBBBIII", 3, 4, 64, 0xc0, 3600, 1800, 0) + socket.inet_pton(socket.AF_INET6, "fd00:77::")
rdnss = struct.pack("!BBHI", 25, 3, 0, 600) + socket.inet_pton(socket.AF_INET6, "fd00:77::53")
s.sendto(ra + pi + rdnss, ("ff02::1", 0, 0, socket.if_nametoindex("v1")))
'
# v1's link-local address must have passed DAD before it can send
for _ in $(seq 20); do ip netns exec "$ns" python3 -c "$ra" 2>/dev/null && break; sleep 0.5; done
sleep 1
kill "$mon"
wait "$mon" 2>/dev/null || true

. "$here/host-manifest.sh"
host_manifest "$out" host-l3 testdata/capture-l3.sh
