#!/usr/bin/env bash
# Regenerates the golden corpus in testdata/kernels/: boots stock Debian
# kernels (kernels.conf) under qemu with software emulation, sets up every
# link kind, route type and tc object their modules offer (guest-setup.sh),
# captures every family's dumps with the project's own static `rtnl`, and
# brings them out over the serial console with a sha256.
#
#   testdata/kernels/regen.sh [NAME ...]      (default: every kernel; needs root)
#
# RTNL_GUEST_TESTS=BINARY also runs a static test binary in each guest after
# its set-up (the transport's live tests: see run-live-tests.sh) and keeps its
# report as live-tests.txt; RTNL_GUEST_TIMEOUT (seconds, default 600) bounds
# each boot.
#
# Package downloads use a private apt state under $RTNL_REGEN_WORK (default
# /var/tmp/rtnl-regen, reused as a cache; `--clean` removes it): the system's
# apt configuration is never touched. Host tools that are missing (qemu-system
# from bookworm-backports, the s390x cross linker, kmod, cpio) are installed
# once. A kernel whose packages are gone, whose guest does not boot or whose
# console stream fails its checksum is reported and its old capture kept;
# nothing partial or unverified is written. Exit status: 0 only if every
# requested kernel was captured.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${RTNL_REGEN_WORK:-/var/tmp/rtnl-regen}
jobs=${RTNL_REGEN_JOBS:-2}

if [ "${1:-}" = "--clean" ]; then rm -rf "$work"; echo "removed $work"; exit 0; fi
mkdir -p "$work"

# The Debian archive and its security archive: the ones this machine's apt is
# configured with (override with RTNL_DEBIAN_MIRROR / RTNL_DEBIAN_SECURITY).
apt_uris() {
  { grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{for (i = 2; i <= NF; i++) print $i}'
    grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | sed 's/\[[^]]*\]//' | awk '{print $2}'; } 2>/dev/null | sed 's#/*$##' || true
}
mirror=${RTNL_DEBIAN_MIRROR:-$(apt_uris | grep -E '/debian$' | head -n 1 || true)}
security=${RTNL_DEBIAN_SECURITY:-$(apt_uris | grep -E '/debian-security$' | head -n 1 || true)}
[ -n "$mirror" ] || { echo "regen.sh: no Debian archive in the apt configuration; set RTNL_DEBIAN_MIRROR" >&2; exit 2; }
[ -n "$security" ] || security=${mirror}-security

