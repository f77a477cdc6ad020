#!/usr/bin/env bash
# Footprint benchmark: starts the whole stack with ./lectern up (tuned JVM flags), puts a read load on
# it through the gateway (wrk), then prints each JVM's resident memory (RSS and PSS), the web app's,
# PostgreSQL's and Redis's, and the total; then where each JVM's memory goes (heap, class metadata,
# code, threads) and which libraries its loaded classes come from; last, each JVM's RSS split by where it
# lives (AOT cache, heap, metaspace + code, other private memory, libjvm, other files) and how far it is
# over its target. Targets (quality bar): each JVM <= 160 MB RSS (ai <= 230 MB), the web app <= 120 MB,
# whole stack <= 1.5 GB.
#   bench/memory.sh [--no-build] [--keep]     (--keep leaves the stack running afterwards)
# PostgreSQL and Redis are measured as compose/docker-compose.yml runs them: a throw-away PostgreSQL
# cluster and Redis on spare ports, started with the settings read from the compose file (so no other
# database or client on this machine is counted either). BENCH_INFRA=shared measures the machine's own
# PostgreSQL and Redis instead (every process of theirs, whatever else uses them).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD=""; KEEP=""
for a in "$@"; do case "$a" in --no-build) BUILD="--no-build" ;; --keep) KEEP=1 ;; esac; done
export LECTERN_PORT_BASE="${LECTERN_PORT_BASE:-18080}"
export LECTERN_RUN_DIR="${LECTERN_RUN_DIR:-$ROOT/.run/bench-memory}"
export LECTERN_DB_NAME="${LECTERN_DB_NAME:-lectern_bench}"
export LECTERN_EVENTS_NAMESPACE="${LECTERN_EVENTS_NAMESPACE:-lectern-bench}"
# one address sends every request: the per-address page limit would answer 429 instead of pages
export LECTERN_PAGE_RATE_LIMIT="${LECTERN_PAGE_RATE_LIMIT:-1000000000}"
JAVA_BIN="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin"
GW="http://127.0.0.1:$LECTERN_PORT_BASE"

INFRA="${BENCH_INFRA:-compose}"
PG_PIDS=(); REDIS_PIDS=()
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
if [ "$INFRA" = compose ]; then
  COMPOSE="$ROOT/compose/docker-compose.yml"
  # postgres: every "-c", "name=value" pair of its command; redis: its flags before --requirepass
  pg_settings=$(grep -A0 '"postgres", "-c"' "$COMPOSE" | grep -o '"-c", "[^"]*"' | sed 's/"-c", "\(.*\)"/-c \1/' | tr '\n' ' ')
  redis_settings=$(sed -n 's/.*exec redis-server \(.*\) --requirepass.*/\1/p' "$COMPOSE")
  [ -n "$pg_settings" ] && [ -n "$redis_settings" ] || { echo "could not read PostgreSQL/Redis settings from $COMPOSE" >&2; exit 1; }
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  export LECTERN_DB_PORT=$((LECTERN_PORT_BASE + 70)) LECTERN_REDIS_PORT=$((LECTERN_PORT_BASE + 71))
  INFRA_DIR=$(mktemp -d /tmp/lectern-bench-infra.XXXXXX)
  # PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user (Redis, run as
  # root, can still write its files there); otherwise everything runs as the current user.
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$INFRA_DIR"
    as_pg() { runuser -u postgres -- "$@"; }
  else
    as_pg() { "$@"; }
  fi
  stop_infra() {
    as_pg "$PG_BIN/pg_ctl" -D "$INFRA_DIR/pg" -m immediate stop >/dev/null 2>&1 || true
    redis-cli -p "$LECTERN_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    rm -rf "$INFRA_DIR"
  }
  echo "==> PostgreSQL as compose runs it on :$LECTERN_DB_PORT ($pg_settings), Redis on :$LECTERN_REDIS_PORT ($redis_settings)"
  as_pg "$PG_BIN/initdb" -D "$INFRA_DIR/pg" -A trust -U postgres >/dev/null
  # shellcheck disable=SC2086
  as_pg "$PG_BIN/pg_ctl" -D "$INFRA_DIR/pg" -l "$INFRA_DIR/pg.log" -w \
    -o "-p $LECTERN_DB_PORT -k $INFRA_DIR -c listen_addresses=127.0.0.1 $pg_settings" start >/dev/null
  # shellcheck disable=SC2086
  redis-server --daemonize yes --bind 127.0.0.1 --port "$LECTERN_REDIS_PORT" --dir "$INFRA_DIR" \
    --pidfile "$INFRA_DIR/redis.pid" --logfile "$INFRA_DIR/redis.log" --save "" $redis_settings
