#!/usr/bin/env bash
# Boot latency: boots N containers running /bin/true with each of
#   - a C baseline doing the same syscalls (bench/baseline.c: clone with mount, uts, ipc, pid and
#     net namespaces, cgroup v1 memory/pids/cpu, rlimits, proc/sysfs/tmpfs mounts, hostname,
#     pivot_root, Docker's capability set, no_new_privs + seccomp deny list, execve),
#   - Debian's runc (`runc run`, config from `runc spec`, the same busybox rootfs),
#   - this project's runtime, `haconiwa-runtime/bin/haconiwa run FILE` (bench/true.yaml, the same
#     container declared), with $JAVA (JDK 17 here) and with JDK 25 if it is installed, each with
#     the start-up archive its first run writes (as a user's second run finds it),
#   - and, for reference, a bare JVM hello world,
# interleaved run by run so that all see the same machine load, and prints the median and 95th
# percentile of
#   - fork->exec: from just before clone() (phase 2) to just before execve() in the child
#     (phase 21), read from the runtimes' own USDT probes by `haconiwa trace` (bpftrace); the
#     baseline also times itself; runc has no probes,
#   - start->exit: the whole command, timed from fork to waitpid by bench/repeat.c,
# and the ratios, taken in the same run, with the load averages before and after. Not a test:
# it prints figures and checks nothing. One command on a fresh machine: it builds the jar if
# there is none, the busybox root file system, the container file and the C programs itself.
#
# Usage: haconiwa-runtime/bench/boot-latency.sh [-n N] [--haconiwa-file FILE] [--keep]
#   -n N                 boots per runtime (default 30), after 3 warm-up boots each
#   --haconiwa-file F    container file for `haconiwa run`, @ROOTFS@ in it becoming the busybox
#                        rootfs built here (default: haconiwa-runtime/bench/true.yaml)
#   --keep               keep the work directory (rootfs, recordings, SVG timelines)
# Environment: JAVA (default java), JDK25 (a JDK 25 home; default
# /usr/lib/jvm/temurin-25-jdk-amd64, "none" leaves it out), MVN_REPO (a Maven local repository
# for building the jar).
# Needs root (namespaces, cgroups, bpftrace), gcc, busybox-static; installs runc if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

N=30
WARMUP=3
KEEP=0
HACONIWA_FILE=haconiwa-runtime/bench/true.yaml
while [ $# -gt 0 ]; do
  case "$1" in
    -n) N="$2"; shift 2 ;;
    --haconiwa-file) HACONIWA_FILE="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" != 0 ]; then
  echo "boot-latency.sh needs root: namespaces, cgroups and bpftrace" >&2
  exit 1
fi
for tool in gcc:gcc busybox:busybox-static; do
  command -v "${tool%%:*}" >/dev/null || { echo "missing ${tool%%:*}: apt-get install ${tool#*:}" >&2; exit 1; }
done
if ! command -v runc >/dev/null; then
  echo "Installing runc (apt-get install runc)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends runc >/dev/null
fi
JAVA=${JAVA:-java}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

WORK=$(mktemp -d /tmp/boot-latency.XXXXXX)
TRACERS=()
cleanup() {
  for pid in "${TRACERS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "$KEEP" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# --- build -------------------------------------------------------------------------------------
if ! ls haconiwa-runtime/target/haconiwa-runtime-*-all.jar >/dev/null 2>&1; then
  echo "Building haconiwa-runtime (./mvnw -pl haconiwa-runtime -am package -DskipTests)"
  ./mvnw -B -q ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO} -pl haconiwa-runtime -am package -DskipTests >/dev/null
fi
gcc -O2 -Wall -Wextra -Werror -o "$WORK/baseline" haconiwa-runtime/bench/baseline.c
gcc -O2 -Wall -Wextra -Werror -o "$WORK/repeat" haconiwa-runtime/bench/repeat.c
mkdir -p "$WORK/hello"
cat >"$WORK/hello/Hello.java" <<'EOF'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
EOF
"${JAVA%java}javac" -d "$WORK/hello" "$WORK/hello/Hello.java" 2>/dev/null || javac -d "$WORK/hello" "$WORK/hello/Hello.java"

