#!/bin/sh
# Runs inside the qemu guest (see regen.sh): sets up every link kind, route
# type, rule, neighbour, next hop, bridge feature and tc object the kernel's
# modules provide, then captures every family's dumps with `rtnl capture`
# into /out, with iproute2's -j views of the same state. Each set-up step may
# fail on a kernel without the feature; failures are listed in /out/setup.log.
IP=/usr/local/sbin/ip
TC=/usr/local/sbin/tc
BR=/usr/local/sbin/bridge
RTNL=/usr/local/bin/rtnl
OUT=/out
mkdir -p $OUT
log=$OUT/setup.log
: > $log
t() { # try: run a command, note failures
  if "$@" >/dev/null 2>>$log.err; then echo "ok   $*" >> $log; else echo "FAIL $*: $(tail -n 1 $log.err)" >> $log; fi
}
ipx() { t $IP "$@"; }
tcx() { t $TC "$@"; }
brx() { t $BR "$@"; }

# notifications during set-up
$RTNL --capture $OUT/monitor.bin monitor all >/dev/null 2>&1 &
MON=$!
sleep 1

ipx link set lo up
# links
ipx link add d0 type dummy
ipx link add d1 type dummy
ipx link add d2 type dummy
ipx link add d3 type dummy
ipx link add d4 type dummy
ipx link add v0 type veth peer name v1
ipx link add br0 type bridge vlan_filtering 1 mcast_snooping 1
ipx link add bond0 type bond mode active-backup miimon 100
ipx link add link d0 name d0.100 type vlan id 100
ipx link add link d0 name d0.200 type vlan id 200 protocol 802.1ad
ipx link add link d1 name mv0 type macvlan mode bridge
ipx link add link d2 name ipv0 type ipvlan mode l3
ipx link add vx0 type vxlan id 42 dstport 4789 local 10.9.0.1 ttl 64
ipx link add vx1 type vxlan dstport 4790 external vnifilter
ipx link add gnv0 type geneve id 7 remote 10.9.0.9
ipx link add gre1 type gre local 10.9.0.1 remote 10.9.0.2 ttl 64
ipx link add gtap1 type gretap local 10.9.0.1 remote 10.9.0.3
ipx link add ipip1 type ipip local 10.9.0.1 remote 10.9.0.4
ipx link add sit1 type sit local 10.9.0.1 remote 10.9.0.5
ipx link add ip6t1 type ip6tnl local fd00:9::1 remote fd00:9::2 mode ip6ip6
ipx link add ip6gre1 type ip6gre local fd00:9::1 remote fd00:9::3
ipx link add vrf0 type vrf table 10
ipx link add ifb0 type ifb
ipx link add nl0 type nlmon
ipx link add wg0 type wireguard
ipx link add xfrm1 type xfrm dev d3 if_id 5
ipx link add vti1 type vti local 10.9.0.1 remote 10.9.0.6 key 9
ipx link add link d3 macsec0 type macsec port 11 encrypt on
ipx link set d4 master bond0
ipx link set v1 master br0
ipx link set vx1 master br0
ipx link set d3 master vrf0 2>/dev/null
for l in d0 d1 d2 d3 v0 v1 br0 bond0 d0.100 d0.200 mv0 ipv0 vx0 vx1 gnv0 gre1 gtap1 ipip1 sit1 ip6t1 ip6gre1 vrf0 ifb0 wg0; do
  $IP link set $l up 2>/dev/null
done
ipx link property add dev d0 altname dummy-zero
ipx link set d1 mtu 1400 alias "second dummy"

# addresses
ipx addr add 10.9.0.1/24 dev v0
ipx addr add 10.8.0.1/24 brd + dev d0 label d0:a
ipx -6 addr add fd00:9::1/64 dev v0 nodad
ipx -6 addr add fd00:8::1/64 dev d0 nodad valid_lft 3000 preferred_lft 2000
ipx addr add 10.7.0.1/24 dev br0

