#!/usr/bin/env bash
# A library dump of COUNT routes with typed decoding against the floor (the
# same dump's datagrams received and their headers walked), alternating in
# one process (benches/examples/dump_live.rs), in a private namespace made
# here and deleted on exit.
#
# usage: benches/dump.sh [COUNT] [ROUNDS]   (needs root)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
count=${1:-1000000}
rounds=${2:-7}
ns=rtnl-dump-$$
batch=$(mktemp)
trap 'ip netns del "$ns"; rm -f "$batch"' EXIT
bench_netns "$ns"
route_batch "$count" > "$batch"
cargo build -q --release -p rtnl-io -p rtnl-benches --example dump_live
"$here/../target/release/rtnl" -n "$ns" -batch "$batch"
"$here/../target/release/examples/dump_live" "$ns" "$rounds"
