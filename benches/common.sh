# Sourced by the benchmark scripts: a private namespace to measure in, and
# the batch of routes they install.

# bench_netns NAME: a namespace with veth0 (10.255.0.1/16, up) and veth1
bench_netns() {
    ip netns add "$1"
    ip -n "$1" link set lo up
    ip -n "$1" link add veth0 type veth peer name veth1
    ip -n "$1" link set veth0 up
    ip -n "$1" link set veth1 up
    ip -n "$1" addr add 10.255.0.1/16 dev veth0
}

# route_batch COUNT: COUNT `route add` lines of /32 routes via 10.255.0.254
route_batch() {
    python3 - "$1" <<'PY'
import sys
n = int(sys.argv[1])
for i in range(n):
    print(f"route add 10.{(i >> 16) & 0xff}.{(i >> 8) & 0xff}.{i & 0xff}/32 via 10.255.0.254 dev veth0")
PY
}
