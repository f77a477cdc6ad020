#!/usr/bin/env bash
# The web app under read load, side by side in one run: the post page through the gateway (answered from
# the gateway's copy of public pages, ADR 0103, as an anonymous reader is), through the gateway with the
# copy bypassed (the request carries a cookie other than the CSRF token, as a signed-in reader's does:
# the gateway proxies it to the web server) and straight from the web server (throughput, p50/p95/p99
# latency), and the web server's RSS idle and at its peak during the load (sampled every 200 ms).
#   bench/web.sh [seconds-per-run] [connections]        defaults: 15 s, 32 connections, wrk -t2, each run
#   after BENCH_WARMUP (default 30) seconds of the same load
# Then the latency at the target rate rather than at saturation: BENCH_RATE (default 600) pages/s
# offered open loop (bench's OpenLoopLoad, latency from each request's intended send time), through the
# gateway and straight from the web server.
# Starts its own platform with ./lectern up --no-build (build first with ./lectern up once) on port base
# BENCH_PORT_BASE (default 24500), its own database and event namespace, the page rate limit lifted so
# the gateway's limiter (still on, one Redis call per request) does not refuse the load; stops it after.
# When a platform already answers on BENCH_PORT_BASE it is used as it is (BENCH_DB_NAME names its
# database; start it with LECTERN_PAGE_RATE_LIMIT=1000000000) and left running.
# BENCH_NODE_COMPARE="<node flags>" then compares the web server's own flags with those, side by side:
# BENCH_NODE_ROUNDS (default 3) rounds, each restarting the web server with one set and then the other,
# 20 s of warm-up load and a measured run straight from the web server (pages/s, p50/p99, the server's
# CPU per page from /proc, its RSS peak); the web server is left with its own flags afterwards. On a
# platform that was already running, BENCH_EVENTS_NAMESPACE names its event namespace (the restarted
# web server listens to its content events; default lectern).
# Targets (issue 16): RSS <= 120 MB; >= 600 pages/s and p95 <= 50 ms through the gateway.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SECONDS_PER_RUN="${1:-15}"; CONNECTIONS="${2:-32}"
BASE_PORT="${BENCH_PORT_BASE:-24500}"
DB="lectern_bench_web_$$"; NS="bench-web-$$"; RUN_DIR="$ROOT/.run/bench-web-$BASE_PORT"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
RATE="${BENCH_RATE:-600}"
# Load before each measured run: the gateway compiles with C2 alone (ADR 0005, item 10), which on two
# cores takes ~20 s of load to compile its hot paths; the numbers are what a running gateway serves.
WARMUP="${BENCH_WARMUP:-30}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# Reactor build (-am): never picks up io.lectern jars another build installed in ~/.m2.
./mvnw -B -ntp -q package -DskipTests -pl bench -am dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
export LECTERN_PORT_BASE=$BASE_PORT LECTERN_DB_NAME=$DB LECTERN_EVENTS_NAMESPACE=$NS LECTERN_RUN_DIR=$RUN_DIR
export LECTERN_PAGE_RATE_LIMIT=1000000000
if curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$BASE_PORT/actuator/health/readiness"; then
  DB="${BENCH_DB_NAME:?a platform runs on port base $BASE_PORT: set BENCH_DB_NAME to its database}"
  RUN_DIR="${BENCH_RUN_DIR:-$ROOT/.run}"
  echo "using the platform already running on port base $BASE_PORT"
else
  cleanup() {
    ./lectern down >/dev/null 2>&1 || true
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  }
  trap cleanup EXIT
  mkdir -p "$RUN_DIR"
  ./lectern up --no-build >"$RUN_DIR/up.log" 2>&1 || { tail -20 "$RUN_DIR/up.log"; exit 1; }
fi
GW="http://127.0.0.1:$BASE_PORT"; WEB="http://127.0.0.1:$((BASE_PORT + 7))"
IDENTITY="http://127.0.0.1:$((BASE_PORT + 1))"; CONTENT="http://127.0.0.1:$((BASE_PORT + 2))"

