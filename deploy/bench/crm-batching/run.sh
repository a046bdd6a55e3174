#!/usr/bin/env bash
# Runs the crm-batching bench: builds the crm-connector and the bench, then runs the bench's main class.
# Takes about three minutes (the naive baseline alone needs ~150 s at 7 requests/s).
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -B -f services/crm-connector/pom.xml install -DskipTests
./mvnw -q -B -f deploy/bench/crm-batching/pom.xml compile exec:java \
  -Dexec.mainClass=io.slotbridge.bench.crmbatching.CrmBatchingBench -Dexec.cleanupDaemonThreads=false
