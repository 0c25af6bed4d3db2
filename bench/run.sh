#!/usr/bin/env bash
# The one benchmark of issue 15: the service against a bare Quarkus app with the same extensions, on loopback.
#   - throughput and p99 of status (a random date 1990-2025 every request), timeline, events and the provision list,
#     each as a ratio to the bare app's trivial JSON endpoint (both at -Xmx128m, wrk -t1 -c8), the target; and, for
#     reference, to the same trivial endpoint run on the event loop (the stack's ceiling; the service's in-memory
#     reads run there);
#   - first answer after `java -jar` vs the bare app; a 1,000-provision x 100-event catalog (second start) vs the
#     shipped one: start, RSS, heap per event, status throughput (catalog at -Xmx256m, after an unrecorded warm-up);
#   - batch annotation rows/s.
# Every comparison alternates A and B, ROUNDS times (startup: STARTS times), and reports the median ratio (the
# machine is noisy; ratios are the targets). The table is printed and written into docs/benchmarks.md between
# markers named by LABEL.
#
# Usage: bench/run.sh [SECONDS_PER_WRK_RUN]      (default 10; run from anywhere)
# Environment: APP_JAR (default: target/quarkus-app/quarkus-run.jar, built with ./mvnw if missing), ROUNDS (3),
#   STARTS (9: one start varies by ±15 % here; with five, six runs of an unchanged start path gave 1.05-1.29x),
#   PORT_BASE (18700: uses PORT_BASE..PORT_BASE+2, and +100 for the management ports), PROVISIONS (1000), EVENTS (100), BATCH_ROWS (500000),
#   LABEL (current), NO_DOCS=1 to leave docs/benchmarks.md alone.
# Needs: a JDK 17+, curl, wrk (Debian: apt-get install -y wrk), jcmd (part of the JDK).
set -euo pipefail
SECS=${1:-10}
ROUNDS=${ROUNDS:-3}
STARTS=${STARTS:-9}
PORT_BASE=${PORT_BASE:-18700}
PROVISIONS=${PROVISIONS:-1000}
EVENTS=${EVENTS:-100}
BATCH_ROWS=${BATCH_ROWS:-500000}
LABEL=${LABEL:-current}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP_JAR=${APP_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}
BARE_JAR=$ROOT/bench/baseline/target/quarkus-app/quarkus-run.jar
P_BARE=$PORT_BASE; P_APP=$((PORT_BASE + 1)); P_CAT=$((PORT_BASE + 2))
WORK=$(mktemp -d)
LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get install -y -q wrk >/dev/null
  else echo "wrk is needed: apt-get install -y wrk"; exit 1; fi
fi
cd "$ROOT"
[ -f "$APP_JAR" ] || ./mvnw -B -q package -DskipTests
[ -f "$BARE_JAR" ] || ./mvnw -B -q -f bench/baseline/pom.xml package -DskipTests
echo "generating $PROVISIONS provisions x $EVENTS events ..."
java bench/SyntheticCatalog.java "$WORK/catalog" "$PROVISIONS" "$EVENTS"

# --- helpers ---------------------------------------------------------------------------------------------------------
now_ms() { date +%s%3N; }
rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# start NAME PORT XMX URL DB DATA JAR: starts a server, waits for URL to answer 200, sets PID and FIRST_MS.
start() {
  local name=$1 port=$2 xmx=$3 url=$4 db=$5 data=$6 jar=$7 t0
  t0=$(now_ms)
  TIMELINE_DB_PATH="$db" BENCH_DB_PATH="$db" java "-Xmx$xmx" -Dquarkus.http.port="$port" \
    -Dquarkus.management.port="$((port + 100))" -Dtimeline.data-dir="$data" -jar "$jar" > "$WORK/$name.log" 2>&1 &
  PID=$!; PIDS+=("$PID")
  for _ in $(seq 1 6000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port$url")" = 200 ] && break
    kill -0 "$PID" 2>/dev/null || { echo "$name died:"; tail -20 "$WORK/$name.log"; exit 1; }
    sleep 0.02
  done
  FIRST_MS=$(( $(now_ms) - t0 ))
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# Each request asks a random date of 1990-2025 (and, for the catalog, a random provision), as analysts do.
cat > "$WORK/random.lua" <<'LUA'
local path, provisions = "", 1
function init(args) path = args[1]; provisions = tonumber(args[2] or "1"); math.randomseed(os.time() + math.random(1e6)) end
request = function()
  local y = math.random(1990, 2025)
  local d = string.format("%04d-%02d-%02d", y, math.random(1, 12), math.random(1, 28))
  local p = string.format("synth-%04d", math.random(0, provisions - 1))
  local s = path:gsub("{date}", d):gsub("{year}", tostring(y)):gsub("{year5}", tostring(y + 5)):gsub("{synth}", p)
  return wrk.format("GET", s)
end
LUA
# bench NAME PORT PATH [PROVISIONS]: wrk after a short warm-up; appends "rps p99_ms" to $WORK/NAME.
bench() {
  local name=$1 port=$2 path=$3 n=${4:-1} out
  wrk -t1 -c8 -d2s -s "$WORK/random.lua" "http://localhost:$port" -- "$path" "$n" >/dev/null
  out=$(wrk -t1 -c8 -d"${SECS}s" --latency -s "$WORK/random.lua" "http://localhost:$port" -- "$path" "$n")
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms/, "", v)}
        else if (v ~ /s$/) {sub(/s/, "", v); v *= 1000}; print v}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  [ -z "$non2xx" ] || { echo "$name: $non2xx non-2xx answers"; exit 1; }
  echo "$rps $p99" >> "$WORK/$name"
  printf '  %-16s %9.0f req/s  p99 %7.2f ms\n' "$name" "$rps" "$p99"
}

