#!/usr/bin/env bash
# Content read path: GET /api/v1/posts/{slug}, the post list and a series page, with the public read
# cache ON vs OFF, side by side in one run on this machine (two content-service JVMs on one fresh
# database, the small-VPS JVM flags of ./lectern, load generator on the same cores).
#   bench/read-path.sh [wrk-seconds] [connections]
# Defaults: 10 s per line, 32 connections. Prints requests/s and latency per line and the ratios
# cached/uncached and anonymous/signed-in. Needs wrk (apt-get install -y wrk).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SECONDS_PER_LINE="${1:-10}"; CONNECTIONS="${2:-32}"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }

# Reactor build (-am): never picks up io.lectern jars another build installed in ~/.m2.
./mvnw -B -ntp -q package -DskipTests -pl content-service,bench -am \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="bench/target/classes:$(cat bench/target/classpath.txt)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
RUN="bench-read-$$-$(date +%s)"; WORK="$(mktemp -d)"; PIDS=(); BENCH_DB="lectern_bench_read_$$"
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1 || true
  redis-cli --scan --pattern "$RUN:*" | xargs -r redis-cli del >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
wait_http() { for _ in $(seq 1 3000); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }

# Token issuer: the stand-in's JWKS (it also writes a reader and an admin token).
JWKS_PORT=$(free_port)
"$JAVA_HOME/bin/java" -Xmx64m -XX:+UseSerialGC -cp "$CP" io.lectern.bench.gateway.StandInPostService \
  "$JWKS_PORT" "$WORK/token" "http://bench.lectern" lectern >"$WORK/jwks.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$JWKS_PORT/.well-known/jwks.json"

psql -q -h 127.0.0.1 -U postgres -d postgres -c "create database $BENCH_DB" >/dev/null
psql -q -h 127.0.0.1 -U postgres -d "$BENCH_DB" -f compose/postgres/init/10-lectern.sql >/dev/null
SEAL_KEY=$(openssl rand -base64 32)  # the service refuses to start without a secret
JVM_FLAGS=$(sed -n 's/^JVM_FLAGS="\${LECTERN_JAVA_OPTS:-\(.*\)}"$/\1/p' lectern)
start_content() { # port cache-enabled
  # shellcheck disable=SC2086
  LECTERN_SEAL_KEY="$SEAL_KEY" MALLOC_ARENA_MAX=2 PORT=$1 LECTERN_DB_NAME=$BENCH_DB LECTERN_EVENTS_NAMESPACE="$RUN" \
  LECTERN_JWKS_URI="http://127.0.0.1:$JWKS_PORT/.well-known/jwks.json" \
  LECTERN_JWT_ISSUER="http://bench.lectern" LECTERN_JWT_AUDIENCE=lectern \
    "$JAVA_HOME/bin/java" $JVM_FLAGS -jar content-service/target/content-service-0.1.0-SNAPSHOT.jar \
    --lectern.content.read-cache.enabled="$2" --logging.level.root=WARN >"$WORK/content-$1.log" 2>&1 &
  PIDS+=($!)
}
CACHED=$(free_port); UNCACHED=$(free_port)
start_content "$CACHED" true
wait_http "http://127.0.0.1:$CACHED/actuator/health/readiness"   # migrations run once
start_content "$UNCACHED" false
wait_http "http://127.0.0.1:$UNCACHED/actuator/health/readiness"

