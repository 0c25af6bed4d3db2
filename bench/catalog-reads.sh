#!/usr/bin/env bash
# What the model budget costs a large catalog (issue 15, round 7): the synthetic 1,000 x 100 catalog at -Xmx256m,
# served twice side by side, with the default timeline.catalog.max-bound-events (a 64th of the heap: ~6,500 events'
# models bound) and with every model bound. For each: the first provision list (it binds every model once), then
# status, timeline and events of a random provision and range (wrk -t1 -c8), alternating, ROUNDS times.
# A read whose model was let go of binds it again: one row read, a parse and a timeline build.
#
# Usage: bench/catalog-reads.sh [SECONDS_PER_WRK_RUN]   (default 10; run from anywhere)
# Environment: APP_JAR (default target/quarkus-app/quarkus-run.jar, built if missing), ROUNDS (2), PORT_BASE (18800).
# Needs: a JDK 17+, curl, wrk.
set -euo pipefail
SECS=${1:-10}
ROUNDS=${ROUNDS:-2}
PORT_BASE=${PORT_BASE:-18800}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP_JAR=${APP_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
cd "$ROOT"
[ -f "$APP_JAR" ] || ./mvnw -B -q package -DskipTests
java bench/SyntheticCatalog.java "$WORK/catalog" 1000 100

cat > "$WORK/random.lua" <<'LUA'
local path = ""
function init(args) path = args[1]; math.randomseed(os.time() + math.random(1e6)) end
request = function()
  local y = math.random(1990, 2025)
  local d = string.format("%04d-%02d-%02d", y, math.random(1, 12), math.random(1, 28))
  local p = string.format("synth-%04d", math.random(0, 999))
  return wrk.format("GET", (path:gsub("{date}", d):gsub("{year}", tostring(y)):gsub("{year5}", tostring(y + 5)):gsub("{synth}", p)))
end
LUA

# serve NAME PORT EXTRA_FLAG: a catalog server on its own database (imports the catalog at its first start)
serve() {
  TIMELINE_DB_PATH="$WORK/db-$1/timeline" java -Xmx256m $3 -Dquarkus.http.port="$2" \
    -Dquarkus.management.port="$(($2 + 100))" -Dtimeline.data-dir="$WORK/catalog" -jar "$APP_JAR" > "$WORK/$1.log" 2>&1 &
  PIDS+=("$!")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$2/api/provisions/synth-0000/status?date=2024-06-01")" = 200 ]; do
    sleep 0.2
  done
}
P_DEF=$PORT_BASE; P_ALL=$((PORT_BASE + 1))
serve default "$P_DEF" ""
serve all-bound "$P_ALL" "-Dtimeline.catalog.max-bound-events=1000000"
sleep 20   # the all-bound server binds its documents in the background
for p in "$P_DEF" "$P_ALL"; do
  echo "$p first provision list: $(curl -s -o /dev/null -w '%{time_total}' "http://localhost:$p/api/provisions") s"
done
STATUS="/api/provisions/{synth}/status?date={date}"
TIMELINE="/api/provisions/{synth}/timeline?from={year}&to={year5}"
EVENTS="/api/provisions/{synth}/events?from={year}&to={year5}"
run() { wrk -t1 -c8 -d"${SECS}s" --latency -s "$WORK/random.lua" "http://localhost:$1" -- "$2" \
  | awk '$1=="99%" {p=$2} /Requests\/sec/ {r=$2} END {printf "%s req/s, p99 %s", r, p}'; }
for p in "$P_DEF" "$P_ALL"; do   # warm-up: compilers, and the background rendering of the answers
  wrk -t1 -c8 -d48s -s "$WORK/random.lua" "http://localhost:$p" -- "$STATUS" >/dev/null
  wrk -t1 -c8 -d"${SECS}s" -s "$WORK/random.lua" "http://localhost:$p" -- "$TIMELINE" >/dev/null
done
for r in $(seq 1 "$ROUNDS"); do
  for path in "$STATUS" "$TIMELINE" "$EVENTS"; do
    for p in "$P_DEF" "$P_ALL"; do
      name=$([ "$p" = "$P_DEF" ] && echo "default budget" || echo "all bound     ")
      echo "round $r  $name  ${path%%\?*}: $(run "$p" "$path")"
    done
  done
done
for p in "$P_DEF" "$P_ALL"; do
  curl -s "localhost:$((p + 100))/q/metrics" | awk -v p="$p" '/^timeline_catalog_bound_events / {print p, "models bound:", $2, "events"}'
done