# routes
ipx route add 10.1.0.0/24 via 10.9.0.2 dev v0 metric 5 proto static
ipx route add 10.2.0.0/24 nexthop via 10.9.0.2 dev v0 weight 1 nexthop via 10.9.0.3 dev v0 weight 3
ipx route add 10.3.0.0/24 via 10.9.0.2 dev v0 mtu lock 1400 advmss 1360 congctl cubic
ipx route add 10.4.0.0/24 via inet6 fd00:9::2 dev v0
ipx route add blackhole 10.5.0.0/16
ipx route add unreachable 10.6.0.0/16
ipx route add prohibit 10.16.0.0/16
ipx route add throw 10.17.0.0/16 table 100
ipx route add 10.18.0.0/24 dev d0 table 70000
ipx route add 10.19.0.0/24 encap mpls 100/200 via 10.9.0.2 dev v0
ipx route add 10.20.0.0/24 via 10.9.0.2 dev v0 table 10
ipx -6 route add fd00:1::/64 via fd00:9::2 dev v0 pref high
ipx -6 route add fd00:2::/64 nexthop via fd00:9::2 dev v0 weight 2 nexthop via fd00:9::3 dev v0
ipx -6 route add fd00:3::/64 via fd00:9::2 dev v0 expires 3000
ipx -6 route add fd00:5::/64 encap seg6 mode encap segs fd00:a::1,fd00:a::2 dev v0
# MPLS
t sh -c "echo 1000 > /proc/sys/net/mpls/platform_labels"
t sh -c "echo 1 > /proc/sys/net/mpls/conf/v0/input"
ipx -f mpls route add 100 as 200 via inet 10.9.0.2 dev v0
ipx -f mpls route add 101 via inet6 fd00:9::2 dev v0
# next hops
ipx nexthop add id 1 via 10.9.0.2 dev v0
ipx nexthop add id 2 via 10.9.0.3 dev v0
ipx nexthop add id 3 group 1/2
ipx nexthop add id 4 group 1,2/2,3 type resilient buckets 8 idle_timer 60
ipx nexthop add id 5 blackhole
ipx -6 nexthop add id 6 via fd00:9::2 dev v0
ipx route add 10.21.0.0/24 nhid 3
# rules
ipx rule add from 10.1.0.0/16 table 100 priority 100
ipx rule add fwmark 0x10/0xff table 100 priority 101
ipx rule add iif v0 oif d0 tos 0x10 table 100 priority 102
ipx rule add ipproto 6 sport 1000-2000 dport 80 table 100 priority 103
ipx rule add uidrange 1000-2000 goto 105 priority 104
ipx rule add not to 10.2.0.0/16 prohibit priority 105
ipx rule add l3mdev priority 106
ipx -6 rule add from fd00::/16 table 100 priority 100
# neighbours
ipx neigh replace 10.9.0.2 lladdr 02:00:00:00:00:02 dev v0 nud permanent
ipx neigh replace 10.9.0.3 lladdr 02:00:00:00:00:03 dev v0 nud stale
ipx neigh replace fd00:9::2 lladdr 02:00:00:00:00:04 dev v0 router nud reachable
ipx neigh add proxy 10.9.0.99 dev v0
# bridge: vlans, fdb, mdb, vni filtering
brx vlan add vid 10 dev v1
brx vlan add vid 20 dev v1 pvid untagged
brx vlan add vid 21-22 dev v1
brx vlan add vid 10 dev br0 self
brx fdb add 02:00:00:00:01:01 dev v1 master static vlan 10
brx fdb add 00:00:00:00:00:00 dev vx0 dst 10.9.0.7 self permanent
brx mdb add dev br0 port v1 grp 239.1.1.1 permanent vid 10
brx vni add dev vx1 vni 100-102
brx vlan add vid 30 dev vx1
# tc
tcx qdisc add dev d0 root handle 1: htb default 10
tcx class add dev d0 parent 1: classid 1:10 htb rate 10mbit ceil 20mbit
tcx class add dev d0 parent 1: classid 1:20 htb rate 5mbit
tcx qdisc add dev d0 parent 1:10 handle 10: fq_codel
tcx qdisc add dev d0 parent 1:20 handle 20: netem delay 10ms 1ms loss 1%
tcx qdisc add dev d1 root tbf rate 1mbit burst 32kb latency 400ms
tcx qdisc add dev d0 clsact
tcx qdisc add dev v0 ingress
tcx filter add dev d0 parent 1: protocol ip prio 1 u32 match ip dst 10.1.0.0/16 flowid 1:10
tcx filter add dev d0 parent 1: protocol ip prio 2 flower dst_ip 10.2.0.0/16 ip_proto tcp dst_port 80 action drop
tcx filter add dev d0 ingress protocol all prio 3 matchall action mirred egress redirect dev ifb0
tcx filter add dev d0 egress protocol ip prio 4 flower skip_hw action vlan push id 5 action police rate 1mbit burst 10k conform-exceed drop
tcx filter add dev v0 parent ffff: protocol ip prio 1 u32 match ip src 10.9.0.0/24 action skbedit mark 7
tcx filter add dev d0 ingress chain 7 protocol ip prio 5 flower ip_proto udp action tunnel_key set src_ip 10.9.0.1 dst_ip 10.9.0.2 id 11 dst_port 4789
tcx chain add dev d0 ingress chain 9
tcx actions add action gact pass index 10
tcx actions add action police rate 2mbit burst 20k conform-exceed drop index 11
tcx actions add action mirred egress mirror dev ifb0 index 12
# other families
t sh -c "echo 1 > /proc/sys/net/ipv4/conf/v0/forwarding"
ipx netns add other 2>/dev/null
ipx addrlabel add prefix fd00:77::/64 label 77
ipx maddr add 33:33:00:00:00:77 dev d0
# multicast routing: cache entries and, for packets none matches, cache
# reports; rtnl-mrt holds the routing sockets until the captures are made
MRT=
if [ -x /usr/local/bin/rtnl-mrt ]; then
  /usr/local/bin/rtnl-mrt v0 d1 d2 v1 > /tmp/mrt.out 2>/tmp/mrt.err &
  MRT=$!
  for _ in 1 2 3 4 5; do grep -q ready /tmp/mrt.out 2>/dev/null && break; sleep 1; done
  if grep -q ready /tmp/mrt.out; then echo "ok   rtnl-mrt v0 d1 d2 v1" >> $log; else echo "FAIL rtnl-mrt" >> $log; fi
  sed 's/^/     rtnl-mrt: /' /tmp/mrt.err >> $log