log() { printf '[regen %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------- host tools ----------
ensure_host_tools() {
  local need=()
  command -v cpio >/dev/null || need+=(cpio)
  command -v gcc >/dev/null || need+=(gcc libc6-dev)
  command -v depmod >/dev/null || need+=(kmod)
  command -v readelf >/dev/null || need+=(binutils)
  command -v xz >/dev/null || need+=(xz-utils)
  command -v zstd >/dev/null || need+=(zstd)
  command -v s390x-linux-gnu-gcc >/dev/null || need+=(gcc-s390x-linux-gnu libc6-dev-s390x-cross)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  if ! command -v qemu-system-x86_64 >/dev/null || ! command -v qemu-system-s390x >/dev/null; then
    # bookworm's own qemu-system would replace the image's newer qemu-utils:
    # take the backports build of the same version, through a private list
    local d=$work/host-apt
    mkdir -p "$d/lists/partial"
    cat > "$d/sources.list" <<SRC
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $security bookworm-security main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm-backports main
SRC
    local q=(-o Dir::Etc::SourceList="$d/sources.list" -o Dir::Etc::SourceParts=- -o Dir::State::Lists="$d/lists")
    apt-get -qq "${q[@]}" update
    local v
    v=$(apt-cache "${q[@]}" madison qemu-system-x86 | awk -F'|' '/backports/ {gsub(/ /, "", $2); print $2; exit}')
    log "installing qemu-system $v from bookworm-backports"
    # -t: the dependencies that must be as new (seabios) come from backports too
    DEBIAN_FRONTEND=noninteractive apt-get -y -qq "${q[@]}" -t bookworm-backports install --no-install-recommends \
      "qemu-system-x86=$v" "qemu-system-s390x=$v" "qemu-system-common=$v" "qemu-system-data=$v" >/dev/null
  fi
  rustup target list --installed | grep -qx x86_64-unknown-linux-musl || rustup target add x86_64-unknown-linux-musl
  rustup target list --installed | grep -qx s390x-unknown-linux-gnu || rustup target add s390x-unknown-linux-gnu
}

# ---------- static rtnl for the guests, and the host's for checking ----------
# The `guest` profile (release without its single codegen unit and LTO):
# the guests' static builds take minutes less, and they are checked, not
# benchmarked. Only the architectures of the kernels selected are built.
build_rtnl() { # arch ...
  log "building static rtnl ($*) and the host rtnl"
  (cd "$root" && cargo build -q --profile guest -p rtnl-io --bin rtnl) || return 1
  local a
  for a in "$@"; do
    case $a in
      amd64) (cd "$root" && cargo build -q --profile guest -p rtnl-io --bin rtnl --target x86_64-unknown-linux-musl) || return 1 ;;
      s390x) (cd "$root" && CARGO_TARGET_S390X_UNKNOWN_LINUX_GNU_LINKER=s390x-linux-gnu-gcc \
          CARGO_TARGET_S390X_UNKNOWN_LINUX_GNU_RUSTFLAGS="-C target-feature=+crt-static" \
          cargo build -q --profile guest -p rtnl-io --bin rtnl --target s390x-unknown-linux-gnu) || return 1 ;;
    esac
  done
}
rtnl_for() { case $1 in amd64) echo "$root/target/x86_64-unknown-linux-musl/guest/rtnl";; s390x) echo "$root/target/s390x-unknown-linux-gnu/guest/rtnl";; esac; }
host_rtnl=$root/target/guest/rtnl

# ---------- private apt per suite and arch ----------
apt_opts() { # suite arch
  local d=$work/apt/$1-$2
  echo "-o Dir::Etc::SourceList=$d/sources.list -o Dir::Etc::SourceParts=- -o Dir::State::Lists=$d/lists \
-o Dir::Cache=$d/cache -o Dir::State::Status=$d/status -o APT::Architecture=$2 -o APT::Architectures=$2 \
-o Debug::NoLocking=1 -o APT::Sandbox::User=root -o Acquire::Retries=3"
}
apt_update() { # suite arch
  local d=$work/apt/$1-$2
  mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
  : > "$d/status"
  echo "deb [arch=$2 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $1 main" > "$d/sources.list"
  # shellcheck disable=SC2046
  apt-get -qq $(apt_opts "$1" "$2") update
}

