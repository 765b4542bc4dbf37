#!/usr/bin/env bash
# Runs the article's set and monitor programs inside a scratch namespace
# (created here, deleted on exit) and checks what they did against `ip`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q -p rtnl-io --examples
ex=target/debug/examples
ns=rtnl-examples-$$
mon_pid=
out=$(mktemp)
cleanup() {
  [ -n "$mon_pid" ] && kill "$mon_pid" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -f "$out"
}
trap cleanup EXIT
ip netns add "$ns"
ip -n "$ns" link add v0 type veth peer name v1
ip -n "$ns" link set v0 up
ip -n "$ns" link set v1 up
ip -n "$ns" addr add 10.9.0.1/24 dev v0

ip netns exec "$ns" "$ex/mon_routing_table" > "$out" &
mon_pid=$!
sleep 0.5
ip netns exec "$ns" "$ex/set_routing_table" 192.0.2.0/24 10.9.0.2 v0
ip -n "$ns" route show 192.0.2.0/24 | grep -q 'via 10.9.0.2 dev v0 proto static' \
  || { echo "set_routing_table: the route is not in the table" >&2; exit 1; }
if ip netns exec "$ns" "$ex/set_routing_table" 192.0.3.0/24 10.99.0.2 2>"$out.err"; then
  echo "set_routing_table: an invalid gateway was accepted" >&2; exit 1
fi
grep -qx 'Error: Nexthop has invalid gateway.' "$out.err" \
  || { echo "set_routing_table: unexpected error text: $(cat "$out.err")" >&2; exit 1; }
rm -f "$out.err"
ip -n "$ns" route del 192.0.2.0/24
for _ in $(seq 50); do
  grep -qx 'deleted route 192.0.2.0/24 table main' "$out" && break
  sleep 0.1
done
grep -qx 'new route 192.0.2.0/24 table main' "$out" \
  || { echo "mon_routing_table missed the new route:" >&2; cat "$out" >&2; exit 1; }
grep -qx 'deleted route 192.0.2.0/24 table main' "$out" \
  || { echo "mon_routing_table missed the deletion:" >&2; cat "$out" >&2; exit 1; }
# IPv6 too, and a gateway of the other family (RTA_VIA)
ip -n "$ns" -6 addr add fd00:9::1/64 dev v0 nodad
ip netns exec "$ns" "$ex/set_routing_table" fd00:77::/64 fd00:9::2 v0
ip -n "$ns" -6 route show fd00:77::/64 | grep -q 'via fd00:9::2 dev v0 proto static' \
  || { echo "set_routing_table: the IPv6 route is not in the table" >&2; exit 1; }
ip -n "$ns" route add 198.51.100.0/24 via inet6 fd00:9::2 dev v0
got=$(ip netns exec "$ns" "$ex/get_routing_table")
for want in '^10\.9\.0\.0/24 +- +[0-9]+$' '^fd00:77::/64 +fd00:9::2 ' '^198\.51\.100\.0/24 +fd00:9::2 '; do
  echo "$got" | grep -Eq "$want" || { echo "get_routing_table: no line like $want in:" >&2; echo "$got" >&2; exit 1; }
done
if grep -q 'V4(\|V6(\|Some(' "$out"; then echo "mon_routing_table printed Debug text" >&2; exit 1; fi
echo "examples: set, monitor and get work in a scratch namespace"
