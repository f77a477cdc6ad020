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
# BENCH_JIT lists the benchmark JVM's flags to compare, each run after the other (default "services
# tiered"): "services" is ./lectern's JVM_FLAGS, the flags content-service (relay) and the consuming
# services really run with (Serial GC, 64 MB heap, C1 only; LECTERN_JAVA_OPTS applies); "tiered" is the
# JVM's defaults (G1, tiered C1 + C2) with -Xmx512m, as this benchmark ran before session 15; "g1-c1"
# (not in the default list) is the defaults with C1 only, to tell the compiler from the collector. A table of
# every run and the tiered/services ratios is printed at the end (ADR 0105).
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
SERVICES_FLAGS=${LECTERN_JAVA_OPTS:-$(sed -n 's/^JVM_FLAGS="\${LECTERN_JAVA_OPTS:-\(.*\)}"$/\1/p' lectern)}
[ -n "$SERVICES_FLAGS" ] || { echo "could not read JVM_FLAGS from ./lectern" >&2; exit 1; }
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
for batch in ${BENCH_TX_BATCHES:-1 50}; do
  for jit in ${BENCH_JIT:-services tiered}; do
    case "$jit" in
      services) flags=$SERVICES_FLAGS label="services' flags (./lectern JVM_FLAGS: Serial GC, -Xmx64m, C1 only)" ;;
      tiered) flags="-Xmx512m" label="JVM defaults (G1, tiered C1 + C2), -Xmx512m" ;;
      g1-c1) flags="-Xmx512m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1" label="G1, -Xmx512m, C1 only" ;;
      *) echo "BENCH_JIT: unknown '$jit' (services, tiered or g1-c1)" >&2; exit 2 ;;
    esac
    # shellcheck disable=SC2086 # the flags are a list of words
    "$JAVA_HOME/bin/java" $flags -Dbench.jit="$label" -Dbench.lanes="${BENCH_LANES:-4}" -Dbench.txBatch="$batch" \
      -Dbench.timeline="$TIMELINE" -Dbench.watch="$WATCH" \
      -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
      io.lectern.bench.events.EventBusBenchmark "$@" | tee /dev/stderr | sed -n "s/^summary/$jit $batch/p" >> "$OUT"
  done
done 2>&1
# Side by side: one line per run, then for each batch size the tiered run's figures over the services' run.
echo
echo "== side by side (events/s end to end; latency run: committed/s and commit-to-handler ms)"
awk '
  function v(line, key,   m) { return match(line, " " key "=[0-9.]+") ? substr(line, RSTART + length(key) + 2, RLENGTH - length(key) - 2) + 0 : 0 }
  { printf "%-8s batch %-3s | 1/tx %6d  20/tx %6d | committed %5d/s  p50 %6.1f  p99 %6.1f  max %6.1f | relay p99 %6.1f  consumer p99 %6.1f\n",
      $1, $2, v($0, "perTx1"), v($0, "perTx20"), v($0, "committedPerS"), v($0, "p50"), v($0, "p99"), v($0, "max"), v($0, "relayP99"), v($0, "consumerP99")
    line[$1 " " $2] = $0; batches[$2] = 1 }
  END {
    for (b in batches) {
      s = line["services " b]; t = line["tiered " b]
      if (s != "" && t != "" && v(s, "p99") > 0 && v(s, "perTx1") > 0)
        printf "batch %s, tiered / services: p99 %.2fx, p50 %.2fx, 1/tx throughput %.2fx, 20/tx throughput %.2fx\n",
          b, v(t, "p99") / v(s, "p99"), v(t, "p50") / v(s, "p50"), v(t, "perTx1") / v(s, "perTx1"), v(t, "perTx20") / v(s, "perTx20")
    }
  }' "$OUT"