STATUS="/api/provisions/us-fsa-907/status?date={date}"
FIRST="/api/provisions/us-fsa-907/status?date=2024-06-01"

# --- startup: first answer after java -jar, alternating -----------------------------------------------------------
echo "importing the synthetic catalog once (its first start) ..."
start catalog-import "$P_CAT" 256m "/api/provisions/synth-0000/status?date=2024-06-01" "$WORK/db-cat/timeline" \
  "$WORK/catalog" "$APP_JAR"
IMPORT_MS=$FIRST_MS; stop "$PID"
echo "  catalog import (first start): $IMPORT_MS ms"
for r in $(seq 1 "$STARTS"); do
  echo "startup round $r"
  start bare "$P_BARE" 128m /trivial "$WORK/db-bare-$r/db" "$WORK/none" "$BARE_JAR"
  echo "$FIRST_MS $(rss_mib "$PID")" >> "$WORK/start-bare"; stop "$PID"
  start app "$P_APP" 128m "$FIRST" "$WORK/db-app-$r/timeline" "$ROOT/data" "$APP_JAR"
  echo "$FIRST_MS $(rss_mib "$PID")" >> "$WORK/start-first"; stop "$PID"
  start app "$P_APP" 128m "$FIRST" "$WORK/db-app-$r/timeline" "$ROOT/data" "$APP_JAR"
  echo "$FIRST_MS $(rss_mib "$PID")" >> "$WORK/start-second"; stop "$PID"
  start catalog "$P_CAT" 256m "/api/provisions/synth-0000/status?date=2024-06-01" "$WORK/db-cat/timeline" \
    "$WORK/catalog" "$APP_JAR"
  echo "$FIRST_MS $(rss_mib "$PID")" >> "$WORK/start-catalog"; stop "$PID"
  printf '  bare %s ms, app first %s ms, app second %s ms, catalog second %s ms\n' \
    "$(tail -1 "$WORK/start-bare" | cut -d' ' -f1)" "$(tail -1 "$WORK/start-first" | cut -d' ' -f1)" \
    "$(tail -1 "$WORK/start-second" | cut -d' ' -f1)" "$(tail -1 "$WORK/start-catalog" | cut -d' ' -f1)"
done

# --- throughput: all three servers up, wrk runs alternating ---------------------------------------------------------
start bare "$P_BARE" 128m /trivial "$WORK/db-bare-1/db" "$WORK/none" "$BARE_JAR"; BARE=$PID
start app "$P_APP" 128m "$FIRST" "$WORK/db-app-1/timeline" "$ROOT/data" "$APP_JAR"; APP=$PID
start catalog "$P_CAT" 256m "/api/provisions/synth-0000/status?date=2024-06-01" "$WORK/db-cat/timeline" \
  "$WORK/catalog" "$APP_JAR"; CAT=$PID
# Before its first shipped-status row the shipped app has served four rows (status, timeline, events, list), so its
# compiler is warm; the catalog server serves nothing else. It first serves as long, unrecorded (its compiler, and
# the background rendering of its ~100,000 answer pieces), or its first round measures compilation (C2 used 4.3 s
# of the first 10 s run; after one 12 s run the next was still at 0.6x).
wrk -t1 -c8 -d"$((4 * (SECS + 2)))s" -s "$WORK/random.lua" "http://localhost:$P_CAT" -- \
  "/api/provisions/{synth}/status?date={date}" "$PROVISIONS" >/dev/null
