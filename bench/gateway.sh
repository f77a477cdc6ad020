#!/usr/bin/env bash
# Gateway tax: GET /api/v1/posts/{slug} called directly vs through the gateway (JWT check and the
# Redis rate limiter ON), side by side in one run on this machine.
#   bench/gateway.sh [rate-per-s] [measure-seconds] [wrk-seconds]
# Defaults: 1000 req/s open-loop for 20 s (after 10 s warm-up), then wrk -t2 -c64 for 15 s each.
# BENCH_SERVICE=content measures against the real content-service (its own fresh database, one
# published post, the small-VPS JVM flags of ./lectern) instead of the JDK HttpServer stand-in.
# BENCH_READER=anonymous sends the load without a token; the default is a signed-in reader (JWT checked
# by the gateway; with the real content-service the post is free, so content marks its answer the same
# for every reader and the gateway's copy serves both readers, ADR 0107). With BENCH_SERVICE=content a
# second gateway with its copy off (every request passed on to content) is then measured too, at the
# fixed rate and with wrk, after BENCH_CACHE_OFF_WARMUP seconds of load (default 120).
# BENCH_READER=premium (with BENCH_SERVICE=content) reads a premium post as a premium reader: content
# marks the body for every entitled reader and the gateway's copy serves it to them (ADR 0114); the
# copy-off gateway then measures the proxy path premium reads took before.
# BENCH_CONTENT_COMPARE="--some.property=value ..." (with BENCH_SERVICE=content) also starts a second
# content-service with those arguments and prints both services' direct throughput (two wrk rounds in
# alternating order), fixed-rate latency, allocated and promoted bytes per request and full collections
# side by side (e.g. "--management.observations.enable.spring.security=true", ADR 0106).
# BENCH_GATEWAY_COMPARE_JAR=path/to/other/gateway.jar and/or BENCH_GATEWAY_COMPARE="--some.property=value"
# also run two gateways with their copy off (every request proxied), this build's and the other, and
# print the same side-by-side figures for the proxy path (e.g. the jar of an earlier commit).
# BENCH_GATEWAY_JVM_A="..." / BENCH_GATEWAY_JVM_B="..." replace the JVM options of those two gateways (by
# default the bench's own: 256 MB pre-touched ParallelGC heap, tiered compilation); either one alone also
# runs the comparison, with the same jar: e.g. ./lectern's gateway flags with C2 alone against C1 alone.
# BENCH_GATEWAY_JAVA_OPTS="..." adds JVM options to the benchmark's gateways (e.g. a JFR recording:
# "-XX:StartFlightRecording=filename=/tmp/gw.jfr,settings=profile" for where its CPU goes).
# BENCH_LIMITER=compare also runs wrk through a second gateway with the rate limiter off and prints the
# limiter's cost. Uses the machine's Redis (127.0.0.1:6379) under a per-run key prefix.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
RATE="${1:-1000}"; MEASURE="${2:-20}"; WRK_SECONDS="${3:-15}"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }

if [ "${BENCH_READER:-}" = premium ] && [ "${BENCH_SERVICE:-}" != content ]; then
  echo "BENCH_READER=premium reads a premium post of the real content-service: set BENCH_SERVICE=content" >&2; exit 1
fi
MODULES=gateway,bench
[ "${BENCH_SERVICE:-}" = content ] && MODULES="$MODULES,content-service"
# Reactor build (-am): never picks up io.lectern jars another build installed in ~/.m2.
./mvnw -B -ntp -q package -DskipTests -pl "$MODULES" -am \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="bench/target/classes:$(cat bench/target/classpath.txt)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SERVICE_PORT=$(free_port); GATEWAY_PORT=$(free_port)
RUN="bench-gw-$$-$(date +%s)"
WORK="$(mktemp -d)"
PIDS=()
BENCH_DB="lectern_bench_gw_$$"
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "${BENCH_SERVICE:-}" = content ]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1 || true
  fi
  redis-cli --scan --pattern "$RUN:*" | xargs -r redis-cli del >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_http() { # url: poll until it answers, at most 60 s
  for _ in $(seq 1 3000); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "no answer from $1" >&2; exit 1
}

