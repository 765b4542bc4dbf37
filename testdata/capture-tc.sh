#!/usr/bin/env bash
# Captures, from the running kernel, dumps of the traffic-control objects
# it can hold: an htb tree with classes and a tbf leaf, pfifo, bfifo,
# pfifo_head_drop and pfifo_fast leaves, ingress and clsact qdiscs, u32 filters
# (a hash table, a link into it, marks, a mirred action), a classic-BPF
# filter, filters in chains, standalone mirred actions — after
# traffic over loopback-like veths, so the statistics count — with tc's
# own JSON views (`tc -s -d -j`). tests/tests/corpus.rs decodes them with
# the other kernels' captures.
#
# Everything happens inside a private network namespace created here and
# deleted on exit. Needs root and a built `rtnl` (cargo build -p rtnl-io; or
# set RTNL=/path/to/rtnl).
#
# usage: testdata/capture-tc.sh [OUTDIR]     (default: testdata/host-tc/)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/host-tc}
RTNL=${RTNL:-$here/../target/debug/rtnl}
[ -x "$RTNL" ] || { echo "capture-tc.sh: $RTNL not found: run cargo build -p rtnl-io first" >&2; exit 1; }
mkdir -p "$out"
ns=rtnl-tc-$$
ip netns add "$ns"
trap 'ip netns del "$ns"' EXIT
n() { ip -n "$ns" "$@"; }
t() { tc -n "$ns" "$@"; }

# no IPv6 (its router solicitations would move the counters between the
# dumps and tc's views)
ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
n link set lo up
n link add v0 type veth peer name v1
n link add v2 type veth peer name v3
n link add ifb0 type ifb
for l in v0 v1 v2 v3 ifb0; do n link set "$l" up; done
n addr add 10.9.0.1/24 dev v0
n addr add 10.9.0.2/24 dev v1
# an htb tree: classes, a tbf leaf, fifo and pfifo_fast leaves (this kernel has no prio)
t qdisc add dev v0 root handle 1: htb default 10 r2q 20
t class add dev v0 parent 1: classid 1:1 htb rate 10mbit ceil 20mbit burst 15k
t class add dev v0 parent 1:1 classid 1:10 htb rate 5mbit ceil 10mbit prio 1
t class add dev v0 parent 1:1 classid 1:20 htb rate 2mbit ceil 4mbit prio 2 quantum 1500
t class add dev v0 parent 1:1 classid 1:30 htb rate 1mbit
t class add dev v0 parent 1:1 classid 1:40 htb rate 1mbit
t qdisc add dev v0 parent 1:10 handle 10: tbf rate 1mbit burst 32kb latency 400ms
t qdisc add dev v0 parent 1:20 handle 20: pfifo limit 100
t qdisc add dev v0 parent 1:30 handle 30: bfifo limit 64kb
t qdisc add dev v0 parent 1:40 handle 40: pfifo_fast
t qdisc add dev v2 root handle 2: pfifo_head_drop limit 50
t qdisc add dev v1 ingress
t qdisc add dev v3 clsact
# u32: a plain match to a class, a hash table and a link into it, a mark, a mirred action
t filter add dev v0 parent 1: protocol ip prio 1 u32 match ip dst 10.9.0.2/32 flowid 1:10
t filter add dev v0 parent 1: protocol ip prio 2 handle 2: u32 divisor 16
t filter add dev v0 parent 1: protocol ip prio 2 u32 ht 800:: match ip src 10.9.0.0/24 \
  hashkey mask 0x000000ff at 12 link 2:
t filter add dev v0 parent 1: protocol ip prio 2 u32 ht 2:1: match ip tos 0x10 0xff flowid 1:20
t filter add dev v0 parent 1: protocol ip prio 3 u32 match mark 0x7 0xff flowid 1:30
t filter add dev v1 parent ffff: protocol ip prio 1 u32 match ip src 10.9.0.1/32 \
  action mirred egress mirror dev ifb0
# classic BPF (accept everything: ret #-1), in a clsact hook and in a chain
t filter add dev v3 ingress prio 1 bpf bytecode '1,6 0 0 4294967295,' classid 1:1
t filter add dev v3 egress prio 2 chain 5 bpf bytecode '1,6 0 0 4294967295,' classid 1:2
t chain add dev v3 ingress chain 7
# standalone actions
t actions add action mirred egress redirect dev ifb0 index 21
t actions add action mirred ingress mirror dev v2 index 22
# traffic, so that the statistics count: UDP to a static neighbour on v0's
# subnet leaves through v0's qdiscs and reaches v1's ingress (and nothing
# outside the namespace)
n neigh add 10.9.0.3 lladdr 02:00:00:00:00:03 dev v0 nud permanent
ip netns exec "$ns" python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(5):
    s.sendto(b"x" * 100, ("10.9.0.3", 9))
'
# (tbf releases its burst over time)
sleep 2

cap() { "$RTNL" -n "$ns" capture dump "$@" 2>/dev/null; }
idx() { n -j link show "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["ifindex"])'; }
cap RTM_GETQDISC "$out/qdisc.bin"
cap RTM_GETTCLASS ifindex "$(idx v0)" "$out/class-v0.bin"
cap RTM_GETTFILTER ifindex "$(idx v0)" parent 0x10000 "$out/filter-v0.bin"
cap RTM_GETTFILTER ifindex "$(idx v1)" parent 0xffff0000 "$out/filter-v1-ingress.bin"
cap RTM_GETTFILTER ifindex "$(idx v3)" parent 0xfffffff2 "$out/filter-v3-ingress.bin"
cap RTM_GETTFILTER ifindex "$(idx v3)" parent 0xfffffff3 "$out/filter-v3-egress.bin"
cap RTM_GETCHAIN ifindex "$(idx v3)" parent 0xfffffff2 "$out/chain-v3-ingress.bin"
cap RTM_GETACTION action-kind mirred "$out/action-mirred.bin"
t -s -d -j qdisc show > "$out/tc-qdisc.json"
t -s -d -j class show dev v0 > "$out/tc-class-v0.json"
t -s -d -j filter show dev v0 parent 1: > "$out/tc-filter-v0.json"
t -s -d -j actions list action mirred > "$out/tc-actions-mirred.json"

. "$here/host-manifest.sh"
host_manifest "$out" host-tc testdata/capture-tc.sh
