#!/usr/bin/env bash
# Start-up benchmark: for each app, the time from launching its JVM to readiness UP
# (/actuator/health/readiness polled every 20 ms), Spring's own "Started ... in X seconds (process
# running for Y)" figures, and the JVM's RSS at the moment it became ready. Three ways side by side,
# interleaved round by round so the machine's load blurs them alike:
#   fatjar     java FLAGS -jar app.jar                        (how apps started before ADR 0005)
#   extracted  java FLAGS -jar extracted/app.jar              (plain class path, no cache)
#   aot        java FLAGS -XX:AOTCache=app.aot -jar extracted/app.jar   (what ./lectern up does now)
# FLAGS are ./lectern's own (JVM_FLAGS_SERVICE / JVM_FLAGS_GATEWAY, so LECTERN_JAVA_OPTS[_GATEWAY] and
# LECTERN_SPRING_AOT apply): every app runs the bean definitions Spring AOT generated (ADR 0111, 0113).
# A fifth way, nospring (BENCH_STARTUP_MODES="aot nospring"), is aot without Spring AOT's generated code,
# with a JDK AOT cache of its own trained the same way: Spring AOT on vs off, side by side.
# Target (quality bar): each service ready <= 3 s after its JVM starts.
#   bench/startup.sh [--rounds N] [APP...]      (apps: identity content learning ai billing notify gateway)
# BENCH_STARTUP_COMPARE="--some.property=value ..." adds a fourth way, aot with those arguments to the
# app, in the same rounds (the AOT cache is trained without them). BENCH_STARTUP_MODES="aot aot+" measures
# only those ways.
# Uses the jars in each module's target/ (build them first), its own database (lectern_startup) and
# ports 19080+. PostgreSQL and Redis must be running (./lectern setup). Apps start one at a time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=3; APPS=()
while [ $# -gt 0 ]; do
  case "$1" in --rounds) ROUNDS=$2; shift 2 ;; *) APPS+=("$1"); shift ;; esac
