#!/usr/bin/env bash
# Content search latency at 10,000 posts, on this machine's PostgreSQL and Redis.
#   bench/content-search.sh [posts] [queries] [clients]
# Defaults: 10000 posts, 400 queries, clients 1,4,8 (each client sends every query once, closed loop),
# then the search statements of ADRs 0033, 0034, 0036 and 0037 over JDBC, interleaved, on the same data.
# A throwaway database is created (same init script as production, content's own Flyway migrations
# run by the service) and dropped at exit; the real content-service jar serves GET /api/v1/search.
# BENCH_COPY_DB=name keeps a copy of the loaded database for EXPLAIN ANALYZE by hand (drop it after).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# Reactor build (-am): never picks up io.lectern jars another build installed in ~/.m2.
./mvnw -B -ntp -q package -DskipTests -pl content-service,bench -am \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA_HOME/bin/java" -Xmx512m \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.lectern.bench.content.SearchBenchmark content-service/target/content-service-0.1.0-SNAPSHOT.jar "$@"
