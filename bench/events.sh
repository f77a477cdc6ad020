#!/usr/bin/env bash
# Benchmarks outbox -> Redis Stream -> handler on this machine's PostgreSQL and Redis.
#   bench/events.sh [throughput-events] [latency-rate-per-s] [latency-seconds]
# Defaults: 20000 events for throughput, then 1000 events/s for 15 s for latency.
# Set BENCH_LANES to change handler lanes per stream (default 4). BENCH_TX_BATCHES lists the consumer
# transaction batch sizes to compare, run one after the other in this invocation (default "1 50":
# one transaction per event, as before ADR 0007, vs up to 50 events per transaction). BENCH_TIMELINE=1
# also prints each 100 ms of the latency run whose slowest event took over 25 ms to reach the stream.
# BENCH_WATCH=1 reads the stream ids for the relay/consumer split live with a second stream reader (as
# before session 13) instead of from the outbox after the run; that reader adds load of its own.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# Reactor build (-am): never picks up io.lectern jars another build installed in ~/.m2.
./mvnw -B -ntp -q package -DskipTests -pl bench -am \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
TIMELINE=false # the documented BENCH_TIMELINE=1 (true and yes work too)
case "${BENCH_TIMELINE:-}" in 1|true|yes) TIMELINE=true ;; esac
WATCH=false
case "${BENCH_WATCH:-}" in 1|true|yes) WATCH=true ;; esac
for batch in ${BENCH_TX_BATCHES:-1 50}; do
  "$JAVA_HOME/bin/java" -Xmx512m -Dbench.lanes="${BENCH_LANES:-4}" -Dbench.txBatch="$batch" \
    -Dbench.timeline="$TIMELINE" -Dbench.watch="$WATCH" \
    -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    io.lectern.bench.events.EventBusBenchmark "$@"
done