for r in $(seq 1 "$ROUNDS"); do
  echo "throughput round $r"
  bench trivial "$P_BARE" /trivial
  bench trivial-el "$P_BARE" /trivial/event-loop
  bench status "$P_APP" "$STATUS"
  bench trivial2 "$P_BARE" /trivial
  bench timeline "$P_APP" "/api/provisions/us-fsa-907/timeline?from={year}&to={year5}"
  bench events "$P_APP" "/api/provisions/us-fsa-907/events?from={year}&to={year5}"
  bench list "$P_APP" /api/provisions
  bench catalog-status "$P_CAT" "/api/provisions/{synth}/status?date={date}" "$PROVISIONS"
  bench shipped-status "$P_APP" "$STATUS"
done
heap_mib() { jcmd "$1" GC.run >/dev/null; sleep 1
  jcmd "$1" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/, "", v); print int(v/1024); exit}}'; }
# Kept answers (bounded by the answer cache, a quarter of the heap) are not the model: their bytes are subtracted.
cache_mib() { curl -s "localhost:$(($1 + 100))/q/metrics" | awk '/^timeline_answer_cache_bytes / {printf "%d", $2 / 1048576}'; }
# The catalog keeps only its recently used models bound (timeline.catalog.max-bound-events): how many events are.
bound_events() { curl -s "localhost:$(($1 + 100))/q/metrics" | awk '/^timeline_catalog_bound_events / {printf "%d", $2}'; }
HEAP_APP=$(heap_mib "$APP"); HEAP_CAT=$(heap_mib "$CAT"); CACHE_APP=$(cache_mib "$P_APP"); CACHE_CAT=$(cache_mib "$P_CAT")
BOUND_CAT=$(bound_events "$P_CAT")
RSS_APP=$(rss_mib "$APP"); RSS_CAT=$(rss_mib "$CAT")
stop "$BARE"; stop "$CAT"

# --- batch annotation on the shipped app --------------------------------------------------------------------------
awk -v n="$BATCH_ROWS" 'BEGIN { srand(42); print "row_id,date"
  for (i = 1; i <= n; i++) printf "%d,%04d-%02d-%02d\n", i, 1990 + int(rand() * 36), 1 + int(rand() * 12), 1 + int(rand() * 28) }' \
  > "$WORK/batch.csv"
head -n 20001 "$WORK/batch.csv" | curl -sf -H 'Content-Type: text/csv' --data-binary @- \
  "localhost:$P_APP/api/provisions/us-fsa-907/status/batch" -o /dev/null
T0=$(now_ms)
curl -sf -H 'Content-Type: text/csv' --data-binary @"$WORK/batch.csv" \
  "localhost:$P_APP/api/provisions/us-fsa-907/status/batch" -o "$WORK/batch-out.csv"
BATCH_MS=$(( $(now_ms) - T0 ))
ROWS=$(( $(wc -l < "$WORK/batch-out.csv") - 1 ))
[ "$ROWS" -eq "$BATCH_ROWS" ] || { echo "batch: $ROWS rows out of $BATCH_ROWS"; exit 1; }
BATCH_RPS=$(( ROWS * 1000 / BATCH_MS ))
stop "$APP"

