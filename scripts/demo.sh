#!/usr/bin/env bash
# The main job: build everything, then run the haconiwa phases under bpftrace, attached by the
# library's path before the JVM starts (the source document's workflow: no pid hunting).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

./mvnw -B -q -DskipTests install

VERSION=$(./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout)
CP="haconiwa-runtime/target/haconiwa-runtime-$VERSION.jar:probe-runtime/target/probe-runtime-$VERSION.jar:probe-annotations/target/probe-annotations-$VERSION.jar"

# The library is extracted to a stable, content-addressed path; print it before the program runs.
LIB=$(java -cp "$CP" dev.jusdt.runtime.ProbeLibraries haconiwa | awk '{print $2}')
echo "probe library: $LIB"
echo

OUT=$(mktemp)
# The processor generated this script from the @UsdtProbe constants; it is in the jar too.
SCRIPT=haconiwa-runtime/target/classes/META-INF/jusdt/haconiwa/haconiwa.bt
BPF_ARGS=("$SCRIPT" "$LIB")
echo "\$ bpftrace ${BPF_ARGS[*]}"
bpftrace "${BPF_ARGS[@]}" >"$OUT" 2>&1 &
TRACER=$!
trap 'kill -INT $TRACER 2>/dev/null || true; rm -f "$OUT"' EXIT
for _ in $(seq 1 100); do
  grep -q "Attaching" "$OUT" && break
  sleep 0.1
done
# bpftrace prints "Attaching" before it attaches; the program does not wait for it.
sleep 1

echo "\$ java -cp ... dev.jusdt.haconiwa.probe.FireAllPhases"
java --enable-native-access=ALL-UNNAMED -cp "$CP" dev.jusdt.haconiwa.probe.FireAllPhases
sleep 1
kill -INT $TRACER
wait $TRACER || true
echo
echo "What bpftrace saw:"
grep -v -e "RLIMIT_MEMLOCK" -e "^$" "$OUT"