# A realistic post: ~5 KB of Markdown, three tags, third of five in a series.
ADMIN="Authorization: Bearer $(cat "$WORK/token.admin")"
API="http://127.0.0.1:$CACHED/api/v1"
SERIES=$(curl -fsS -H "$ADMIN" -H 'Content-Type: application/json' -d '{"title":"Read path","slug":"read-path"}' \
  "$API/admin/series" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
IDS=()
for i in 1 2 3 4 5; do
  BODY=$(python3 - "$i" <<'PY'
import json, sys
i = sys.argv[1]
para = ("A blog is read far more often than it is written, so the read path must be cheap: one statement, "
        "ready bytes, and an `ETag` for revalidation. ") * 4
md = "\n\n".join([f"## Part {n}\n\n{para}\n\n```java\nvar x = {n};\n```" for n in range(1, 9)])
print(json.dumps({"title": f"Read path part {i}", "slug": f"read-path-{i}", "markdown": md,
                  "excerpt": "How the read path stays cheap.", "premium": False,
                  "tags": ["performance", "caching", "postgresql"]}))
PY
)
  ID=$(curl -fsS -H "$ADMIN" -H 'Content-Type: application/json' -d "$BODY" "$API/admin/posts" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  curl -fsS -o /dev/null -X POST -H "$ADMIN" "$API/admin/posts/$ID/publish"
  IDS+=("\"$ID\"")
done
curl -fsS -o /dev/null -X PUT -H "$ADMIN" -H 'Content-Type: application/json' \
  -d "{\"postIds\":[$(IFS=,; echo "${IDS[*]}")]}" "$API/admin/series/$SERIES/posts"
READER="Authorization: Bearer $(cat "$WORK/token")"
BYTES=$(curl -fsS "$API/posts/read-path-3" | wc -c)
ETAG=$(curl -fsS -D - -o /dev/null "$API/posts/read-path-3" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')

run() { # name url [header]
  local out rps p50 p99
  if [ -n "${3:-}" ]; then out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_LINE}s" --latency -H "$3" "$2")
  else out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_LINE}s" --latency "$2"); fi
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-44s %9s req/s  p50 %8s  p99 %8s  %s\n' "$1" "$rps" "$p50" "$p99" \
    "$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr '\n' ' ' || true)"
  echo "$rps" >"$WORK/rps.$(tr ' /' '__' <<<"$1")"
}
rps() { cat "$WORK/rps.$(tr ' /' '__' <<<"$1")"; }

echo "== post: $BYTES bytes of JSON; warm-up 10 s per instance (JIT, pools)"
wrk -t2 -c16 -d5s "http://127.0.0.1:$CACHED/api/v1/posts/read-path-3" >/dev/null
wrk -t2 -c16 -d5s "http://127.0.0.1:$UNCACHED/api/v1/posts/read-path-3" >/dev/null
wrk -t2 -c16 -d5s -H "$READER" "http://127.0.0.1:$CACHED/api/v1/posts/read-path-3" >/dev/null
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$CONNECTIONS ${SECONDS_PER_LINE}s per line, interleaved"
for p in cached uncached; do
  port=$([ $p = cached ] && echo "$CACHED" || echo "$UNCACHED")
  run "post anonymous, cache $([ $p = cached ] && echo on || echo off)" "http://127.0.0.1:$port/api/v1/posts/read-path-3"
done
run "post signed-in (never cached)" "http://127.0.0.1:$UNCACHED/api/v1/posts/read-path-3" "$READER"
run "post anonymous, If-None-Match (304)" "http://127.0.0.1:$CACHED/api/v1/posts/read-path-3" "If-None-Match: $ETAG"
for p in cached uncached; do
  port=$([ $p = cached ] && echo "$CACHED" || echo "$UNCACHED")
  run "list anonymous, cache $([ $p = cached ] && echo on || echo off)" "http://127.0.0.1:$port/api/v1/posts?limit=20"
  run "series anonymous, cache $([ $p = cached ] && echo on || echo off)" "http://127.0.0.1:$port/api/v1/series/read-path"
done
python3 - "$(rps 'post anonymous, cache on')" "$(rps 'post anonymous, cache off')" \
  "$(rps 'post signed-in (never cached)')" "$(rps 'list anonymous, cache on')" "$(rps 'list anonymous, cache off')" \
  "$(rps 'series anonymous, cache on')" "$(rps 'series anonymous, cache off')" <<'PY'
import sys
on, off, signed, lon, loff, son, soff = map(float, sys.argv[1:])
print(f"== ratios: post cached/uncached {on/off:.1f}x, list {lon/loff:.1f}x, series {son/soff:.1f}x; "
      f"signed-in (one SQL statement, no cache) = {signed/off*100:.0f}% of anonymous uncached")
PY
for port in "$CACHED" "$UNCACHED"; do
  echo "== RSS of content on :$port: $(ps -o rss= -p "$(lsof -t -i :"$port" -sTCP:LISTEN 2>/dev/null | head -1)" 2>/dev/null | awk '{printf "%.0f MB", $1/1024}')"
done
