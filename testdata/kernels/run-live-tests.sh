#!/usr/bin/env bash
# Runs the transport's live-kernel tests (tests/tests/live.rs, built static
# for x86_64) inside the guests of the given amd64 kernels (default: the
# oldest, 5.10), as part of their capture (regen.sh), and prints each
# guest's report (kept as testdata/kernels/NAME/live-tests.txt).
#
#   testdata/kernels/run-live-tests.sh [NAME ...]   (needs root)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(5.10-amd64)
rustup target list --installed | grep -qx x86_64-unknown-linux-musl || rustup target add x86_64-unknown-linux-musl
bin=$(cd "$root" && RTNL_LIVE=1 cargo test -q --profile guest --no-run --target x86_64-unknown-linux-musl \
        -p rtnl-tests --test live --message-format=json 2>/dev/null \
      | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "live":
        print(m["executable"])')
[ -x "$bin" ] || { echo "run-live-tests.sh: the static test binary did not build" >&2; exit 1; }
RTNL_GUEST_TESTS=$bin RTNL_GUEST_TIMEOUT=${RTNL_GUEST_TIMEOUT:-1800} "$here/regen.sh" "${names[@]}"
fail=0
for n in "${names[@]}"; do
  echo "== $n"
  grep -E '^test |^test result|^exit status|panicked' "$here/$n/live-tests.txt" || { echo "no report"; fail=1; }
  grep -q '^exit status 0$' "$here/$n/live-tests.txt" || fail=1
done
exit $fail
