#!/usr/bin/env bash
# learning-service: leaderboard top-10 / own-rank latency at 100,000 users through the real service,
# and XP award throughput from the event bus.
#   bench/learning.sh [users] [requests] [clients] [events]
# Defaults: 100000 users, 2000 requests per endpoint and client count, clients 1,4, 5000 events.
# A throwaway database and Redis namespace are used (dropped/left to expire at exit).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -ntp -q package -DskipTests -pl learning-service,bench -am
./mvnw -B -ntp -q -pl bench -am dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
# reactor modules resolve to their own target/classes, never to other versions in ~/.m2
for m in shared-contracts/events shared-contracts/event-bus shared-contracts/platform shared-contracts/test-support; do
  CP="$m/target/classes:$CP"
done
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "$CP" \
  io.lectern.bench.learning.LeaderboardBenchmark learning-service/target/learning-service-0.1.0-SNAPSHOT.jar "$@"
