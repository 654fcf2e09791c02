#!/usr/bin/env bash
# Makes a root file system of busybox-static and its applets, for examples/busybox.yaml.
#   ./make-busybox-rootfs.sh DIR      (default: ./rootfs next to this script)
set -euo pipefail
busybox=/bin/busybox
if ! [ -x "$busybox" ] || ! readelf -d "$busybox" 2>/dev/null | grep -q "no dynamic section"; then
  echo "a static $busybox is needed: apt-get install busybox-static" >&2
  exit 1
fi
root=${1:-$(dirname "$0")/rootfs}
mkdir -p "$root"/{bin,proc,sys,dev,tmp,etc,mnt,root}
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done
echo "root:x:0:0:root:/root:/bin/sh" >"$root/etc/passwd"
touch "$root/etc/resolv.conf"
chmod 755 "$root"
echo "$root: busybox-static with $(ls "$root/bin" | wc -l) commands"