# One published post of ordinary length by an author (verified and promoted in the database).
EMAIL="bench-$$@example.org"; PASS="correct horse battery staple"
curl -fsS -o /dev/null -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASS\",\"displayName\":\"Bench\"}" "$IDENTITY/api/v1/auth/register"
psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "update identity.users set email_verified = true, roles = array['reader','author'] where email_normalized = '$EMAIL'"
TOKEN=$(curl -fsS -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASS\"}" "$IDENTITY/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
# the title carries the run's pid: a platform that was already running may hold an earlier run's post
BODY=$(python3 -c 'import json,sys; print(json.dumps({"title":"A post to read under load "+sys.argv[1],"markdown":"## Streams\n\n"+("Streams compose lazily and collectors gather results. "*25+"\n\n")*6+"```java\nlist.stream().map(x -> x * 2).toList();\n```\n","excerpt":"Reading under load.","premium":False,"tags":["java","bench"]}))' "$$")
ID=$(curl -fsS -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d "$BODY" "$CONTENT/api/v1/admin/posts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
SLUG=$(curl -fsS -X POST -H "authorization: Bearer $TOKEN" "$CONTENT/api/v1/admin/posts/$ID/publish" | python3 -c 'import json,sys; print(json.load(sys.stdin)["slug"])')
PAGE="/posts/$SLUG"
curl -fsS -o /dev/null "$GW$PAGE"; curl -fsS -o /dev/null "$GW$PAGE"
WEB_PID=$(cat "$RUN_DIR/web.pid")
rss_mb() { awk '/VmRSS/{printf "%.1f", $2/1024}' "/proc/$WEB_PID/status"; }
IDLE=$(rss_mb)

cat >"$RUN_DIR/p.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
LUA
load() { # label url [wrk option...] -> one result line, with the web server's peak RSS during the run
  local peak=0 r label=$1 url=$2
  shift 2
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$@" "$url" >/dev/null 2>&1 # warm-up
  ( while true; do rss_mb; echo; sleep 0.2; done ) >"$RUN_DIR/rss-$label.txt" &
  local sampler=$!
  r=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s "$RUN_DIR/p.lua" "$@" "$url" | awk '/^RESULT/{print $2, $3, $4, $5, $6, $7}')
  kill "$sampler" 2>/dev/null || true
  peak=$(sort -n "$RUN_DIR/rss-$label.txt" | tail -1)
  read -r rps p50 p95 p99 errors total <<<"$r"
  printf '%-36s %10s %9s %9s %9s %8s %12s\n' "$label" "$rps" "$p50" "$p95" "$p99" "$errors" "$peak"
}
echo "post page $PAGE, wrk -t2 -c$CONNECTIONS, ${WARMUP}s warm-up and ${SECONDS_PER_RUN}s per run, 2-core machine shared with the platform"
echo "web server RSS idle after warm-up: $IDLE MB (node flags: $(cat "$RUN_DIR/web.node-flags" 2>/dev/null))"
printf '%-36s %10s %9s %9s %9s %8s %12s\n' "target" "pages/s" "p50 ms" "p95 ms" "p99 ms" "errors" "web RSS peak"
hits() { curl -fsS "$GW/actuator/prometheus" | awk '/^lectern_gateway_public_cache_total\{.*result="hit"/{printf "%d", $2}'; }
H0=$(hits)
load "through the gateway (its copy)" "$GW$PAGE"
H1=$(hits)
load "through the gateway (copy bypassed)" "$GW$PAGE" -H "Cookie: bench_reader=1"
H2=$(hits)
load "web server directly" "$WEB$PAGE"
echo "answers from the gateway's copy (lectern_gateway_public_cache_total{result=\"hit\"}, warm-up included): $((H1 - H0)) in the first run, $((H2 - H1)) in the second"
open_loop() { "$JAVA_HOME/bin/java" -Xmx128m -XX:+UseSerialGC -cp "$CP" io.lectern.bench.gateway.OpenLoopLoad "$1" "$RATE" 5 "$SECONDS_PER_RUN" 32; }
echo "fixed rate $RATE pages/s offered (open loop, 5 s warm-up, ${SECONDS_PER_RUN} s measured, latency from the intended send time):"
echo "  through the gateway: $(open_loop "$GW$PAGE")"
echo "  web server directly: $(open_loop "$WEB$PAGE")"

if [ -n "${BENCH_NODE_COMPARE:-}" ]; then
  OWN_FLAGS=$(cat "$RUN_DIR/web.node-flags")
  restart_web() { # node flags
    kill "$WEB_PID"; while kill -0 "$WEB_PID" 2>/dev/null; do sleep 0.2; done
    rm -f "$RUN_DIR/web.pid"
    LECTERN_RUN_DIR="$RUN_DIR" LECTERN_DB_NAME="$DB" LECTERN_EVENTS_NAMESPACE="${BENCH_EVENTS_NAMESPACE:-$NS}" \
      LECTERN_WEB_NODE_OPTS="$1" ./lectern up --no-build >"$RUN_DIR/web-restart.log" 2>&1 \
      || { tail -20 "$RUN_DIR/web-restart.log" >&2; exit 1; }
    WEB_PID=$(cat "$RUN_DIR/web.pid")
    curl -fsS -o /dev/null "$WEB$PAGE"
  }
  cpu_ticks() { awk '{print $14 + $15}' "/proc/$WEB_PID/stat"; }
  compare_run() { # label flags
    restart_web "$2"
    wrk -t2 -c"$CONNECTIONS" -d20s "$WEB$PAGE" >/dev/null 2>&1
    ( while true; do rss_mb; echo; sleep 0.2; done ) >"$RUN_DIR/rss-compare.txt" &
    local sampler=$! before after r
    before=$(cpu_ticks)
    r=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s "$RUN_DIR/p.lua" "$WEB$PAGE" | awk '/^RESULT/{print $2, $3, $4, $5, $6, $7}')
    after=$(cpu_ticks)
    kill "$sampler" 2>/dev/null || true
    read -r rps p50 p95 p99 errors total <<<"$r"
    printf '%-3s %-8s %10s %9s %9s %8s %11.2f %12s\n' "$3" "$1" "$rps" "$p50" "$p99" "$errors" \
      "$(echo "($after - $before) * 1000 / $(getconf CLK_TCK) / $total" | bc -l)" "$(sort -n "$RUN_DIR/rss-compare.txt" | tail -1)"
  }
  echo
  echo "node flags side by side, post page straight from the web server, ${BENCH_NODE_ROUNDS:-3} rounds (20 s warm-up, ${SECONDS_PER_RUN} s measured):"
  echo "  own:   $OWN_FLAGS"
  echo "  other: $BENCH_NODE_COMPARE"
  printf '%-3s %-8s %10s %9s %9s %8s %11s %12s\n' "#" "flags" "pages/s" "p50 ms" "p99 ms" "errors" "CPU ms/page" "RSS peak MB"
  for round in $(seq "${BENCH_NODE_ROUNDS:-3}"); do
    compare_run own "$OWN_FLAGS" "$round"
    compare_run other "$BENCH_NODE_COMPARE" "$round"
  done
  restart_web "$OWN_FLAGS"
fi
echo "targets: RSS <= 120 MB; through the gateway >= 600 pages/s with p95 <= 50 ms"