fi
sleep 1
kill $MON 2>/dev/null

# captures
cap() { out=$1; shift; $RTNL capture dump "$@" manifest $OUT/captures.jsonl $OUT/$out.bin >>$log 2>&1 || echo "FAIL capture $out" >> $log; }
capget() { out=$1; shift; $RTNL capture get "$@" manifest $OUT/captures.jsonl $OUT/$out.bin >>$log 2>&1 || echo "FAIL capture $out" >> $log; }
idx() { cat /sys/class/net/$1/ifindex; }
cap link RTM_GETLINK
capget link-get-v0 RTM_GETLINK ifindex $(idx v0)
cap link-bridge RTM_GETLINK family 7
cap link-inet6 RTM_GETLINK family 10
cap addr RTM_GETADDR
cap route-v4 RTM_GETROUTE family 2
cap route-v6 RTM_GETROUTE family 10
cap route-mpls RTM_GETROUTE family 28
cap route-ipmr RTM_GETROUTE family 128
cap route-ip6mr RTM_GETROUTE family 129
# ip's views of the caches at once: unresolved entries expire in seconds
$IP -j mroute show > $OUT/ip-mroute-v4.json 2>>$log
$IP -6 -j mroute show > $OUT/ip-mroute-v6.json 2>>$log
cap neigh RTM_GETNEIGH
cap fdb RTM_GETNEIGH family 7
cap neightbl RTM_GETNEIGHTBL
cap rule-v4 RTM_GETRULE family 2
cap rule-v6 RTM_GETRULE family 10
cap nexthop RTM_GETNEXTHOP
cap nexthopbucket RTM_GETNEXTHOPBUCKET
cap qdisc RTM_GETQDISC
cap class-d0 RTM_GETTCLASS ifindex $(idx d0) parent 0x10000
cap filter-d0 RTM_GETTFILTER ifindex $(idx d0) parent 0x10000
cap filter-d0-ingress RTM_GETTFILTER ifindex $(idx d0) parent 0xfffffff2
cap filter-d0-egress RTM_GETTFILTER ifindex $(idx d0) parent 0xfffffff3
cap filter-v0-ingress RTM_GETTFILTER ifindex $(idx v0) parent 0xfffffff1
cap chain-d0-ingress RTM_GETCHAIN ifindex $(idx d0) parent 0xfffffff2
for k in gact police mirred; do cap action-$k RTM_GETACTION action-kind $k; done
cap netconf-v4 RTM_GETNETCONF family 2
cap netconf-v6 RTM_GETNETCONF family 10
cap nsid RTM_GETNSID
cap mdb RTM_GETMDB family 7
cap vlan RTM_GETVLAN family 7
cap tunnel RTM_GETTUNNEL family 7
cap stats RTM_GETSTATS filter-mask 0x1f
cap addrlabel RTM_GETADDRLABEL family 10
cap multicast-v6 RTM_GETMULTICAST family 10
cap anycast-v6 RTM_GETANYCAST family 10
# ext-ack errors
$RTNL --capture $OUT/error-gateway.bin route add 10.30.0.0/24 via 10.99.0.2 >/dev/null 2>&1
$RTNL --capture $OUT/error-exists.bin route add 10.1.0.0/24 via 10.9.0.2 dev v0 metric 5 proto static >/dev/null 2>&1

# iproute2's views of the same state
$IP -j -d link show > $OUT/ip-link.json 2>>$log
$IP -d link show > $OUT/ip-link.txt 2>>$log
$IP -j addr show > $OUT/ip-addr.json 2>>$log
$IP -j route show table all > $OUT/ip-route-v4.json 2>>$log
$IP -j -6 route show table all > $OUT/ip-route-v6.json 2>>$log
$IP -j -f mpls route show > $OUT/ip-route-mpls.json 2>>$log
$IP -j rule show > $OUT/ip-rule.json 2>>$log
$IP -j neigh show > $OUT/ip-neigh.json 2>>$log
$IP -j nexthop show > $OUT/ip-nexthop.json 2>>$log
[ -n "$MRT" ] && kill $MRT 2>/dev/null
$TC -j qdisc show > $OUT/tc-qdisc.json 2>>$log
$TC -j class show dev d0 > $OUT/tc-class-d0.json 2>>$log
$BR -j vlan show > $OUT/bridge-vlan.json 2>>$log
$BR -j fdb show > $OUT/bridge-fdb.json 2>>$log
$BR -j mdb show > $OUT/bridge-mdb.json 2>>$log
uname -r > $OUT/kernel-version
uname -m > $OUT/arch
cut -d' ' -f1 /proc/modules | sort > $OUT/modules.txt
rm -f $log.err
