#!/usr/bin/env bash
# Boot latency: boots N containers running /bin/true with each of
#   - a C baseline doing the same syscalls (bench/baseline.c: clone with mount, uts, ipc, pid and
#     net namespaces, cgroup v1 memory/pids/cpu, rlimits, proc/sysfs/tmpfs mounts, hostname,
#     pivot_root, Docker's capability set, no_new_privs + seccomp deny list, execve),
#   - Debian's runc (`runc run`, config from `runc spec`, the same busybox rootfs),
#   - this project's runtime, `haconiwa-runtime/bin/haconiwa run FILE`, when it is there,
# interleaved run by run so all three see the same machine load, and prints the median and 95th
# percentile of
#   - fork->exec: from just before clone() (phase 2) to just before execve() in the child
#     (phase 21), read from the runtimes' own USDT probes by `haconiwa trace` (bpftrace); the
#     baseline also times itself; runc has no probes,
#   - start->exit: the whole command, timed from fork to waitpid by bench/repeat.c,
# and the ratios of the three, taken in the same run. A bare JVM hello world is timed for
# reference. Not a test: it prints figures and checks nothing.
#
# Usage: haconiwa-runtime/bench/boot-latency.sh [-n N] [--haconiwa-file FILE] [--keep]
#   -n N                 boots per runtime (default 30), after 3 warm-up boots each
#   --haconiwa-file F    container file for `haconiwa run`; @ROOTFS@ in it becomes the busybox
#                        rootfs built here (default: haconiwa-runtime/bench/true.* if present)
#   --keep               keep the work directory (rootfs, recordings, SVG timelines)
# Environment: MVN_REPO (a Maven local repository for building the trace classpath), JAVA.
# Needs root (namespaces, cgroups, bpftrace), gcc, busybox-static; installs runc if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

N=30
WARMUP=3
KEEP=0
HACONIWA_FILE=""
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
gcc -O2 -Wall -Wextra -Werror -o "$WORK/baseline" haconiwa-runtime/bench/baseline.c
gcc -O2 -Wall -Wextra -Werror -o "$WORK/repeat" haconiwa-runtime/bench/repeat.c
mkdir -p "$WORK/hello"
cat >"$WORK/hello/Hello.java" <<'EOF'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
EOF
"${JAVA%java}javac" -d "$WORK/hello" "$WORK/hello/Hello.java" 2>/dev/null || javac -d "$WORK/hello" "$WORK/hello/Hello.java"

ROOTFS="$WORK/rootfs"
mkdir -p "$ROOTFS"/{bin,proc,sys,dev,tmp,etc}
cp "$(command -v busybox)" "$ROOTFS/bin/busybox"
for applet in sh true hostname cat ls mount; do ln -s busybox "$ROOTFS/bin/$applet"; done

mkdir -p "$WORK/bundle"
cp -a "$ROOTFS" "$WORK/bundle/rootfs"
(cd "$WORK/bundle" && runc spec)
sed -i 's/"terminal": true/"terminal": false/; s/^\(\s*\)"sh"$/\1"\/bin\/true"/' "$WORK/bundle/config.json"
grep -q '"/bin/true"' "$WORK/bundle/config.json" || { echo "could not set runc's args" >&2; exit 1; }

# The trace command: the launcher once `trace` is registered there, else the class on its own.
TRACE=()
if [ -x haconiwa-runtime/bin/haconiwa ] && haconiwa-runtime/bin/haconiwa trace --help >/dev/null 2>&1; then
  TRACE=(haconiwa-runtime/bin/haconiwa trace)
elif [ -d haconiwa-runtime/target/classes/dev/jusdt/haconiwa/trace ]; then
  CP_ARGS=(-B -q ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO} -pl haconiwa-runtime
    dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime)
  ./mvnw -o "${CP_ARGS[@]}" >/dev/null 2>&1 || ./mvnw "${CP_ARGS[@]}" >/dev/null
  TRACE=("$JAVA" -cp "haconiwa-runtime/target/classes:$(cat "$WORK/cp.txt")" dev.jusdt.haconiwa.trace.TraceCommand)