# --- ratios -----------------------------------------------------------------------------------------------------------
col() { cut -d' ' -f"$2" "$WORK/$1" | tr '\n' ' '; }
# per-round ratios against the trivial run next to them, then the median
per_round() {  # NAME BASE FIELD INVERT: median over rounds of NAME/BASE (or BASE/NAME)
  paste -d' ' <(cut -d' ' -f"$3" "$WORK/$1") <(cut -d' ' -f"$3" "$WORK/$2") \
    | awk '{printf "%.4f ", $1 / $2}' | median | awk '{printf "%.2f", $1}'
}
TRIV_RPS=$(col trivial 1 | median); TRIV_P99=$(col trivial 2 | median)
row() {  # NAME LABEL BASE target_tput target_p99
  local rps p99 rr pr er ep
  rps=$(col "$1" 1 | median); p99=$(col "$1" 2 | median)
  rr=$(per_round "$1" "$3" 1); pr=$(per_round "$1" "$3" 2)
  er=$(per_round "$1" trivial-el 1); ep=$(per_round "$1" trivial-el 2)
  printf '| %s | %.0f | %.2f ms | **%.2f×** (target ≥ %s) | **%.2f×** (target ≤ %s) | %.2f× | %.2f× |\n' "$2" "$rps" "$p99" \
    "$rr" "$4" "$pr" "$5" "$er" "$ep"
}
start_col() { col "$1" 1 | median; }
rss_col() { col "$1" 2 | median; }
{
  echo "Run of \`bench/run.sh $SECS\` (LABEL=$LABEL, ROUNDS=$ROUNDS, STARTS=$STARTS) on $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores,"
  echo "$(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo),"
  echo "$(java -version 2>&1 | head -1), load average before the run: $LOAD_BEFORE. App jar: \`${APP_JAR#$ROOT/}\`."
  echo "Medians over $ROUNDS alternating rounds ($STARTS for startup); ratios are per round against the neighbouring"
  echo "trivial run."
  echo
  echo "| endpoint (wrk -t1 -c8, ${SECS} s, -Xmx128m) | req/s | p99 | throughput vs trivial | p99 vs trivial | throughput vs event-loop trivial | p99 vs event-loop trivial |"
  echo "|---|---|---|---|---|---|---|"
  printf '| bare Quarkus `GET /trivial` (worker thread, the default) | %.0f | %.2f ms | 1 | 1 | %s× | %s× |\n' "$TRIV_RPS" "$TRIV_P99" \
    "$(per_round trivial trivial-el 1)" "$(per_round trivial trivial-el 2)"
  printf '| bare Quarkus `GET /trivial/event-loop` (`@NonBlocking`) | %.0f | %.2f ms | %s× | %s× | 1 | 1 |\n' \
    "$(col trivial-el 1 | median)" "$(col trivial-el 2 | median)" "$(per_round trivial-el trivial 1)" "$(per_round trivial-el trivial 2)"
  row status "status, random date" trivial 0.9 1.2
  row timeline "timeline, random 5-year range" trivial2 0.8 "—"
  row events "events, random 5-year range" trivial2 0.8 "—"
  row list "provision list" trivial2 0.8 "—"
  echo
  echo "| startup and memory | median | ratio |"
  echo "|---|---|---|"
  B=$(start_col start-bare); F=$(start_col start-first); S=$(start_col start-second); C=$(start_col start-catalog)
  printf '| first answer, bare app | %s ms (RSS %s MiB) | 1 |\n' "$B" "$(rss_col start-bare)"
  printf '| first answer, service, first start (fresh database) | %s ms (RSS %s MiB) | **%s×** bare (target ≤ 1.2) |\n' "$F" "$(rss_col start-first)" "$(ratio "$F" "$B")"
  printf '| first answer, service, second start | %s ms (RSS %s MiB) | **%s×** bare |\n' "$S" "$(rss_col start-second)" "$(ratio "$S" "$B")"
  printf '| first answer, %s × %s catalog, second start (-Xmx256m) | %s ms (RSS %s MiB) | **%s×** the shipped second start (target ≤ 1.5) |\n' "$PROVISIONS" "$EVENTS" "$C" "$(rss_col start-catalog)" "$(ratio "$C" "$S")"
  printf '| catalog import (its first start, once) | %s ms | |\n' "$IMPORT_MS"
  printf '| every start, in order: bare / service first start (ms) | %s / %s | |\n' \
    "$(col start-bare 1 | sed 's/ $//')" "$(col start-first 1 | sed 's/ $//')"
  CS=$(col catalog-status 1 | median); SS=$(col shipped-status 1 | median)
  printf '| status throughput, catalog (random provision and date) vs shipped | %.0f vs %.0f req/s | **%s×** (target ≥ 0.9) |\n' "$CS" "$SS" "$(per_round catalog-status shipped-status 1)"
  printf '| heap after full GC, shipped vs catalog (of which kept answers) | %s (%s) vs %s (%s) MiB | %s bytes per event of the catalog besides kept answers (models of %s events bound) |\n' \
    "$HEAP_APP" "$CACHE_APP" "$HEAP_CAT" "$CACHE_CAT" "$(awk -v a="$((HEAP_APP - CACHE_APP))" -v b="$((HEAP_CAT - CACHE_CAT))" \
    -v n="$((PROVISIONS * EVENTS))" 'BEGIN {printf "%.0f", (b - a) * 1048576 / n}')" "$BOUND_CAT"
  printf '| RSS after the throughput runs, shipped vs catalog | %s vs %s MiB | |\n' "$RSS_APP" "$RSS_CAT"
  printf '| batch annotation, %s CSV rows | %s ms | %s rows/s |\n' "$BATCH_ROWS" "$BATCH_MS" "$BATCH_RPS"
} > "$WORK/table.md"
echo; cat "$WORK/table.md"

if [ -z "${NO_DOCS:-}" ]; then
  BEGIN="<!-- bench/run.sh:$LABEL -->"; END="<!-- /bench/run.sh:$LABEL -->"
  if grep -qF "$BEGIN" docs/benchmarks.md; then
    awk -v b="$BEGIN" -v e="$END" -v f="$WORK/table.md" '
      $0 == b {print; while ((getline l < f) > 0) print l; skip = 1; next}
      $0 == e {skip = 0} !skip {print}' docs/benchmarks.md > "$WORK/bench.md"
    cp "$WORK/bench.md" docs/benchmarks.md
  else
    { echo; echo "$BEGIN"; cat "$WORK/table.md"; echo "$END"; } >> docs/benchmarks.md
  fi
  echo "written to docs/benchmarks.md ($LABEL)"
fi
