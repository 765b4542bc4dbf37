# Sourced by the capture scripts of this machine: writes OUT/manifest.json
# naming the kernel, architecture, byte order, iproute2 version, the script
# and every OUT/*.bin with its size and SHA-256.
#
# usage: host_manifest OUT NAME SCRIPT
host_manifest() {
  local out=$1 name=$2 script=$3 kernel f first=1
  kernel=$(uname -r)
  {
    echo "{"
    echo " \"name\": \"$name-${kernel%%-*}\","
    echo " \"kernel\": \"$kernel\","
    echo " \"arch\": \"$(uname -m)\","
    echo " \"byte_order\": \"$(python3 -c 'import sys; print(sys.byteorder)' 2>/dev/null || echo little)\","
    echo " \"iproute2\": \"$(ip -V | sed 's/.*iproute2-\([^,]*\).*/\1/')\","
    echo " \"script\": \"$script\","
    echo " \"files\": ["
    for f in "$out"/*.bin; do
      [ $first = 1 ] || echo ","
      first=0
      printf '  {"file": "%s", "bytes": %s, "sha256": "%s"}' \
        "$(basename "$f")" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"
    done
    echo
    echo " ]"
    echo "}"
  } > "$out/manifest.json"
  echo "captured into $out (kernel $kernel)"
}