ISSUER="http://bench.lectern"; AUDIENCE="lectern"
"$JAVA_HOME/bin/java" -Xmx128m -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true -cp "$CP" io.lectern.bench.gateway.StandInPostService \
  "$SERVICE_PORT" "$WORK/token" "$ISSUER" "$AUDIENCE" >"$WORK/service.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$SERVICE_PORT/.well-known/jwks.json"
JWKS_URI="http://127.0.0.1:$SERVICE_PORT/.well-known/jwks.json"
TARGET_PORT=$SERVICE_PORT; SLUG=hello-world; TARGET_NAME="JDK HttpServer stand-in"
if [ "${BENCH_SERVICE:-}" = content ]; then
  # The real service: its own database laid out like production, one published post to read.
  CONTENT_PORT=$(free_port)
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "create database $BENCH_DB" >/dev/null
  psql -q -h 127.0.0.1 -U postgres -d "$BENCH_DB" -f compose/postgres/init/10-lectern.sql >/dev/null
  SEAL_KEY=$(openssl rand -base64 32)  # the service refuses to start without a secret
JVM_FLAGS=$(sed -n 's/^JVM_FLAGS="\${LECTERN_JAVA_OPTS:-\(.*\)}"$/\1/p' lectern)
  start_content() { # port log extra-args...
    local port=$1 log=$2; shift 2
    # shellcheck disable=SC2086
    LECTERN_SEAL_KEY="$SEAL_KEY" MALLOC_ARENA_MAX=2 PORT=$port LECTERN_DB_NAME=$BENCH_DB LECTERN_EVENTS_NAMESPACE="$RUN" \
    LECTERN_JWKS_URI="$JWKS_URI" LECTERN_JWT_ISSUER="http://bench.lectern" LECTERN_JWT_AUDIENCE=lectern \
      "$JAVA_HOME/bin/java" $JVM_FLAGS -jar content-service/target/content-service-0.1.0-SNAPSHOT.jar \
      "$@" --logging.level.root=WARN >"$log" 2>&1 &
    PIDS+=($!)
    wait_http "http://127.0.0.1:$port/actuator/health/readiness"
  }
  start_content "$CONTENT_PORT" "$WORK/content.log"
  ADMIN="Authorization: Bearer $(cat "$WORK/token.admin")"
  PREMIUM=$([ "${BENCH_READER:-}" = premium ] && echo true || echo false)
  ID=$(curl -fsS -H "$ADMIN" -H 'Content-Type: application/json' \
    -d '{"title":"Hello world","slug":"hello-world","markdown":"# Hello\n\nA small post read by the gateway benchmark, with **some** text.","excerpt":"A small post.","premium":'"$PREMIUM"',"tags":["bench"]}' \
    "http://127.0.0.1:$CONTENT_PORT/api/v1/admin/posts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  curl -fsS -o /dev/null -X POST -H "$ADMIN" "http://127.0.0.1:$CONTENT_PORT/api/v1/admin/posts/$ID/publish"
  TARGET_PORT=$CONTENT_PORT; TARGET_NAME="content-service (real, PostgreSQL-backed)"
fi
echo "== direct target: $TARGET_NAME"

# One catch-all group with a bucket far above what the run can use: the limiter does all its work
# (Redis leases, headers) but never refuses, so both targets serve the same 200s. The gateway hears
# the service's change messages under the run's namespace (its public answer cache serves only then).
start_gateway() { # port log extra-args...
  local port=$1 log=$2; shift 2
  # shellcheck disable=SC2086 # a list of options
  "$JAVA_HOME/bin/java" ${GATEWAY_JVM:--Xms256m -Xmx256m -XX:+UseParallelGC -XX:+AlwaysPreTouch -Xss512k} ${BENCH_GATEWAY_JAVA_OPTS:-} \
    -Dreactor.netty.ioWorkerCount=2 -Dio.netty.leakDetection.level=disabled \
    -jar "${GATEWAY_JAR:-gateway/target/gateway-0.1.0-SNAPSHOT.jar}" \
    --server.port="$port" \
    --LECTERN_CONTENT_URL="http://127.0.0.1:$TARGET_PORT" \
    --lectern.security.jwk-set-uri="$JWKS_URI" \
    --lectern.security.issuer="$ISSUER" --lectern.security.audience="$AUDIENCE" \
    --lectern.events.namespace="$RUN" \
    --lectern.gateway.rate-limit.key-prefix="$RUN:ratelimit" \
    --lectern.gateway.rate-limit.redis-timeout="${BENCH_REDIS_TIMEOUT:-250ms}" \
    --lectern.gateway.rate-limit.groups[0].name=general \
    --lectern.gateway.rate-limit.groups[0].paths[0]=/** \
    --lectern.gateway.rate-limit.groups[0].anonymous.capacity=1000000000 \
    --lectern.gateway.rate-limit.groups[0].anonymous.period=1h \
    --lectern.gateway.rate-limit.groups[0].authenticated.capacity=1000000000 \
    --lectern.gateway.rate-limit.groups[0].authenticated.period=1h \
    "$@" --logging.level.root=WARN >"$log" 2>&1 &
  PIDS+=($!)
}
start_gateway "$GATEWAY_PORT" "$WORK/gateway.log"
wait_http "http://127.0.0.1:$GATEWAY_PORT/actuator/health"

TOKEN="$(cat "$WORK/token")"
[ "${BENCH_READER:-}" != premium ] || TOKEN="$(cat "$WORK/token.premium")"
AUTH="Authorization: Bearer $TOKEN"
LOAD_HDR=("-H" "$AUTH"); LOAD_ARG="$AUTH"
if [ "${BENCH_READER:-}" = anonymous ]; then LOAD_HDR=(); LOAD_ARG="Accept: application/json"; fi
DIRECT="http://127.0.0.1:$TARGET_PORT/api/v1/posts/$SLUG"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT/api/v1/posts/$SLUG"
# the token must really pass the gateway's check, and the limiter must be on
curl -fsS -D "$WORK/headers" -o /dev/null -H "$AUTH" "$GATEWAY"
grep -qi '^X-RateLimit-Remaining' "$WORK/headers" || { echo "rate limiter not active" >&2; exit 1; }
if [ "${BENCH_READER:-}" = premium ]; then # the premium body, read twice: the second from the gateway's copy
  curl -fsS -o "$WORK/premium.json" -H "$AUTH" "$GATEWAY"
  grep -q '"bodyIncluded":true' "$WORK/premium.json" || { echo "no premium body for the premium reader" >&2; exit 1; }
  curl -fsS -D "$WORK/headers" -o /dev/null -H "$AUTH" "$GATEWAY"
  grep -qi '^Age:' "$WORK/headers" || { echo "the premium body was not served from the gateway's copy" >&2; exit 1; }
fi

echo "== warm-up: wrk 15 s on each target (JIT, pools, token cache) before anything is measured"
wrk -t2 -c32 -d15s "${LOAD_HDR[@]}" "$GATEWAY" >/dev/null
wrk -t2 -c32 -d5s "${LOAD_HDR[@]}" "$DIRECT" >/dev/null
load() { "$JAVA_HOME/bin/java" -Xmx128m -XX:+UseSerialGC -cp "$CP" io.lectern.bench.gateway.OpenLoopLoad "$@"; }
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); reader: ${BENCH_READER:-signed-in}"
echo "== fixed rate $RATE req/s, 10 s warm-up, $MEASURE s measured, latency from the intended send time"
D_LAT=$(load "$DIRECT" "$RATE" 10 "$MEASURE" 32 "$LOAD_ARG")
G_LAT=$(load "$GATEWAY" "$RATE" 10 "$MEASURE" 32 "$LOAD_ARG")
echo "direct : $D_LAT"
echo "gateway: $G_LAT"

echo "== max throughput: wrk -t2 -c64 -d${WRK_SECONDS}s"
D_WRK=$(wrk -t2 -c64 -d"${WRK_SECONDS}s" --latency "${LOAD_HDR[@]}" "$DIRECT")
G_WRK=$(wrk -t2 -c64 -d"${WRK_SECONDS}s" --latency "${LOAD_HDR[@]}" "$GATEWAY")
D_RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$D_WRK")
G_RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$G_WRK")
echo "direct : $D_RPS req/s  ($(grep -E 'Non-2xx|Socket errors' <<<"$D_WRK" || echo 'all 2xx'))"
echo "gateway: $G_RPS req/s  ($(grep -E 'Non-2xx|Socket errors' <<<"$G_WRK" || echo 'all 2xx'))"

field() { sed -E "s/.*$1=([0-9.]+)ms.*/\1/" <<<"$2"; }
python3 - "$(field p50 "$D_LAT")" "$(field p50 "$G_LAT")" "$(field p99 "$D_LAT")" "$(field p99 "$G_LAT")" \
  "$D_RPS" "$G_RPS" <<'PY'
import sys
d50, g50, d99, g99, drps, grps = map(float, sys.argv[1:])
print(f"== gateway tax: +{g50-d50:.2f} ms p50 (target <= 2), +{g99-d99:.2f} ms p99 (target <= 5), "
      f"throughput {grps/drps*100:.0f}% of direct (target >= 50%)")
PY
echo "== limiter during the run (fail-open count must be absent or 0, else Redis missed its deadline and the limiter was bypassed):"
curl -fsS "http://127.0.0.1:$GATEWAY_PORT/actuator/prometheus" \
  | grep -E '^(lectern_gateway_ratelimit|spring_cloud_gateway_requests_seconds_count|resilience4j_circuitbreaker_state\{.*state="open")' \
  | sed 's/^/   /'
if [ "${BENCH_LIMITER:-}" = compare ]; then
  # Same gateway, same flags, limiter switched off; measured right after the limiter-on line above.
  NOLIMIT_PORT=$(free_port)
  start_gateway "$NOLIMIT_PORT" "$WORK/gateway-nolimit.log" --lectern.gateway.rate-limit.enabled=false
  wait_http "http://127.0.0.1:$NOLIMIT_PORT/actuator/health"
  NOLIMIT="http://127.0.0.1:$NOLIMIT_PORT/api/v1/posts/$SLUG"
  wrk -t2 -c32 -d15s "${LOAD_HDR[@]}" "$NOLIMIT" >/dev/null
  ON_WRK=$(wrk -t2 -c64 -d"${WRK_SECONDS}s" "${LOAD_HDR[@]}" "$GATEWAY")
  OFF_WRK=$(wrk -t2 -c64 -d"${WRK_SECONDS}s" "${LOAD_HDR[@]}" "$NOLIMIT")
  ON_RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$ON_WRK"); OFF_RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$OFF_WRK")
  python3 - "$ON_RPS" "$OFF_RPS" <<'PY'
import sys
on, off = map(float, sys.argv[1:])
print(f"== limiter: on {on:.0f} req/s, off {off:.0f} req/s -> the limiter costs {(1-on/off)*100:.1f}% of throughput (target <= 10%)")
PY
fi
if [ "${BENCH_READER:-}" = anonymous ] || [ "${BENCH_SERVICE:-}" = content ]; then
  # The gateway's public answer cache (ADR 0035, 0107) on vs off, same flags, measured back to back.
  echo "== public answer cache: $(curl -fsS "http://127.0.0.1:$GATEWAY_PORT/actuator/prometheus" \
    | grep -E '^lectern_gateway_public_cache' | tr '\n' ' ')"
  NOCACHE_PORT=$(free_port)
  start_gateway "$NOCACHE_PORT" "$WORK/gateway-nocache.log" --lectern.gateway.public-cache.enabled=false
  wait_http "http://127.0.0.1:$NOCACHE_PORT/actuator/health"
  NOCACHE="http://127.0.0.1:$NOCACHE_PORT/api/v1/posts/$SLUG"
  # The first gateway's proxy path stayed cold (its load was answered from the cache), this one's is
  # what gets measured: C2 needs minutes of proxying on 2 shared cores (1,760 -> 2,131 req/s between
  # the second and third minute in session 9).
  wrk -t2 -c32 -d"${BENCH_CACHE_OFF_WARMUP:-120}s" "${LOAD_HDR[@]}" "$NOCACHE" >/dev/null
  echo "gateway, copy off, fixed rate: $(load "$NOCACHE" "$RATE" 10 "$MEASURE" 32 "$LOAD_ARG")"
  CACHED_WRK=$(wrk -t2 -c64 -d"${WRK_SECONDS}s" "${LOAD_HDR[@]}" "$GATEWAY")
  UNCACHED_WRK=$(wrk -t2 -c64 -d"${WRK_SECONDS}s" "${LOAD_HDR[@]}" "$NOCACHE")
  C_RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$CACHED_WRK"); U_RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$UNCACHED_WRK")
  python3 - "$C_RPS" "$U_RPS" "$D_RPS" <<'PY'