# The root file system the tests build: busybox-static, a link per applet, the mount points.
ROOTFS="$WORK/rootfs"
mkdir -p "$ROOTFS"/{bin,proc,sys,dev,tmp,etc,mnt,root}
cp "$(command -v busybox)" "$ROOTFS/bin/busybox"
for applet in $(busybox --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$ROOTFS/bin/$applet"
done
echo "root:x:0:0:root:/root:/bin/sh" >"$ROOTFS/etc/passwd"
chmod 755 "$WORK" "$ROOTFS"

mkdir -p "$WORK/bundle"
cp -a "$ROOTFS" "$WORK/bundle/rootfs"
(cd "$WORK/bundle" && runc spec)
sed -i 's/"terminal": true/"terminal": false/; s/^\(\s*\)"sh"$/\1"\/bin\/true"/' "$WORK/bundle/config.json"
grep -q '"/bin/true"' "$WORK/bundle/config.json" || { echo "could not set runc's args" >&2; exit 1; }

CONTAINER="$WORK/$(basename "$HACONIWA_FILE")"
sed "s|@ROOTFS@|$ROOTFS|g" "$HACONIWA_FILE" >"$CONTAINER"
HACONIWA=("$ROOT/haconiwa-runtime/bin/haconiwa" run "$CONTAINER")

# --- haconiwa variants: one per JDK, each with its own archive cache and its own copy of the
# probe library, so that a trace attached to that copy sees that JDK's boots only -------------
VARIANTS=()
declare -A VARIANT_JAVA VARIANT_LABEL
add_variant() { # name, java, label
  local name=$1 java=$2 label=$3
  mkdir -p "$WORK/cache-$name" "$WORK/jusdt-$name"
  # The first run writes the start-up archive; it is not measured.
  if ! (variant_env "$name" "$java"; "${HACONIWA[@]}") >"$WORK/$name-check.txt" 2>&1; then
    echo "haconiwa run with $label fails, left out:" >&2; cat "$WORK/$name-check.txt" >&2
    return 0
  fi
  VARIANTS+=("$name")
  VARIANT_JAVA[$name]=$java
  VARIANT_LABEL[$name]=$label
}
variant_env() { # name, java: exported into the (sub)shell that runs it
  export HACONIWA_JAVA=$2 HACONIWA_CACHE_DIR=$WORK/cache-$1 HACONIWA_JAVA_OPTS="-Djusdt.cache.dir=$WORK/jusdt-$1"
}
java_version() { "$1" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/'; }
add_variant jdk-default "$(command -v "$JAVA")" "JDK $(java_version "$JAVA")"
if [ "$JDK25" != none ] && [ -x "$JDK25/bin/java" ]; then
  add_variant jdk25 "$JDK25/bin/java" "JDK $(java_version "$JDK25/bin/java")"
fi

# --- trace sessions ----------------------------------------------------------------------------
TRACE=()
if command -v bpftrace >/dev/null; then
  TRACE=("$ROOT/haconiwa-runtime/bin/haconiwa" trace)
else
  echo "note: no bpftrace (apt-get install bpftrace): fork->exec of haconiwa not measured" >&2
fi
start_trace() { # name, then extra trace options
  local name=$1; shift
  "${TRACE[@]}" --record "$WORK/$name.trace" "$@" >"$WORK/$name.live.txt" 2>"$WORK/$name.err" &
  TRACERS+=($!)
  for _ in $(seq 1 600); do
    grep -q "Tracing haconiwa boots" "$WORK/$name.err" && return 0
    kill -0 "${TRACERS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "trace of $name did not start:" >&2; cat "$WORK/$name.err" >&2; return 1
}
if [ ${#TRACE[@]} -gt 0 ]; then
  start_trace baseline --library "$WORK/baseline"
  for name in "${VARIANTS[@]}"; do
    start_trace "$name" --library "$(find "$WORK/jusdt-$name" -name libhaconiwa.so | head -1)"
  done
fi

# --- boots, interleaved ------------------------------------------------------------------------
export BASELINE_REPORT="$WORK/baseline.self"
for i in $(seq 1 $((WARMUP + N))); do
  [ "$i" = $((WARMUP + 1)) ] && : >"$BASELINE_REPORT" && rm -f "$WORK"/*.times
  "$WORK/repeat" -o "$WORK/baseline.times" 1 "$WORK/baseline" "$ROOTFS" /bin/true
  "$WORK/repeat" -o "$WORK/runc.times" 1 runc run -b "$WORK/bundle" "bench-$$-$i"
  for name in "${VARIANTS[@]}"; do
    (variant_env "$name" "${VARIANT_JAVA[$name]}"; "$WORK/repeat" -o "$WORK/$name.times" 1 "${HACONIWA[@]}")
  done
  "$WORK/repeat" -o "$WORK/jvm.times" 1 "$JAVA" -cp "$WORK/hello" Hello >/dev/null
done
for pid in "${TRACERS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
TRACERS=()
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- figures -----------------------------------------------------------------------------------
stats() { # file of nanoseconds -> "median p95" in ms
  [ -s "$1" ] || { echo "n/a n/a"; return; }
  sort -n "$1" | awk '{a[NR]=$1} END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    r = int(0.95 * NR); if (r < 0.95 * NR) r++
    printf "%.3f %.3f\n", m / 1e6, a[r] / 1e6 }'
}
traced() { # name -> "median p95" of fork->exec from the trace's own summary, warm-up boots dropped
  local name=$1
  [ -f "$WORK/$name.trace" ] || { echo "n/a n/a"; return; }
  # The recording holds the warm-up boots too; keep the last N by dropping whole boots from
  # its start: each boot begins with phase 0 (CLI_START) of a new runtime process.
  awk -v skip="$WARMUP" 'NR <= 2 { print; next } $1 == "boottime" && $4 == 0 { boots++ } boots > skip' \
    "$WORK/$name.trace" >"$WORK/$name.measured.trace"
  "${TRACE[@]}" "$WORK/$name.measured.trace" --svg "$WORK/$name.svg" >"$WORK/$name.report.txt" 2>/dev/null || true
  awk '$1 == "2-21" { print $5, $6 }' "$WORK/$name.report.txt" | grep . || echo "n/a n/a"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.2fx\n", a / b }'; }
row() { printf '%-46s %10s %10s\n' "$@"; }

read -r BS_FE_MED BS_FE_P95 < <(stats "$BASELINE_REPORT")
read -r BT_FE_MED BT_FE_P95 < <(if [ ${#TRACE[@]} -gt 0 ]; then traced baseline; else echo "n/a n/a"; fi)
read -r B_SE_MED B_SE_P95 < <(stats "$WORK/baseline.times")
read -r R_SE_MED R_SE_P95 < <(stats "$WORK/runc.times")
read -r J_SE_MED J_SE_P95 < <(stats "$WORK/jvm.times")
declare -A FE_MED FE_P95 SE_MED SE_P95
for name in "${VARIANTS[@]}"; do
  read -r FE_MED[$name] FE_P95[$name] < <(if [ ${#TRACE[@]} -gt 0 ]; then traced "$name"; else echo "n/a n/a"; fi)
  read -r SE_MED[$name] SE_P95[$name] < <(stats "$WORK/$name.times")
done

echo
echo "Boot latency: $N boots each after $WARMUP warm-up, interleaved; $(nproc) CPUs"
echo "load average before $LOAD_BEFORE, after $LOAD_AFTER"
echo "$(uname -r), runc $(runc --version | head -1 | awk '{print $3}'), Hello on $(java_version "$JAVA")"
echo
row "" "median ms" "p95 ms"
row "fork->exec  C baseline (self-timed)" "$BS_FE_MED" "$BS_FE_P95"
row "fork->exec  C baseline (haconiwa trace)" "$BT_FE_MED" "$BT_FE_P95"
for name in "${VARIANTS[@]}"; do
  row "fork->exec  haconiwa run, ${VARIANT_LABEL[$name]}" "${FE_MED[$name]}" "${FE_P95[$name]}"
done
row "fork->exec  runc run (no probes)" "n/a" "n/a"
row "start->exit C baseline" "$B_SE_MED" "$B_SE_P95"
row "start->exit runc run" "$R_SE_MED" "$R_SE_P95"
for name in "${VARIANTS[@]}"; do
  row "start->exit haconiwa run, ${VARIANT_LABEL[$name]}" "${SE_MED[$name]}" "${SE_P95[$name]}"
done
row "start->exit java Hello (reference)" "$J_SE_MED" "$J_SE_P95"
[ ${#VARIANTS[@]} -gt 0 ] || echo "haconiwa run: no variant ran (see the messages above)"
echo
echo "Ratios of medians (same run):"
for name in "${VARIANTS[@]}"; do
  label=${VARIANT_LABEL[$name]}
  printf '  %-58s %7s   target <= 1.3x\n' "fork->exec  haconiwa ($label) / C baseline, both traced" "$(ratio "${FE_MED[$name]}" "$BT_FE_MED")"
  printf '  %-58s %7s   target <= 1.5x\n' "start->exit haconiwa ($label) / runc" "$(ratio "${SE_MED[$name]}" "$R_SE_MED")"
done
printf '  %-58s %7s\n' "start->exit runc / C baseline" "$(ratio "$R_SE_MED" "$B_SE_MED")"
printf '  %-58s %7s\n' "start->exit java Hello / runc" "$(ratio "$J_SE_MED" "$R_SE_MED")"
for name in baseline "${VARIANTS[@]}"; do
  if [ -f "$WORK/$name.report.txt" ]; then
    echo
    echo "Per-phase summary of $name (haconiwa trace):"
    sed -n '/^summary of/,$p' "$WORK/$name.report.txt"
  fi
done
