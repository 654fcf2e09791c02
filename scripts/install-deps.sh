#!/usr/bin/env bash
# Installs what building and tracing need, through apt when run as root; otherwise names the
# packages to install. Sourced by demo.sh and test.sh.
set -euo pipefail

# tool -> Debian package
declare -A NEEDED=(
  [gcc]=gcc
  [readelf]=binutils
  [bpftrace]=bpftrace
  [tplist-bpfcc]=bpfcc-tools
  [clang]=clang
)
SDT_HEADER_PACKAGE=systemtap-sdt-dev

missing=()
for tool in "${!NEEDED[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${NEEDED[$tool]}")
done
if [ ! -e /usr/include/sys/sdt.h ] && [ ! -e "/usr/include/$(uname -m)-linux-gnu/sys/sdt.h" ]; then
  missing+=("$SDT_HEADER_PACKAGE")
fi
# haconiwa-runtime's tests build container roots from a statically linked busybox.
if ! readelf -d /bin/busybox 2>/dev/null | grep -q "no dynamic section"; then
  missing+=(busybox-static)
fi
# bcc's Python binding is Debian's, for Debian's python3 (not a pyenv one earlier on PATH).
if ! /usr/bin/python3 -c 'import bcc' >/dev/null 2>&1; then
  missing+=(python3-bpfcc)
fi
if ! command -v javac >/dev/null 2>&1; then
  missing+=(openjdk-17-jdk-headless)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
