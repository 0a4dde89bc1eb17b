#!/usr/bin/env bash
# Prepares the riscv64 lane (npm run test:riscv64, npm run bench -- machine) in .cache/riscv64/:
#   sysroot/                  Debian trixie's riscv64 nodejs and its libraries, unpacked by
#                             mmdebstrap (no maintainer scripts run: nothing riscv64 executes)
#   countInstructions.so      the instruction-counting qemu plugin (scripts/riscv64/countInstructions.c),
#                             built against the qemu-plugin.h of Debian's source of the installed qemu
# and installs what it needs from Debian (qemu-user, mmdebstrap, gcc) when missing.
#
# Where qemu-user cannot be installed (no apt-get, no root), it says why and exits 0 without a
# sysroot, and the lane's tests skip with that message; under CI=true that is a failure instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.cache/riscv64
mkdir -p "$out"

skip() {
  echo "riscv64 lane: $1" | tee "$out/unavailable" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  exit 0
}
rm -f "$out/unavailable"

missing=()
command -v qemu-riscv64 >/dev/null || missing+=(qemu-user)
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
command -v gcc >/dev/null || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else skip "needs ${missing[*]}, and cannot install them here (not root, no sudo)"; fi
  fi
  command -v apt-get >/dev/null || skip "needs ${missing[*]}, and this machine has no apt-get to install them"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

# The Debian archive and security mirrors this machine's apt already uses.
mirror=$(apt-cache policy | awk '$3 ~ /^[a-z-]+\/main$/ && $2 !~ /security/ { print $2; exit }')
security=$(apt-cache policy | awk '$3 ~ /security\/main$/ { print $2; exit }')
[ -n "$mirror" ] || skip "cannot tell which Debian mirror apt uses (apt-cache policy lists none)"

# Debian trixie's nodejs for riscv64: Node 20, the V8 series of Cartesi's node images.
if [ ! -f "$out/sysroot/.ready" ]; then
  rm -rf "$out/sysroot"
  echo "riscv64 lane: unpacking Debian trixie's riscv64 nodejs into $out/sysroot" >&2
  mmdebstrap --quiet --variant=extract --architectures=riscv64 --include=nodejs trixie "$out/sysroot" "deb $mirror trixie main" </dev/null >&2
  # Paths the dynamic loader is looked up by; merged-/usr layouts are not made by an extract.
  ln -sfn usr/lib "$out/sysroot/lib"
  ln -sfn usr/bin "$out/sysroot/bin"
  # Also the check that riscv64 Node runs here at all.
  qemu-riscv64 -L "$out/sysroot" "$out/sysroot/usr/bin/node" --version >"$out/sysroot/.ready.tmp"
  mv "$out/sysroot/.ready.tmp" "$out/sysroot/.ready"
fi

# The plugin API must be the installed qemu's own: its header comes from the same source version.
plugin="$out/countInstructions.so"
if [ ! -f "$plugin" ] || [ scripts/riscv64/countInstructions.c -nt "$plugin" ]; then
  version=$(dpkg-query -W -f='${source:Version}' qemu-user)
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  src="$out/qemu-source"
  rm -rf "$src" && mkdir -p "$src/lists/partial" "$src/archives/partial"
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  signed=""; [ ! -f "$keyring" ] || signed="[signed-by=$keyring] "
  {
    echo "deb-src $signed$mirror $codename main"
    echo "deb-src $signed$mirror $codename-updates main"
    [ -z "$security" ] || echo "deb-src $signed$security $codename-security main"
  } >"$src/sources.list"
  apt=(-o "Dir::Etc::SourceList=$PWD/$src/sources.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$PWD/$src/lists" -o "Dir::Cache::Archives=$PWD/$src/archives" -o APT::Sandbox::User=root)
  echo "riscv64 lane: fetching the plugin header from Debian's qemu $version source" >&2
  apt-get "${apt[@]}" -q update >&2
  # apt checks the files against the signed source index.
  (cd "$src" && apt-get "${apt[@]}" -q source --download-only "qemu=$version" >&2)
  tar -xJf "$src"/qemu_*.orig.tar.xz -C "$src" --wildcards '*/include/qemu/qemu-plugin.h'
  gcc -shared -fPIC -O2 -Wall -Werror -I"$(dirname "$(find "$src" -name qemu-plugin.h | head -1)")" \
    -o "$plugin" scripts/riscv64/countInstructions.c
  rm -rf "$src"
fi

echo "riscv64 lane: Node $(cat "$out/sysroot/.ready") (Debian trixie's nodejs $(zcat "$out/sysroot/usr/share/doc/nodejs/changelog.Debian.gz" | head -1 | cut -d' ' -f2 | tr -d '()'), riscv64) under $(qemu-riscv64 --version | head -1)" >&2