# ---------- one kernel ----------
capture_kernel() { # name suite arch pinned
  local name=$1 suite=$2 arch=$3 pinned=$4
  local k=$work/k/$name
  rm -rf "$k"; mkdir -p "$k/debs" "$k/pkg" "$k/kroot" "$k/initrd"
  local opts; opts=$(apt_opts "$suite" "$arch")
  local pkg=$pinned
  # shellcheck disable=SC2086
  if ! apt-cache $opts show "$pkg" >/dev/null 2>&1; then
    pkg=$(apt-cache $opts depends "linux-image-$arch" 2>/dev/null | awk '/Depends: linux-image-/ {print $2; exit}')
    [ -n "$pkg" ] || { echo "$name: no kernel package: $pinned is gone and linux-image-$arch has none"; return 1; }
    log "$name: $pinned is gone from the mirror; using the suite's current $pkg"
  fi
  local kver=${pkg#linux-image-}
  local pkgs=("$pkg")
  for extra in linux-binary linux-modules linux-base; do
    # shellcheck disable=SC2086
    apt-cache $opts show "$extra-$kver" >/dev/null 2>&1 && pkgs+=("$extra-$kver")
  done
  log "$name: downloading ${pkgs[*]}, busybox-static, iproute2 and its libraries"
  # shellcheck disable=SC2086
  (cd "$k/debs" && apt-get -qq $opts download "${pkgs[@]}" >/dev/null) || { echo "$name: kernel download failed"; return 1; }
  # shellcheck disable=SC2086
  apt-get -qq $opts install --download-only --no-install-recommends -y iproute2 busybox-static >/dev/null \
    || { echo "$name: iproute2/busybox download failed"; return 1; }
  cp "$work/apt/$suite-$arch/cache/archives/"*.deb "$k/debs/"
  for d in "$k/debs/"*.deb; do
    case $(basename "$d") in
      linux-*) dpkg-deb -x "$d" "$k/kroot" ;;
      *) dpkg-deb -x "$d" "$k/pkg" ;;
    esac
  done
  local vmlinuz moddir
  moddir=$(ls -d "$k/kroot"/lib/modules/* "$k/kroot"/usr/lib/modules/* 2>/dev/null | head -n 1)
  # sid keeps the image beside the modules
  vmlinuz=$(ls "$k/kroot"/boot/vmlinu* "$moddir"/vmlinu* 2>/dev/null | head -n 1)
  [ -n "$vmlinuz" ] && [ -n "$moddir" ] || { echo "$name: no kernel image or modules in $pkg"; return 1; }
  local kv; kv=$(basename "$moddir")
  make_initrd "$k" "$arch" "$moddir" "$kv" || { echo "$name: initramfs build failed"; return 1; }
  boot_and_collect "$name" "$arch" "$vmlinuz" "$k" "$pkg" || return 1
}

# resolve a path (and its absolute symlinks) inside an extracted tree; with
# merged /usr, /lib64/x or /bin/x may only exist as /usr/lib64/x, /usr/bin/x
resolve() { # tree path
  local t=$1 p=$2 n=0
  while [ $n -lt 20 ]; do
    if [ ! -e "$t$p" ] && [ ! -L "$t$p" ] && [ -e "$t/usr$p" -o -L "$t/usr$p" ]; then p=/usr$p; fi
    [ -L "$t$p" ] || break
    local l; l=$(readlink "$t$p")
    case $l in /*) p=$l ;; *) p=$(dirname "$p")/$l ;; esac
    n=$((n + 1))
  done
  echo "$t$p"
}

copy_with_libs() { # pkgroot initrd file-in-tree dest-in-initrd
  local t=$1 i=$2 f=$3 dest=$4
  mkdir -p "$i$(dirname "$dest")"
  cp -L "$(resolve "$t" "$f")" "$i$dest"
  local todo=("$i$dest") seen=" "
  while [ ${#todo[@]} -gt 0 ]; do
    local cur=${todo[0]}; todo=("${todo[@]:1}")
    local interp; interp=$(readelf -l "$cur" 2>/dev/null | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')
    local libs; libs=$(readelf -d "$cur" 2>/dev/null | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
    for lib in $libs ${interp:+INTERP:$interp}; do
      local src dst
      if [ "${lib#INTERP:}" != "$lib" ]; then
        dst=${lib#INTERP:}
        src=$(resolve "$t" "$dst")
      else
        case $seen in *" $lib "*) continue ;; esac
        seen="$seen$lib "
        src=""
        for dir in /lib /usr/lib /lib64 /usr/lib64 /lib/*-linux-gnu /usr/lib/*-linux-gnu; do
          for cand in "$t"$dir/"$lib"; do
            [ -e "$cand" ] || [ -L "$cand" ] || continue
            src=$(resolve "$t" "${cand#"$t"}"); dst=${cand#"$t"}; break 2
          done
        done
        [ -n "$src" ] || { log "missing library $lib for $cur"; return 1; }
      fi
      [ -e "$i$dst" ] && continue
      mkdir -p "$i$(dirname "$dst")"
      cp -L "$src" "$i$dst" || return 1
      todo+=("$i$dst")
    done
  done
}

make_initrd() { # kdir arch moddir kver
  local k=$1 arch=$2 moddir=$3 kv=$4 i=$1/initrd
  mkdir -p "$i"/{bin,sbin,proc,sys,dev,run,tmp,out,usr/local/sbin,usr/local/bin,etc}
  cp "$(resolve "$k/pkg" /bin/busybox)" "$i/bin/busybox" || return 1
  for b in ip tc bridge; do
    local src=""
    for d in /sbin /usr/sbin /bin /usr/bin; do [ -e "$k/pkg$d/$b" ] || [ -L "$k/pkg$d/$b" ] && { src=$d/$b; break; }; done
    [ -n "$src" ] || { log "no $b in iproute2"; return 1; }
    copy_with_libs "$k/pkg" "$i" "$src" "/usr/local/sbin/$b" || return 1
  done
  mkdir -p "$i/usr/share/iproute2" "$i/etc/iproute2"
  cp -r "$k/pkg/usr/share/iproute2/." "$i/usr/share/iproute2/" 2>/dev/null || true
  cp -r "$k/pkg/etc/iproute2/." "$i/etc/iproute2/" 2>/dev/null || true
  cp "$(rtnl_for "$arch")" "$i/usr/local/bin/rtnl"
  cp "$here/guest-setup.sh" "$i/setup.sh"
  # rtnl-mrt: the multicast routing daemon's part (MRT_* socket options),
  # static for the guest's architecture
  case $arch in
    amd64) gcc -static -O2 -o "$i/usr/local/bin/rtnl-mrt" "$here/mrt.c" || return 1 ;;
    s390x) s390x-linux-gnu-gcc -static -O2 -o "$i/usr/local/bin/rtnl-mrt" "$here/mrt.c" || return 1 ;;
  esac
  # RTNL_GUEST_TESTS: a static test binary (this arch's) the guest runs after
  # its set-up, its report kept as live-tests.txt beside the captures
  if [ -n "${RTNL_GUEST_TESTS:-}" ]; then cp "$RTNL_GUEST_TESTS" "$i/usr/local/bin/rtnl-guest-tests"; fi
  # modules: the closure of modules.txt, decompressed, with a fresh modules.dep
  depmod -b "$k/kroot" "$kv" 2>/dev/null || depmod -b "$k/kroot/usr" "$kv"
  local dep; dep=$(ls "$k"/kroot/lib/modules/"$kv"/modules.dep "$k"/kroot/usr/lib/modules/"$kv"/modules.dep 2>/dev/null | head -n 1)
  local want=() line m
  while read -r m _; do [ -n "$m" ] && want+=("$m"); done < "$here/modules.txt"
  local files; files=$(python3 - "$dep" "${want[@]}" <<'PY'
import re, sys
dep = {}
for line in open(sys.argv[1]):
    mod, _, deps = line.partition(":")
    dep[mod.strip()] = deps.split()
def name(path):
    return re.sub(r"\.ko(\.(xz|zst|gz))?$", "", path.rsplit("/", 1)[-1]).replace("-", "_")
by_name = {name(p): p for p in dep}
out, todo = set(), [by_name[w.replace("-", "_")] for w in sys.argv[2:] if w.replace("-", "_") in by_name]
while todo:
    p = todo.pop()
    if p in out:
        continue
    out.add(p)
    todo.extend(dep.get(p, []))
print("\n".join(sorted(out)))
PY
)
  local mroot=$i/lib/modules/$kv
  mkdir -p "$mroot"
  for f in $files; do
    mkdir -p "$mroot/$(dirname "$f")"
    case $f in
      *.xz) xz -dc "$moddir/$f" > "$mroot/${f%.xz}" ;;
      *.zst) zstd -qdc "$moddir/$f" > "$mroot/${f%.zst}" ;;
      *.gz) gzip -dc "$moddir/$f" > "$mroot/${f%.gz}" ;;
      *) cp "$moddir/$f" "$mroot/$f" ;;
    esac
  done
  cp "$moddir"/modules.builtin* "$mroot/" 2>/dev/null || true
  cp "$moddir"/modules.order "$mroot/" 2>/dev/null || true
  depmod -b "$i" "$kv"
  cp "$here/modules.txt" "$i/modules.txt"
  cat > "$i/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/local/bin:/usr/local/sbin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t tmpfs run /run
echo 1 > /proc/sys/kernel/printk
while read -r m args; do
  [ -n "$m" ] && modprobe "$m" $args 2>/dev/null
done < /modules.txt
sh /setup.sh
if [ -x /usr/local/bin/rtnl-guest-tests ]; then
  # iproute2 before busybox's own ip applet
  PATH=/usr/local/sbin:/usr/local/bin:/bin:/sbin RTNL_LIVE=1 /usr/local/bin/rtnl-guest-tests --test-threads=1 \
    > /out/live-tests.txt 2>&1
  echo "exit status $?" >> /out/live-tests.txt
fi
cd /out && tar czf /tmp/out.tgz .
echo "RTNL-CAPTURE-BEGIN $(sha256sum /tmp/out.tgz | cut -d' ' -f1)"
# bullseye's busybox has no base64 applet: its uuencode -m writes the same
# lines between a header and a "====" trailer
if command -v base64 >/dev/null 2>&1; then base64 /tmp/out.tgz; else uuencode -m /tmp/out.tgz out.tgz | sed '1d;$d'; fi
echo "RTNL-CAPTURE-END"
poweroff -f
INIT
  chmod +x "$i/init"
  (cd "$i" && find . | cpio -o -H newc --quiet | gzip -1 > "$k/initrd.gz")
}

boot_and_collect() { # name arch vmlinuz kdir pkg
  local name=$1 arch=$2 vmlinuz=$3 k=$4 pkg=$5
  local console=$k/console.log
  log "$name: booting under qemu (tcg)"
  local rc=0
  case $arch in
    amd64) timeout "${RTNL_GUEST_TIMEOUT:-600}" qemu-system-x86_64 -accel tcg -m 1024 -nic none -nographic -no-reboot \
             -kernel "$vmlinuz" -initrd "$k/initrd.gz" \
             -append "console=ttyS0 panic=-1 quiet loglevel=1" > "$console" 2>&1 < /dev/null || rc=$? ;;
    s390x) timeout "${RTNL_GUEST_TIMEOUT:-600}" qemu-system-s390x -M s390-ccw-virtio -accel tcg -m 1024 -nic none -nographic -no-reboot \
             -kernel "$vmlinuz" -initrd "$k/initrd.gz" \
             -append "console=ttysclp0 panic=-1 quiet loglevel=1" > "$console" 2>&1 < /dev/null || rc=$? ;;
  esac
  tr -d '\r' < "$console" > "$console.clean"
  local sum; sum=$(sed -n 's/^.*RTNL-CAPTURE-BEGIN \([0-9a-f]\{64\}\).*$/\1/p' "$console.clean" | head -n 1)
  [ -n "$sum" ] || { echo "$name: the guest did not produce a capture (qemu exit $rc; see $console)"; return 1; }
  sed -n '/RTNL-CAPTURE-BEGIN/,/RTNL-CAPTURE-END/p' "$console.clean" | sed '1d;$d' | base64 -d > "$k/out.tgz" 2>/dev/null \
    || { echo "$name: corrupted console stream (base64)"; return 1; }
  [ "$(sha256sum "$k/out.tgz" | cut -d' ' -f1)" = "$sum" ] || { echo "$name: corrupted console stream (sha256 mismatch)"; return 1; }
  local stage=$k/stage
  rm -rf "$stage"; mkdir -p "$stage"
  tar xzf "$k/out.tgz" -C "$stage"
  local order=little; [ "$arch" = s390x ] && order=big
  local bad=0 f
  for f in "$stage"/*.bin; do
    [ -s "$f" ] || { rm -f "$f"; continue; }
    "$host_rtnl" decode --check --endian "$order" "$f" > /dev/null 2>"$f.err" || { bad=1; log "$name: $(basename "$f"): $(head -n 2 "$f.err")"; }
    rm -f "$f.err"
  done
  [ $bad = 0 ] || { echo "$name: captures do not decode byte-exact (kept in $stage)"; return 1; }
  write_manifest "$stage" "$name" "$arch" "$order" "$pkg"
  local dest=$here/$name
  rm -rf "$dest.new"; cp -r "$stage" "$dest.new"; rm -rf "$dest"; mv "$dest.new" "$dest"
  log "$name: $(ls "$dest"/*.bin | wc -l) captures, $(du -sk "$dest" | cut -f1) KB"
  # keep only the download cache; a failed kernel keeps its work tree for a look
  rm -rf "$k"
}

write_manifest() { # dir name arch order pkg
  python3 - "$@" <<'PY'
import hashlib, json, os, sys
d, name, arch, order, pkg = sys.argv[1:6]
files = []
for f in sorted(os.listdir(d)):
    if f.endswith(".bin"):
        b = open(os.path.join(d, f), "rb").read()
        files.append({"file": f, "bytes": len(b), "sha256": hashlib.sha256(b).hexdigest(),
                      "request": f.endswith(".req.bin")})
captures = []
if os.path.exists(os.path.join(d, "captures.jsonl")):
    captures = [json.loads(l) for l in open(os.path.join(d, "captures.jsonl")) if l.strip()]
    os.remove(os.path.join(d, "captures.jsonl"))
m = {
    "name": name, "arch": arch, "byte_order": order, "package": pkg, "captures": captures,
    "kernel": open(os.path.join(d, "kernel-version")).read().strip(),
    "script": "testdata/kernels/regen.sh + guest-setup.sh",
    "files": files,
}
json.dump(m, open(os.path.join(d, "manifest.json"), "w"), indent=1)
PY
}

# ---------- main ----------
ensure_host_tools
mapfile -t rows < <(grep -v '^\s*#' "$here/kernels.conf" | grep -v '^\s*$')
selected=()
for r in "${rows[@]}"; do
  n=$(echo "$r" | awk '{print $1}')
  if [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qx "$n"; then selected+=("$r"); fi
done
[ ${#selected[@]} -gt 0 ] || { echo "no kernel named $*; see kernels.conf" >&2; exit 2; }
# shellcheck disable=SC2046
build_rtnl $(printf '%s\n' "${selected[@]}" | awk '{print $3}' | sort -u) || { echo "the rtnl builds failed" >&2; exit 1; }
for sa in $(printf '%s\n' "${selected[@]}" | awk '{print $2"-"$3}' | sort -u); do
  apt_update "${sa%-*}" "${sa#*-}" || log "apt update failed for $sa"
done
mkdir -p "$work/results"
rm -f "$work/results/"*
running=0
for r in "${selected[@]}"; do
  read -r n s a p <<<"$r"
  ( if out=$(capture_kernel "$n" "$s" "$a" "$p"); then echo ok > "$work/results/$n"; else echo "$out" | tail -n 3 > "$work/results/$n"; fi ) &
  running=$((running + 1))
  if [ $running -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait || true
fail=0
for r in "${selected[@]}"; do
  n=$(echo "$r" | awk '{print $1}')
  res=$(cat "$work/results/$n" 2>/dev/null || echo "no result")
  if [ "$res" = ok ]; then echo "$n: captured"; else echo "$n: FAILED: $res"; fail=1; fi
done
exit $fail