fi

# The trap is set first so a stack that fails to come up is stopped too.
if [ -z "$KEEP" ]; then
  trap '"$ROOT/lectern" down >/dev/null; [ "$INFRA" != compose ] || stop_infra' EXIT
elif [ "$INFRA" = compose ]; then
  echo "    --keep: stop them afterwards with LECTERN_RUN_DIR=$LECTERN_RUN_DIR LECTERN_PORT_BASE=$LECTERN_PORT_BASE LECTERN_DB_PORT=$LECTERN_DB_PORT LECTERN_REDIS_PORT=$LECTERN_REDIS_PORT ./lectern down, then (as postgres) $PG_BIN/pg_ctl -D $INFRA_DIR/pg stop, redis-cli -p $LECTERN_REDIS_PORT shutdown nosave and rm -rf $INFRA_DIR"
fi
"$ROOT/lectern" up $BUILD
# A service that found its schema missing ran Flyway at this start (its AOT cache was trained by an
# earlier run, so no training run migrated this fresh database first) and then holds Flyway's classes
# (~800 and ~3.5 MB of metaspace per service, session 17) that no later start of it loads. Measure the
# state every later start is in: restart the stack once.
if grep -qs "Flyway runs" "$LECTERN_RUN_DIR"/{identity,content,learning,ai,billing,notify}.log; then
  echo "==> A service migrated its schema at this start: restarting the stack so none carries Flyway"
  "$ROOT/lectern" down >/dev/null
  "$ROOT/lectern" up --no-build
fi

