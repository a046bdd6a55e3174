#!/usr/bin/env bash
# Runs the end-to-end bench: installs the local launcher (and what it runs) from this checkout, then starts the whole
# Slotbridge in the bench's JVM and books leads through the sandbox. Arguments: [leads-per-second] [leads].
# Takes one to three minutes (start ~30-60 s, then the two phases).
set -euo pipefail
cd "$(dirname "$0")/../../.."
RATE="${1:-2}"
LEADS="${2:-60}"
./mvnw -q -B -f deploy/local/pom.xml install -DskipTests
./mvnw -q -B -f deploy/bench/e2e/pom.xml compile exec:java \
  -Dexec.mainClass=io.slotbridge.bench.e2e.E2eBench -Dexec.cleanupDaemonThreads=false \
  -Dexec.args="$RATE $LEADS"
