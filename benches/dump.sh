#!/usr/bin/env bash
# A library dump of COUNT routes with typed decoding against the floor (the
# same dump's datagrams received and their headers walked), alternating in
# one process (benches/examples/dump_live.rs), in a private namespace made
# here and deleted on exit.
#
# usage: benches/dump.sh [COUNT] [ROUNDS]   (needs root)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
count=${1:-1000000}
rounds=${2:-7}
ns=rtnl-dump-$$
batch=$(mktemp)
ip netns add "$ns"
trap 'ip netns del "$ns"; rm -f "$batch"' EXIT
ip -n "$ns" link set lo up
ip -n "$ns" link add veth0 type veth peer name veth1
ip -n "$ns" link set veth0 up
ip -n "$ns" link set veth1 up
ip -n "$ns" addr add 10.255.0.1/16 dev veth0
python3 - "$count" > "$batch" <<'PY'
import sys
n = int(sys.argv[1])
for i in range(n):
    print(f"route add 10.{(i >> 16) & 0xff}.{(i >> 8) & 0xff}.{i & 0xff}/32 via 10.255.0.254 dev veth0")
PY
cargo build -q --release -p rtnl-io -p rtnl-benches --example dump_live
"$here/../target/release/rtnl" -n "$ns" -batch "$batch"
"$here/../target/release/examples/dump_live" "$ns" "$rounds"
