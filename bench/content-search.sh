#!/usr/bin/env bash
# Content search latency at 10,000 posts, on this machine's PostgreSQL and Redis.
#   bench/content-search.sh [posts] [queries] [clients]
# Defaults: 10000 posts, 400 queries, clients 1,4,8 (each client sends every query once, closed loop).
# A throwaway database is created (same init script as production, content's own Flyway migrations
# run by the service) and dropped at exit; the real content-service jar serves GET /api/v1/search.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -ntp -q install -DskipTests \
  -pl shared-contracts/events,shared-contracts/event-bus,shared-contracts/platform,shared-contracts/test-support
./mvnw -B -ntp -q package -DskipTests -pl content-service,bench
./mvnw -B -ntp -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA_HOME/bin/java" -Xmx512m \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.lectern.bench.content.SearchBenchmark content-service/target/content-service-0.1.0-SNAPSHOT.jar "$@"
