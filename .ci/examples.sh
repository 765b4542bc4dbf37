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
  grep -q '^deleted route .*192.0.2.0.*/24' "$out" && break
  sleep 0.1
done
grep -q '^new route .*192.0.2.0.*/24 table 254' "$out" \
  || { echo "mon_routing_table missed the new route:" >&2; cat "$out" >&2; exit 1; }
grep -q '^deleted route .*192.0.2.0.*/24' "$out" \
  || { echo "mon_routing_table missed the deletion:" >&2; cat "$out" >&2; exit 1; }
ip netns exec "$ns" "$ex/get_routing_table" | grep -q '^192.0.2.0/24\|^10.9.0.0/24' \
  || { echo "get_routing_table printed nothing expected" >&2; exit 1; }
echo "examples: set, monitor and get work in a scratch namespace"