done
[ ${#APPS[@]} -gt 0 ] || APPS=(identity content learning ai billing notify gateway)
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"; JAVA="$JAVA_HOME/bin/java"
PORT_BASE="${LECTERN_PORT_BASE:-19080}"
DB="${LECTERN_DB_NAME:-lectern_startup}"
WORK="${LECTERN_RUN_DIR:-$ROOT/.run}/bench-startup"
mkdir -p "$WORK"

# The same JVM flags as ./lectern (its JVM_FLAGS lines and the Spring AOT flag, evaluated here).
eval "$(grep -E '^(JVM_FLAGS(_GATEWAY|_SERVICE)?|SPRING_AOT_FLAG)=' "$ROOT/lectern")"

psql_admin() { psql -v ON_ERROR_STOP=1 -q -h "${LECTERN_DB_HOST:-127.0.0.1}" -p "${LECTERN_DB_PORT:-5432}" -U "${LECTERN_DB_ADMIN:-postgres}" "$@"; }
if ! psql_admin -d postgres -tAc "select 1 from pg_database where datname='$DB'" | grep -q 1; then
  psql_admin -d postgres -c "create database \"$DB\"" >/dev/null
fi
psql_admin -d "$DB" -f "$ROOT/compose/postgres/init/10-lectern.sql" >/dev/null

# The services refuse to start without their secrets (./lectern keeps local ones in its secrets file):
# the environment's, else throw-away ones for this run.
SEAL_KEY="${LECTERN_SEAL_KEY:-$(head -c 32 /dev/urandom | base64 | tr -d '\n')}"
NEWSLETTER_SECRET="${LECTERN_NEWSLETTER_SECRET:-$(head -c 32 /dev/urandom | base64 | tr -d '\n')}"

port_of() {
  case "$1" in gateway) echo "$PORT_BASE" ;; identity) echo $((PORT_BASE + 1)) ;; content) echo $((PORT_BASE + 2)) ;;
    learning) echo $((PORT_BASE + 3)) ;; ai) echo $((PORT_BASE + 4)) ;; billing) echo $((PORT_BASE + 5)) ;;
    notify) echo $((PORT_BASE + 6)) ;; *) echo "unknown app $1" >&2; exit 2 ;; esac
}
envs_of() {
  local p=$PORT_BASE
  ENVS=(MALLOC_ARENA_MAX=2 PORT="$(port_of "$1")" LECTERN_DB_NAME="$DB" LECTERN_EVENTS_NAMESPACE=lectern-bench-startup
    LECTERN_IDENTITY_URL="http://127.0.0.1:$((p + 1))" LECTERN_CONTENT_URL="http://127.0.0.1:$((p + 2))"
    LECTERN_LEARNING_URL="http://127.0.0.1:$((p + 3))" LECTERN_AI_URL="http://127.0.0.1:$((p + 4))"
    LECTERN_BILLING_URL="http://127.0.0.1:$((p + 5))" LECTERN_NOTIFY_URL="http://127.0.0.1:$((p + 6))"
    LECTERN_JWKS_URI="http://127.0.0.1:$((p + 1))/.well-known/jwks.json" LECTERN_SMTP_HOST=127.0.0.1
    LECTERN_SMTP_PORT=$((p + 25)) LECTERN_PUBLIC_URL="http://127.0.0.1:$p"
    LECTERN_SEAL_KEY="$SEAL_KEY" LECTERN_NEWSLETTER_SECRET="$NEWSLETTER_SECRET")
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# run_once APP MODE -> prints "ready_ms started_s process_s rss_mb"
run_once() {
  local app=$1 mode=$2 port flags=$JVM_FLAGS_SERVICE args
  port=$(port_of "$app"); [ "$app" != gateway ] || flags=$JVM_FLAGS_GATEWAY
  case "$mode" in
    fatjar) args=(-jar "$JAR") ;;
    extracted) args=(-jar "$XJAR") ;;
    aot) args=(-XX:AOTCache="$AOT" -jar "$XJAR") ;;
    nospring) args=(-XX:AOTCache="$AOT_NOSPRING" -jar "$XJAR"); flags=${flags/ -Dspring.aot.enabled=true/} ;;
    # shellcheck disable=SC2206 # a list of arguments
    aot+) args=(-XX:AOTCache="$AOT" -jar "$XJAR" ${BENCH_STARTUP_COMPARE:-}) ;;
  esac
  envs_of "$app"
  local log="$WORK/$app-$mode.log" t0 t1 pid rss
  t0=$(now_ms)
  # shellcheck disable=SC2086
  env "${ENVS[@]}" "$JAVA" $flags "${args[@]}" >"$log" 2>&1 &
  pid=$!
  until curl -fsS -m 1 "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "$app ($mode) exited during start-up; log: $log" >&2; exit 1; }
    [ $(($(now_ms) - t0)) -lt 180000 ] || { kill "$pid"; echo "$app ($mode) not ready in 180 s" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(now_ms)
  rss=$(awk '/^VmRSS:/{print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local started process
  started=$(sed -n 's/.*Started .* in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1/p' "$log" | head -1)
  process=$(sed -n 's/.*Started .* in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\2/p' "$log" | head -1)
  echo "$((t1 - t0)) ${started:-?} ${process:-?} $((rss / 1024))"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "?"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

echo "==> bench/startup.sh: $ROUNDS round(s), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), JDK $("$JAVA" -version 2>&1 | head -1)"
echo "    flags: $JVM_FLAGS_SERVICE"
[ "$JVM_FLAGS_GATEWAY" = "$JVM_FLAGS" ] || echo "    gateway flags: $JVM_FLAGS_GATEWAY"
RESULTS="$WORK/results.txt"; : >"$RESULTS"
MODES=(fatjar extracted aot); [ -z "${BENCH_STARTUP_COMPARE:-}" ] || MODES+=(aot+)
# shellcheck disable=SC2206 # a list of modes
[ -z "${BENCH_STARTUP_MODES:-}" ] || MODES=($BENCH_STARTUP_MODES)
[ -z "${BENCH_STARTUP_COMPARE:-}" ] || echo "    aot+ = aot with: $BENCH_STARTUP_COMPARE"
for app in "${APPS[@]}"; do
  module=$([ "$app" = gateway ] && echo gateway || echo "$app-service")
  JAR=$(ls "$ROOT/$module"/target/*.jar 2>/dev/null | grep -v original | head -1) || true
  [ -n "$JAR" ] || { echo "no jar for $app in $module/target; build it first" >&2; exit 1; }
  flags=$JVM_FLAGS_SERVICE; [ "$app" != gateway ] || flags=$JVM_FLAGS_GATEWAY
  dir="$WORK/$app"; rm -rf "$dir"; mkdir -p "$dir"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$dir/app" >/dev/null
  XJAR="$dir/app/$(basename "$JAR")"; AOT="$dir/app.aot"; AOT_NOSPRING="$dir/app-nospring.aot"
  envs_of "$app"
  t0=$(now_ms)
  # shellcheck disable=SC2086
  env "${ENVS[@]}" "$JAVA" $flags -XX:AOTCacheOutput="$AOT" -Dspring.context.exit=onRefresh -jar "$XJAR" >"$dir/training.log" 2>&1 \
    || { echo "$app: training run failed; log: $dir/training.log" >&2; exit 1; }
  printf '%-9s AOT cache trained in %d ms, %d MB\n' "$app" $(($(now_ms) - t0)) $(($(stat -c %s "$AOT") / 1048576))
  if [[ " ${MODES[*]} " == *" nospring "* ]]; then
    flags=${flags/ -Dspring.aot.enabled=true/}
    # shellcheck disable=SC2086
    env "${ENVS[@]}" "$JAVA" $flags -XX:AOTCacheOutput="$AOT_NOSPRING" -Dspring.context.exit=onRefresh -jar "$XJAR" >"$dir/training-nospring.log" 2>&1 \
      || { echo "$app: training run (no Spring AOT) failed; log: $dir/training-nospring.log" >&2; exit 1; }
  fi
  for r in $(seq "$ROUNDS"); do
    for mode in "${MODES[@]}"; do
      echo "$app $mode $(run_once "$app" "$mode")" | tee -a "$RESULTS" | sed 's/^/    /'
    done
  done
done

echo
echo "Medians over $ROUNDS round(s): ready = launch to readiness UP (ms); Spring = 'Started ... in' (s); JVM = 'process running for' (s); RSS at ready (MB)"
header=$(printf '%-9s' app); for mode in "${MODES[@]}"; do header="$header | $(printf '%-27s' "$mode ready/Spring/JVM/RSS")"; done
echo "$header | aot vs fatjar (ready)$([ -z "${BENCH_STARTUP_COMPARE:-}" ] || echo ' | aot+ vs aot (ready, RSS)')$([[ " ${MODES[*]} " != *" nospring "* ]] || echo ' | aot vs nospring (ready, RSS)')"
for app in "${APPS[@]}"; do
  line=$(printf '%-9s' "$app"); declare -A med=()
  declare -A rss=()
  for mode in "${MODES[@]}"; do
    m=(); for col in 3 4 5 6; do m+=("$(awk -v a="$app" -v mo="$mode" -v c="$col" '$1==a && $2==mo {print $c}' "$RESULTS" | median)"); done
    med[$mode]=${m[0]}; rss[$mode]=${m[3]}
    line="$line | $(printf '%6s ms %5s s %5s s %4s MB' "${m[@]}")"
  done
  line="$line | $(awk -v a="${med[aot]:-}" -v f="${med[fatjar]:-}" 'BEGIN{if (a == "" || f == "") print "-"; else printf "%.0f %%", 100*a/f}')"
  [ -z "${BENCH_STARTUP_COMPARE:-}" ] || line="$line | $(awk -v x="${med[aot+]}" -v a="${med[aot]}" -v xr="${rss[aot+]}" -v ar="${rss[aot]}" \
    'BEGIN{printf "%+.0f ms, %+.1f MB", x-a, xr-ar}')"
  [[ " ${MODES[*]} " != *" nospring "* ]] || line="$line | $(awk -v a="${med[aot]}" -v n="${med[nospring]}" -v ar="${rss[aot]}" -v nr="${rss[nospring]}" \
    'BEGIN{printf "%.2fx, %+.1f MB", a/n, ar-nr}')"
  echo "$line"
  unset med rss
done
echo "(raw figures: $RESULTS)"
