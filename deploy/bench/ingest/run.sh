#!/usr/bin/env bash
# Ingest bench (issue #3): the gateway against an embedded KRaft Kafka and a bare WebFlux endpoint (the ceiling), in
# one run, loaded with the amoCRM status-change fixture; then a fixed-rate run on the gateway. See README.md.
#
#   deploy/bench/ingest/run.sh                      # build what it needs, then run (8-10 minutes)
#   deploy/bench/ingest/run.sh --no-build -Dbench.seconds=30 -Dbench.rate=2000 -Dbench.connections=32
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"

if [ "${1:-}" = "--no-build" ]; then
  shift
else
  ./mvnw -q -B -DskipTests -pl deploy/bench/ingest -am install
fi

jar="$root/deploy/bench/ingest/target/bench-ingest-0.1.0-SNAPSHOT-exec.jar"
[ -f "$jar" ] || { echo "no $jar: run without --no-build first" >&2; exit 1; }

cd "$root/deploy/bench/ingest"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
# This JVM is the load generator; it starts the broker and each server in a JVM of its own with the same options
# (e.g. run.sh --no-build -XX:+UseParallelGC). Their output goes to target/bench-ingest/*.log.
exec java "$@" -jar "$jar"
