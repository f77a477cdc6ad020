#!/usr/bin/env bash
# Benchmarks outbox -> Redis Stream -> handler on this machine's PostgreSQL and Redis.
#   bench/events.sh [throughput-events] [latency-rate-per-s] [latency-seconds]
# Defaults: 20000 events for throughput, then 1000 events/s for 15 s for latency.
# Set BENCH_LANES to change handler lanes per stream (default 4).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -ntp -q install -DskipTests \
  -pl shared-contracts/events,shared-contracts/event-bus,shared-contracts/test-support,bench
./mvnw -B -ntp -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA_HOME/bin/java" -Xmx512m -Dbench.lanes="${BENCH_LANES:-4}" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.lectern.bench.events.EventBusBenchmark "$@"
