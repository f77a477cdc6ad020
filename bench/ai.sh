#!/usr/bin/env bash
# ai-service on this machine: query embedding p50, HNSW recall@10 vs exact at 100,000 x 384 (with and
# without the premium filter), hybrid search p95 at 20 concurrent users, Ask-AI time to the first
# `sources` event, and ai-service's RSS with the model loaded.
#   bench/ai.sh [rows=100000] [recallQueries=200] [users=20] [requestsPerUser=25]
# A throwaway database and Redis namespace (test-support), dropped at exit; the real ai-service jar runs
# with -Xmx96m against them. Takes a few minutes (most of it building the HNSW index); not a test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -ntp -q install -DskipTests \
  -pl shared-contracts/events,shared-contracts/event-bus,shared-contracts/platform,shared-contracts/test-support
./mvnw -B -ntp -q package -DskipTests -pl ai-service,bench
./mvnw -B -ntp -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA_HOME/bin/java" -Xmx768m \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  io.lectern.bench.ai.AiBenchmark ai-service/target/ai-service-0.1.0-SNAPSHOT.jar "$@"
