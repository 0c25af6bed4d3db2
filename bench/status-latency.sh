#!/usr/bin/env bash
# Benchmark: a status answer vs a trivial JSON endpoint, on loopback with wrk (apt-get install wrk).
# The spec's target: a status request costs about the same as a trivial JSON endpoint, because answers come
# from the in-memory model, not from the database.
# Usage: bench/status-latency.sh [SECONDS] [PORT]
set -euo pipefail
SECS=${1:-15}
PORT=${2:-8092}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'kill "${PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }

cd "$ROOT"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
TIMELINE_DB_PATH="$WORK/db/timeline" java -Xmx256m -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 1))" \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 60); do curl -sf "localhost:$((PORT + 1))/q/health/ready" >/dev/null && break; sleep 1; done

# Each request asks a different day (1990-2029), so no answer is served from an HTTP cache.
cat > "$WORK/dates.lua" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  local d = os.date("!%Y-%m-%d", 631152000 + (counter * 86400) % (40 * 365 * 86400))
  return wrk.format("GET", "/api/provisions/us-fsa-907/status?date=" .. d)
end
LUA

run() {  # name, then wrk arguments
  local name=$1; shift
  wrk -t2 -c16 -d2s "$@" >/dev/null    # warm-up
  printf '\n== %s\n' "$name"
  wrk -t2 -c16 -d"${SECS}s" --latency "$@" | grep -E 'Requests/sec|Latency  |50%|99%'
}
run "trivial JSON: GET /q/health/live" "http://localhost:$((PORT + 1))/q/health/live"
run "single event JSON: GET /api/provisions/us-fsa-907/events/2025-08-08-trump-memorandum" \
  "http://localhost:$PORT/api/provisions/us-fsa-907/events/2025-08-08-trump-memorandum"
run "status, one date: GET …/status?date=2024-06-01" \
  "http://localhost:$PORT/api/provisions/us-fsa-907/status?date=2024-06-01"
run "status, a different date every request" -s "$WORK/dates.lua" "http://localhost:$PORT"
