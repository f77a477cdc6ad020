#!/usr/bin/env bash
# Spaced repetition: review queue build time for a reader with 50,000 cards (target p99 <= 20 ms) and
# review submission throughput, on this machine's PostgreSQL and Redis.
#   bench/learning-srs.sh [cards] [queue requests] [reviews per client]
# Defaults: 50000 cards, 300 queue requests, 200 reviews per client (1 and 4 clients).
# A throwaway database is created (production init script, learning's own Flyway migrations run by the
# service) and dropped at exit; the real learning-service jar serves the API.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -ntp -q install -DskipTests \
  -pl shared-contracts/events,shared-contracts/event-bus,shared-contracts/platform,shared-contracts/test-support
./mvnw -B -ntp -q package -DskipTests -pl learning-service,bench
./mvnw -B -ntp -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA_HOME/bin/java" -Xmx256m \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.lectern.bench.srs.ReviewQueueBenchmark learning-service/target/learning-service-0.1.0-SNAPSHOT.jar "$@"