fi
if ! command -v bpftrace >/dev/null || [ ${#TRACE[@]} = 0 ]; then
  echo "note: no bpftrace or no trace classes (build haconiwa-runtime first): fork->exec only self-timed" >&2
  TRACE=()
fi

HACONIWA=()
if [ -z "$HACONIWA_FILE" ]; then
  HACONIWA_FILE=$(ls haconiwa-runtime/bench/true.* 2>/dev/null | head -1 || true)
fi
if [ -x haconiwa-runtime/bin/haconiwa ] && [ -n "$HACONIWA_FILE" ] && [ -f "$HACONIWA_FILE" ]; then
  sed "s|@ROOTFS@|$ROOTFS|g" "$HACONIWA_FILE" >"$WORK/$(basename "$HACONIWA_FILE")"
  HACONIWA=("$ROOT/haconiwa-runtime/bin/haconiwa" run "$WORK/$(basename "$HACONIWA_FILE")")
  if ! "${HACONIWA[@]}" >"$WORK/haconiwa-check.txt" 2>&1; then
    echo "haconiwa run fails, left out:" >&2; cat "$WORK/haconiwa-check.txt" >&2
    HACONIWA=()
  fi
fi
HACONIWA_WHY="unavailable: no haconiwa-runtime/bin/haconiwa"
[ -x haconiwa-runtime/bin/haconiwa ] && HACONIWA_WHY="unavailable: no container file (--haconiwa-file, or haconiwa-runtime/bench/true.* with @ROOTFS@)"

# --- trace sessions ----------------------------------------------------------------------------
start_trace() { # name, then extra trace options
  local name=$1; shift
  "${TRACE[@]}" --record "$WORK/$name.trace" "$@" >"$WORK/$name.live.txt" 2>"$WORK/$name.err" &
  TRACERS+=($!)
  for _ in $(seq 1 300); do
    grep -q "Tracing haconiwa boots" "$WORK/$name.err" && return 0
    kill -0 "${TRACERS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "trace of $name did not start:" >&2; cat "$WORK/$name.err" >&2; return 1
}
if [ ${#TRACE[@]} -gt 0 ]; then
  start_trace baseline --library "$WORK/baseline"
  [ ${#HACONIWA[@]} -gt 0 ] && start_trace haconiwa
fi

# --- boots, interleaved ------------------------------------------------------------------------
export BASELINE_REPORT="$WORK/baseline.self"
once() { # file, command...
  local out=$1; shift
  "$WORK/repeat" 1 "$@" >>"$out"
}
for i in $(seq 1 $((WARMUP + N))); do
  [ "$i" = $((WARMUP + 1)) ] && : >"$BASELINE_REPORT" && rm -f "$WORK"/*.times
  once "$WORK/baseline.times" "$WORK/baseline" "$ROOTFS" /bin/true
  once "$WORK/runc.times" runc run -b "$WORK/bundle" "bench-$$-$i"
  [ ${#HACONIWA[@]} -gt 0 ] && once "$WORK/haconiwa.times" "${HACONIWA[@]}"
  once "$WORK/jvm.times" "$JAVA" -cp "$WORK/hello" Hello >/dev/null
done

# --- figures -----------------------------------------------------------------------------------
stats() { # file of nanoseconds -> "median p95" in ms
  sort -n "$1" | awk '{a[NR]=$1} END {
    if (NR == 0) { print "n/a n/a"; exit }
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
  "${TRACE[@]}" "$WORK/$name.measured.trace" --svg "$WORK/$name.svg" >"$WORK/$name.report.txt" 2>/dev/null
  awk '$1 == "2-21" { print $5, $6 }' "$WORK/$name.report.txt" | grep . || echo "n/a n/a"
}
for pid in "${TRACERS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
TRACERS=()

read -r BS_FE_MED BS_FE_P95 < <(stats "$BASELINE_REPORT")
read -r BT_FE_MED BT_FE_P95 < <(if [ ${#TRACE[@]} -gt 0 ]; then traced baseline; else echo "n/a n/a"; fi)
read -r HC_FE_MED HC_FE_P95 < <(if [ ${#TRACE[@]} -gt 0 ] && [ ${#HACONIWA[@]} -gt 0 ]; then traced haconiwa; else echo "n/a n/a"; fi)
read -r B_SE_MED B_SE_P95 < <(stats "$WORK/baseline.times")
read -r R_SE_MED R_SE_P95 < <(stats "$WORK/runc.times")
read -r H_SE_MED H_SE_P95 < <([ -f "$WORK/haconiwa.times" ] && stats "$WORK/haconiwa.times" || echo "n/a n/a")
read -r J_SE_MED J_SE_P95 < <(stats "$WORK/jvm.times")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.2fx\n", a / b }'; }

echo
echo "Boot latency: $N boots each after $WARMUP warm-up, interleaved; $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(uname -r), runc $(runc --version | head -1 | awk '{print $3}'), $("$JAVA" -version 2>&1 | head -1)"
printf '\n%-44s %10s %10s\n' "" "median ms" "p95 ms"
printf '%-44s %10s %10s\n' "fork->exec  C baseline (self-timed)" "$BS_FE_MED" "$BS_FE_P95"
printf '%-44s %10s %10s\n' "fork->exec  C baseline (haconiwa trace)" "$BT_FE_MED" "$BT_FE_P95"
if [ ${#HACONIWA[@]} -gt 0 ]; then
  printf '%-44s %10s %10s\n' "fork->exec  haconiwa run (haconiwa trace)" "$HC_FE_MED" "$HC_FE_P95"
else
  printf '%-44s %s\n' "fork->exec  haconiwa run" "$HACONIWA_WHY"
fi
printf '%-44s %10s %10s\n' "fork->exec  runc run" "n/a" "n/a"
printf '%-44s %10s %10s\n' "start->exit C baseline" "$B_SE_MED" "$B_SE_P95"
printf '%-44s %10s %10s\n' "start->exit runc run" "$R_SE_MED" "$R_SE_P95"
if [ ${#HACONIWA[@]} -gt 0 ]; then
  printf '%-44s %10s %10s\n' "start->exit haconiwa run" "$H_SE_MED" "$H_SE_P95"
else
  printf '%-44s %s\n' "start->exit haconiwa run" "$HACONIWA_WHY"
fi
printf '%-44s %10s %10s\n' "start->exit java Hello (reference)" "$J_SE_MED" "$J_SE_P95"
echo
echo "Ratios of medians (same run):"
echo "  fork->exec  haconiwa / C baseline (both traced)  $(ratio "$HC_FE_MED" "$BT_FE_MED")   target <= 1.3x"
echo "  start->exit haconiwa / runc                      $(ratio "$H_SE_MED" "$R_SE_MED")   target <= 1.5x"
echo "  start->exit haconiwa / C baseline                $(ratio "$H_SE_MED" "$B_SE_MED")"
echo "  start->exit runc / C baseline                    $(ratio "$R_SE_MED" "$B_SE_MED")"
echo "  start->exit java Hello / runc                    $(ratio "$J_SE_MED" "$R_SE_MED")"
if [ -f "$WORK/baseline.report.txt" ]; then
  echo
  echo "Per-phase summary of the C baseline (haconiwa trace):"
  sed -n '/^summary of/,$p' "$WORK/baseline.report.txt"
fi
if [ -f "$WORK/haconiwa.report.txt" ]; then
  echo
  echo "Per-phase summary of haconiwa run (haconiwa trace):"
  sed -n '/^summary of/,$p' "$WORK/haconiwa.report.txt"
fi