# Read load: 30 s of GETs through the gateway from 8 connections that each send the next request as
# soon as the last is answered (wrk), across every service (API documents, health, feeds, pages,
# search), so each JVM has served traffic, compiled its hot paths and grown its heap as it would. One
# client address sends them all: the page limit is lifted above, the general API's anonymous limit
# (100 an hour) is not, so most /api/v1/posts requests are answered 429 by the gateway, as they would
# be for one real client; the count of answers other than 2xx/3xx is printed.
echo "==> Read load through the gateway (wrk, 30 s, 8 connections)"
cat >"$LECTERN_RUN_DIR/memory-load.lua" <<'LUA'
local paths = {"/api-docs/identity", "/api-docs/content", "/api-docs/learning", "/api-docs/ai", "/api-docs/billing",
  "/api-docs/notify", "/actuator/health", "/.well-known/jwks.json", "/api/v1/posts", "/feed.xml", "/", "/tags",
  "/search?q=java"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
wrk -t1 -c8 -d30s --timeout 10s -s "$LECTERN_RUN_DIR/memory-load.lua" "$GW" \
  | awk '/requests in/{sub(/,$/, "", $4); print "    " $1 " requests in " $4} /Requests\/sec/{print "    " $2 " requests/s"} /Non-2xx/{print "    answered other than 2xx/3xx: " $5} /Socket errors/{print "   " $0}'

kb() { awk -v k="$2" '$1==k":"{print $2}' "/proc/$1/$3" 2>/dev/null || echo 0; }
# Anon = private memory (heap, metaspace, code, malloc, relocated class data); File = mapped files
# (libjvm, the JDK's modules, CDS archive / AOT cache): clean pages the kernel can drop and re-read.
printf '\n%-10s %8s %10s %10s %10s %10s\n' "process" "pid" "RSS MB" "PSS MB" "Anon MB" "File MB"
total_rss=0; total_pss=0; total_anon=0; worst=0
for app in identity content learning ai billing notify gateway; do
  pid=$(cat "$LECTERN_RUN_DIR/$app.pid")
  rss=$(kb "$pid" VmRSS status); pss=$(kb "$pid" Pss smaps_rollup)
  anon=$(kb "$pid" RssAnon status); file=$(kb "$pid" RssFile status)
  printf '%-10s %8s %10.1f %10.1f %10.1f %10.1f\n' "$app" "$pid" "$(echo "$rss/1024" | bc -l)" "$(echo "$pss/1024" | bc -l)" \
    "$(echo "$anon/1024" | bc -l)" "$(echo "$file/1024" | bc -l)"
  total_rss=$((total_rss + rss)); total_pss=$((total_pss + pss)); total_anon=$((total_anon + anon)); [ "$rss" -gt "$worst" ] && worst=$rss
done
# The web app (Node.js), when ./lectern up started it.
if [ -f "$LECTERN_RUN_DIR/web.pid" ] && kill -0 "$(cat "$LECTERN_RUN_DIR/web.pid")" 2>/dev/null; then
  pid=$(cat "$LECTERN_RUN_DIR/web.pid")
  rss=$(kb "$pid" VmRSS status); pss=$(kb "$pid" Pss smaps_rollup)
  printf '%-10s %8s %10.1f %10.1f %10.1f %10.1f\n' "web" "$pid" "$(echo "$rss/1024" | bc -l)" "$(echo "$pss/1024" | bc -l)" \
    "$(echo "$(kb "$pid" RssAnon status)/1024" | bc -l)" "$(echo "$(kb "$pid" RssFile status)/1024" | bc -l)"
  total_pss=$((total_pss + pss)); web_rss=$rss
fi
# PostgreSQL and Redis: PSS counts shared buffers once across PostgreSQL's processes (RSS would count them per process).
if [ "$INFRA" = compose ]; then
  postmaster=$(head -1 "$INFRA_DIR/pg/postmaster.pid")
  PG_PIDS=("$postmaster" $(pgrep -P "$postmaster" || true)); REDIS_PIDS=("$(cat "$INFRA_DIR/redis.pid")")
else
  PG_PIDS=($(pgrep -x postgres || true)); REDIS_PIDS=($(pgrep -x redis-server || true))
fi
for name in postgres redis-server; do
  pss=0; rss=0; n=0
  if [ "$name" = postgres ]; then pids=("${PG_PIDS[@]}"); else pids=("${REDIS_PIDS[@]}"); fi
  for pid in "${pids[@]}"; do pss=$((pss + $(kb "$pid" Pss smaps_rollup))); rss=$((rss + $(kb "$pid" VmRSS status))); n=$((n + 1)); done
  printf '%-10s %8s %10.1f %10.1f   (%s, %d processes)\n' "$name" "-" "$(echo "$rss/1024" | bc -l)" "$(echo "$pss/1024" | bc -l)" \
    "$([ "$INFRA" = compose ] && echo "as compose runs it" || echo "the machine's shared server")" "$n"
  total_pss=$((total_pss + pss))
done
if [ "$INFRA" = compose ]; then
  # Redis's clients: each service's pool holds what it used in the last minute (ADR 0112).
  redis-cli -p "$LECTERN_REDIS_PORT" info clients | tr -d '\r' | grep -E '^connected_clients:' | sed 's/^/redis /'
  redis-cli -p "$LECTERN_REDIS_PORT" info memory | tr -d '\r' | grep -E '^(used_memory|mem_clients_normal):' | sed 's/^/redis /'
fi
printf '\nlargest JVM RSS: %.1f MB (target <= 160 MB)\n' "$(echo "$worst/1024" | bc -l)"
printf 'seven JVMs RSS: %.1f MB (of which anonymous: %.1f MB)\n' "$(echo "$total_rss/1024" | bc -l)" "$(echo "$total_anon/1024" | bc -l)"
[ -z "${web_rss:-}" ] || printf 'web app RSS: %.1f MB (target <= 120 MB)\n' "$(echo "$web_rss/1024" | bc -l)"
printf 'whole stack PSS (7 JVMs%s + PostgreSQL + Redis): %.1f MB (target <= 1536 MB)\n' "${web_rss:+ + web app}" "$(echo "$total_pss/1024" | bc -l)"

# Where each JVM's memory goes (committed), from the JVM itself: heap (young + old), class metadata
# (metaspace; with an AOT cache most class data is mapped from the cache file instead, see File MB),
# JIT code, live threads, and the libraries its classes come from (loaded classes by package prefix).
echo
declare -A heap_kb meta_kb code_kb
printf '%-10s %8s %9s %11s %9s %8s  %s\n' "process" "classes" "heap MB" "metaspace" "code MB" "threads" "classes by package prefix (top 6)"
for app in identity content learning ai billing notify gateway; do
  pid=$(cat "$LECTERN_RUN_DIR/$app.pid")
  # loaded from the class path plus mapped from the CDS archive / AOT cache
  counters=$("$JAVA_BIN/jcmd" "$pid" PerfCounter.print 2>/dev/null)
  classes=$(awk -F= '/^java.cls.loadedClasses=|^java.cls.sharedLoadedClasses=/{t+=$2} END{print t}' <<<"$counters")
  threads=$(awk -F= '/^java.threads.live=/{print $2}' <<<"$counters")
  # committed heap (young + old), committed metaspace and used code cache, in KB; kept for the last table
  heap_kb[$app]=$("$JAVA_BIN/jcmd" "$pid" GC.heap_info 2>/dev/null | awk '/total [0-9]+K/{for(i=1;i<=NF;i++) if($i=="total"){v=$(i+1); sub(/K,?/,"",v); t+=v}} END{print t+0}')
  meta_kb[$app]=$("$JAVA_BIN/jcmd" "$pid" VM.metaspace 2>/dev/null | awk '/^Metaspace/{for(i=1;i<=NF;i++) if($i=="committed"){v=$(i+1); sub(/K,?/,"",v); t=v}} END{print t+0}')
  code_kb[$app]=$("$JAVA_BIN/jcmd" "$pid" Compiler.codecache 2>/dev/null | awk -F'[ =K]+' '/^CodeCache/{for(i=1;i<=NF;i++) if($i=="used"){t=$(i+1)}} END{print t+0}')
  heap=$(echo "${heap_kb[$app]}/1024" | bc -l | xargs printf '%.1f'); meta=$(echo "${meta_kb[$app]}/1024" | bc -l | xargs printf '%.1f MB')
  code=$(echo "${code_kb[$app]}/1024" | bc -l | xargs printf '%.1f')
  libs=$("$JAVA_BIN/jcmd" "$pid" VM.class_hierarchy 2>/dev/null | sed 's/^[ |-]*//' | awk -F/ 'NR>1{print $1}' | sed 's/\$.*//' \
    | awk -F. '{ if ($1=="org" && $2=="springframework") p=$1"."$2"."$3; else if (NF>2) p=$1"."$2; else p=$1; print p }' \
    | sort | uniq -c | sort -rn | head -6 | awk '{printf "%s%s %s", (NR>1?", ":""), $2, $1}')
  printf '%-10s %8s %9s %11s %9s %8s  %s\n' "$app" "$classes" "$heap" "$meta" "$code" "$threads" "$libs"
done

# Where each JVM's RSS lives, so the distance to the 160 MB target (ai: 230 MB) is accounted for:
# class data mapped from the AOT cache (file-backed; its clean pages can be shared and dropped, and the
# pages the JVM wrote to count here too), the Java heap as committed, metaspace and JIT code (both from
# the table above), the rest of the private memory (thread stacks, GC and compiler structures, symbols,
# malloc'd buffers), the JVM's own library and the other mapped files. RSS here is the sum of one read
# of /proc/PID/smaps, so the parts add up to it.
echo
printf '%-10s %8s %10s %9s %12s %11s %8s %8s %10s\n' "process" "RSS MB" "AOT cache" "heap MB" "meta + code" "other anon" "libjvm" "files" "over by"
for app in identity content learning ai billing notify gateway; do
  pid=$(cat "$LECTERN_RUN_DIR/$app.pid")
  read -r aot libjvm files anon < <(awk '
    /^[0-9a-f]+-[0-9a-f]+ /{ path = (NF >= 6 ? $6 : "") }
    /^Rss:/{ if (path ~ /\.(aot|jsa)$/) a += $2; else if (path ~ /libjvm\.so$/) j += $2; else if (path ~ /^\//) f += $2; else n += $2 }
    END{ print a + 0, j + 0, f + 0, n + 0 }' "/proc/$pid/smaps")
  rss=$((aot + libjvm + files + anon)); target=$([ "$app" = ai ] && echo 230 || echo 160)
  heap=${heap_kb[$app]}; metacode=$((meta_kb[$app] + code_kb[$app]))
  other=$((anon - heap - metacode)); [ "$other" -lt 0 ] && other=0
  printf '%-10s %8.1f %10.1f %9.1f %12.1f %11.1f %8.1f %8.1f %10s\n' "$app" "$(echo "$rss/1024" | bc -l)" "$(echo "$aot/1024" | bc -l)" \
    "$(echo "$heap/1024" | bc -l)" "$(echo "$metacode/1024" | bc -l)" "$(echo "$other/1024" | bc -l)" \
    "$(echo "$libjvm/1024" | bc -l)" "$(echo "$files/1024" | bc -l)" \
    "$(awk -v r="$rss" -v t="$target" 'BEGIN{d=r/1024-t; if (d>0) printf "%.1f MB", d; else print "-"}')"
done
echo "(over by: RSS above the 160 MB target, 230 MB for ai with its model; ADR 0005 says what was traded)"