import sys
on, off, direct = map(float, sys.argv[1:])
print(f"== gateway cache: on {on:.0f} req/s ({on/direct*100:.0f}% of direct), off {off:.0f} req/s ({off/direct*100:.0f}% of direct) -> {on/off:.2f}x")
PY
fi
# Two apps measured side by side: both warmed alike, then two rounds, the second in the other order (the
# app measured second runs colder: it got less of the machine while the first was loaded): wrk on each;
# then the fixed rate on each, also twice in alternating order (near saturation the order alone moved p99
# 6x); the p99 compared is the mean of the two. Allocated and promoted bytes per request and the full collections come
# from each app's own Micrometer counters around its measured runs.
#   compare_two WHAT BASE_URL BASE_PORT BASE_LABEL OTHER_URL OTHER_PORT OTHER_LABEL REQUEST_COUNTER
compare_two() {
  local what=$1 counter=$8
  declare -A URL=([base]=$2 [other]=$5) PORT=([base]=$3 [other]=$6) LABEL=([base]=$4 [other]=$7)
  declare -A RPS=() LAT=() BEFORE=() AFTER=()
  counters() { # port -> "allocated promoted requests full-collections full-collection-seconds cpu-ns"
    curl -fsS "http://127.0.0.1:$1/actuator/prometheus" | awk -v c="^${counter}" '
      /^jvm_gc_memory_allocated_bytes_total/ {a += $NF} /^jvm_gc_memory_promoted_bytes_total/ {p += $NF}
      $0 ~ c {r += $NF}
      /^jvm_gc_pause_seconds_count\{.*major/ {n += $NF} /^jvm_gc_pause_seconds_sum\{.*major/ {t += $NF}
      /^process_cpu_time_ns_total/ {u += $NF}
      END {printf "%.0f %.0f %.0f %.0f %.3f %.0f", a, p, r, n, t, u}'; }
  for t in base other; do BEFORE[$t]=$(counters "${PORT[$t]}"); done
  for order in "base other" "other base"; do
    for t in $order; do
      RPS[$t]="${RPS[$t]:-} $(wrk -t2 -c64 -d"${WRK_SECONDS}s" "${LOAD_HDR[@]}" "${URL[$t]}" | awk '/Requests\/sec/ {print $2}')"
    done
  done
  for order in "base other" "other base"; do
    for t in $order; do
      LAT[$t]="${LAT[$t]:+${LAT[$t]} | }$(load "${URL[$t]}" "$RATE" 10 "$MEASURE" 32 "$LOAD_ARG")"
    done
  done
  for t in base other; do AFTER[$t]=$(counters "${PORT[$t]}"); done
  figures() { # t -> "req/s KB-allocated bytes-promoted full-collections full-ms requests p99-ms cpu-us"
    awk -v b="${BEFORE[$1]}" -v a="${AFTER[$1]}" -v rps="${RPS[$1]}" -v lat="${LAT[$1]}" 'BEGIN {
      split(b, x, " "); split(a, y, " "); n = split(rps, r, " "); s = 0; for (i = 1; i <= n; i++) s += r[i]
      req = y[3] - x[3]; m = split(lat, l, " [|] "); p99 = 0
      for (i = 1; i <= m; i++) { v = l[i]; sub(/.*p99=/, "", v); sub(/ms.*/, "", v); p99 += v / m }
      printf "%.0f %.1f %.0f %d %.0f %d %.2f %.0f", s / n, (y[1] - x[1]) / 1024 / req, (y[2] - x[2]) / req,
        y[4] - x[4], (y[5] - x[5]) * 1000, req, p99, (y[6] - x[6]) / 1000 / req }'
  }
  local t f
  for t in base other; do
    read -r -a f <<<"$(figures "$t")"
    echo "== $what ${LABEL[$t]}: ${f[0]} req/s (wrk rounds:${RPS[$t]}), ${f[7]} us of its CPU per request, ${f[1]} KB allocated and ${f[2]} bytes promoted per request, ${f[3]} full collections (${f[4]} ms in all) in ${f[5]} requests; at the fixed rate (mean p99 ${f[6]} ms): ${LAT[$t]}"
  done
  read -r -a B <<<"$(figures base)"; read -r -a O <<<"$(figures other)"
  awk -v b="${B[*]}" -v o="${O[*]}" -v l1="${LABEL[base]}" -v l2="${LABEL[other]}" 'BEGIN {split(b, x, " "); split(o, y, " ");
    printf "== %s / %s: throughput %.2fx, CPU per request %.2fx, allocated per request %.2fx, promoted per request %.2fx, fixed-rate p99 %.2fx\n",
      l1, l2, x[1] / y[1], x[8] / y[8], x[2] / y[2], (y[3] > 0 ? x[3] / y[3] : 0), x[7] / y[7] }'
}
if [ -n "${BENCH_CONTENT_COMPARE:-}" ] && [ "${BENCH_SERVICE:-}" = content ]; then
  # A second content-service on the same database, started with these extra arguments, against the
  # first, directly (no gateway).
  OTHER_PORT=$(free_port)
  # shellcheck disable=SC2086 # a list of arguments
  start_content "$OTHER_PORT" "$WORK/content-other.log" $BENCH_CONTENT_COMPARE
  OTHER="http://127.0.0.1:$OTHER_PORT/api/v1/posts/$SLUG"
  for u in "$DIRECT" "$OTHER"; do wrk -t2 -c32 -d15s "${LOAD_HDR[@]}" "$u" >/dev/null; done
  compare_two content-service "$DIRECT" "$TARGET_PORT" "as configured" "$OTHER" "$OTHER_PORT" \
    "with $BENCH_CONTENT_COMPARE" http_server_requests_seconds_count
fi
if [ -n "${BENCH_GATEWAY_COMPARE_JAR:-}${BENCH_GATEWAY_COMPARE:-}${BENCH_GATEWAY_JVM_A:-}${BENCH_GATEWAY_JVM_B:-}" ]; then
  # Two gateways with their copy off (every request proxied), this build's and one from another jar
  # and/or with extra arguments, each warmed for BENCH_CACHE_OFF_WARMUP seconds (default 120).
  A_PORT=$(free_port); B_PORT=$(free_port)
  GATEWAY_JVM="${BENCH_GATEWAY_JVM_A:-}" start_gateway "$A_PORT" "$WORK/gateway-a.log" --lectern.gateway.public-cache.enabled=false
  # shellcheck disable=SC2086 # a list of arguments
  GATEWAY_JVM="${BENCH_GATEWAY_JVM_B:-}" GATEWAY_JAR="${BENCH_GATEWAY_COMPARE_JAR:-gateway/target/gateway-0.1.0-SNAPSHOT.jar}" start_gateway "$B_PORT" "$WORK/gateway-b.log" \
    --lectern.gateway.public-cache.enabled=false ${BENCH_GATEWAY_COMPARE:-}
  for p in "$A_PORT" "$B_PORT"; do wait_http "http://127.0.0.1:$p/actuator/health"; done
  A_URL="http://127.0.0.1:$A_PORT/api/v1/posts/$SLUG"; B_URL="http://127.0.0.1:$B_PORT/api/v1/posts/$SLUG"
  for u in "$A_URL" "$B_URL"; do wrk -t2 -c32 -d"${BENCH_CACHE_OFF_WARMUP:-120}s" "${LOAD_HDR[@]}" "$u" >/dev/null; done
  compare_two "gateway (copy off)" "$A_URL" "$A_PORT" "this build${BENCH_GATEWAY_JVM_A:+ (JVM: $BENCH_GATEWAY_JVM_A)}" "$B_URL" "$B_PORT" \
    "${BENCH_GATEWAY_COMPARE_JAR:+$(basename "$BENCH_GATEWAY_COMPARE_JAR")}${BENCH_GATEWAY_COMPARE:+ with $BENCH_GATEWAY_COMPARE}${BENCH_GATEWAY_JVM_B:+ (JVM: $BENCH_GATEWAY_JVM_B)}" \
    spring_cloud_gateway_requests_seconds_count
fi
echo "== gateway RSS: $(ps -o rss= -p "$(lsof -t -i :"$GATEWAY_PORT" -sTCP:LISTEN | head -1)" | awk '{printf "%.0f MB", $1/1024}')"
