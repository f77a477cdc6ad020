#!/usr/bin/env bash
# Benchmarks outbox -> Redis Stream -> handler on this machine's PostgreSQL and Redis.
#   bench/events.sh [throughput-events] [latency-rate-per-s] [latency-seconds]
# Defaults: 20000 events for throughput, then 1000 events/s for 15 s for latency.
# Set BENCH_LANES to change handler lanes per stream (default 4). BENCH_TX_BATCHES lists the consumer
# transaction batch sizes to compare, run one after the other in this invocation (default "50"; "1 50"
# compares one transaction per event, as before ADR 0007, with up to 50 events per transaction).
# BENCH_PIPELINED lists the consumer modes to compare in the same way (default "false true": read,
# apply, acknowledge one read at a time vs reading the next entries while the lanes apply; ADR 0007).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# Reactor build (-am): never picks up io.lectern jars another build installed in ~/.m2.
./mvnw -B -ntp -q package -DskipTests -pl bench -am \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
for batch in ${BENCH_TX_BATCHES:-50}; do
  for pipelined in ${BENCH_PIPELINED:-false true}; do
    "$JAVA_HOME/bin/java" -Xmx512m -Dbench.lanes="${BENCH_LANES:-4}" -Dbench.txBatch="$batch" \
      -Dbench.pipelined="$pipelined" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
      io.lectern.bench.events.EventBusBenchmark "$@"
  done
done
