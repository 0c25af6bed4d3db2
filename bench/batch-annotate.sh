#!/usr/bin/env bash
# Benchmark: annotate N dates (default 1,000,000) through POST /api/provisions/us-fsa-907/status/batch
# with the server capped at -Xmx256m. Reports rows/s, wall time and the server's peak RSS (VmHWM).
# The upload is sent by a half-duplex client (Python's urllib.request: the whole body, then the answer), the
# way most researchers' tools behave; CLIENT=curl uses curl instead (which reads while it sends).
# Also times the XLSX exports of the full Section 907 record.
# Usage: bench/batch-annotate.sh [N] [PORT]      (run from anywhere; builds the jar if missing)
set -euo pipefail
N=${1:-1000000}
PORT=${2:-8090}
CLIENT=${CLIENT:-urllib}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'kill "${PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

cd "$ROOT"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

echo "generating $N rows ..."
awk -v n="$N" 'BEGIN {
  srand(42); print "row_id,date,amount_usd,note"
  for (i = 1; i <= n; i++) {
    d = int(rand() * 14610)               # days since 1990-01-01, up to 2029-12-31
    y = 1990; while (1) { ly = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)); yd = 365 + ly; if (d < yd) break; d -= yd; y++ }
    split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " "); if (ly) ml[2] = 29
    m = 1; while (d >= ml[m]) { d -= ml[m]; m++ }
    printf "%d,%04d-%02d-%02d,%d.%02d,\"disbursement, batch %d\"\n", i, y, m, d + 1, int(rand() * 100000), int(rand() * 100), i % 97
  }
}' > "$WORK/in.csv"
echo "input: $(wc -c < "$WORK/in.csv") bytes"

TIMELINE_DB_PATH="$WORK/db/timeline" java -Xmx256m -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 1))" \
  -Dtimeline.batch.spool-dir="$WORK/spool" \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 60); do
  curl -sf "localhost:$((PORT + 1))/q/health/ready" >/dev/null && break
  sleep 1
done
curl -sf "localhost:$((PORT + 1))/q/health/ready" >/dev/null || { echo "server did not start"; cat "$WORK/server.log"; exit 1; }
RSS_BEFORE=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)

# Warm-up on a small file so JIT compilation is not all billed to the measured run.
head -n 20001 "$WORK/in.csv" > "$WORK/warm.csv"

post() {   # post FILE to the batch endpoint, answer to OUT, with the chosen client
  if [ "$CLIENT" = curl ]; then
    curl -sf -H 'Content-Type: text/csv' --data-binary @"$1" \
      "localhost:$PORT/api/provisions/us-fsa-907/status/batch" -o "$2"
  else
    python3 - "$1" "$2" "http://localhost:$PORT/api/provisions/us-fsa-907/status/batch" <<'PY'
import os, shutil, sys, urllib.request
src, dst, url = sys.argv[1:4]
with open(src, "rb") as body:
    req = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "text/csv", "Content-Length": str(os.path.getsize(src))})
    with urllib.request.urlopen(req, timeout=600) as answer, open(dst, "wb") as out:
        shutil.copyfileobj(answer, out, 1 << 20)
PY
  fi
}
post "$WORK/warm.csv" /dev/null

START=$(date +%s.%N)
post "$WORK/in.csv" "$WORK/out.csv"
END=$(date +%s.%N)

ROWS=$(($(wc -l < "$WORK/out.csv") - 1))
ERRORS=$(awk -F, '{ sub(/\r$/, "") } NR > 1 && $NF != "" {e++} END {print e + 0}' "$WORK/out.csv")
PEAK=$(awk '/VmHWM/ {print $2}' /proc/$PID/status)
SECS=$(echo "$END - $START" | bc -l)
printf 'client: %s\n' "$CLIENT"
printf 'rows annotated: %d (rows with error: %d)\n' "$ROWS" "$ERRORS"
printf 'wall time: %.2f s, throughput: %.0f rows/s\n' "$SECS" "$(echo "$ROWS / $SECS" | bc -l)"
printf 'server RSS: %d MiB after start, peak %d MiB (heap capped at -Xmx256m)\n' $((RSS_BEFORE / 1024)) $((PEAK / 1024))
head -n 3 "$WORK/out.csv"
LEFT=$(find "$WORK/spool" -type f | wc -l)
printf 'spool files left after the answer: %d\n' "$LEFT"
for what in events timeline; do
  curl -sf "localhost:$PORT/api/provisions/us-fsa-907/$what.xlsx" -o /dev/null   # warm-up
  curl -sf -w "$what.xlsx (full Section 907 record): %{size_download} bytes in %{time_total} s\n" \
    "localhost:$PORT/api/provisions/us-fsa-907/$what.xlsx" -o "$WORK/$what.xlsx"
done
[ "$ROWS" -eq "$N" ] || { echo "expected $N rows"; exit 1; }
