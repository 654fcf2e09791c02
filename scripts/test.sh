#!/usr/bin/env bash
# The whole test suite: unit, processor, plugin, loader, and integration tests that build real
# projects and check them with readelf and real tracers.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
./mvnw -B verify "$@"
