#!/usr/bin/env bash
# Problem list and stats under load (never run in CI). On PostgreSQL (own database DB, dropped and re-created):
# N (default 1,000,000) synthetic reports from bench/problem-generate.sql, then with wrk -t2 -cCONN -dDURATION,
# REPEATS times each (medians), as admin:
#   (a) first list page filtered by org subtree + status   GET /api/v1/problems?orgUnitId=..&status=..
#   (b) the same list ~90 % deep (cursor walked once)       ...&cursor=..
#   (c) a year's stats                                      GET /api/v1/problems/stats?from=2025-01-01&to=2025-12-31
#   pgbench -n -c16 -j2 -T20 running (a)'s SQL with the same parameters, for the throughput ratio;
#   EXPLAIN (ANALYZE, BUFFERS) of (a), (b) and (c)'s SQL;
#   (d) submissions with 3 real ~1 MB JPEGs (wrk + bench/problem-submit.lua), heap/RSS before and after.
# The JVM runs with JVM (default -Xmx256m) for all of it.
#   N=200000 bench/problem-load.sh
#   SKIP_BUILD=1 N=1000000 REPEATS=3 bench/problem-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

PORT=${PORT:-8161}
DB=${DB:-jiandu_bench}
N=${N:-1000000}
REPEATS=${REPEATS:-3}
CONN=${CONN:-16}
DURATION=${DURATION:-20s}
STATUS=${STATUS:-IN_PROGRESS}
JVM=${JVM:-"-Xmx256m"}
D_CONN=${D_CONN:-16}
D_DURATION=${D_DURATION:-30s}
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -v ON_ERROR_STOP=1)

bench_build
bench_machine
work=$(bench_tmpdir)
WRK_LOG="$work/wrk.log"

pg_fresh_db "$DB"
export JIANDU_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" JIANDU_DB_USER=postgres
start_app "$PORT" "$work/data" "$work/app.log" "$JVM" --spring.profiles.active=postgres,demo \
    --jiandu.security.allow-demo-on-postgres=true

t0=$(date +%s)
"${PSQL[@]}" -v n="$N" -f bench/problem-generate.sql >"$work/generate.log"
echo "generated $N reports in $(($(date +%s) - t0)) s:"
grep -v '^Time\|^CREATE\|^INSERT\|^ANALYZE' "$work/generate.log" | sed 's/^/    /'
echo "problem table: $("${PSQL[@]}" -Atc "SELECT pg_size_pretty(pg_total_relation_size('problem'))") with indexes"

token=$(bench_token "$PORT")
AUTH="Authorization: Bearer $token"
# org subtree: the unit (not the root) with the most reports in its subtree
read -r ORG ORG_PATH ORG_NAME < <("${PSQL[@]}" -AtF' ' -c "
    SELECT u.id, u.path, u.name FROM org_unit u WHERE u.parent_id IS NOT NULL
    ORDER BY (SELECT count(*) FROM org_unit d WHERE d.path LIKE u.path || '%') DESC, u.id LIMIT 1")
ORG=${ORG_ID:-$ORG}
ORG_PATH=$("${PSQL[@]}" -Atc "SELECT path FROM org_unit WHERE id = $ORG")
matching=$("${PSQL[@]}" -Atc "SELECT count(*) FROM problem p WHERE p.status = '$STATUS'
    AND p.org_unit_id IN (SELECT id FROM org_unit WHERE path LIKE '$ORG_PATH%')")
echo "filter: orgUnitId=$ORG (path $ORG_PATH, $("${PSQL[@]}" -Atc "SELECT count(*) FROM org_unit WHERE path LIKE '$ORG_PATH%'") units), status=$STATUS: $matching matching reports"

BASE="http://127.0.0.1:$PORT/api/v1/problems"
URL_A="$BASE?orgUnitId=$ORG&status=$STATUS"
# walk the cursor once (pages of 100) to ~90 % of the matching rows; the cursor is the last id seen
target=$((matching * 9 / 10))
cursor=""
seen=0
for _ in $(seq 1 $((target / 100 + 1))); do
    [[ $seen -ge $target ]] && break
    page=$(curl -fs -H "$AUTH" "$URL_A&size=100${cursor:+&cursor=$cursor}")
    read -r n cursor < <(echo "$page" | python3 -c 'import json,sys; p=json.load(sys.stdin); print(len(p["items"]), p.get("nextCursor") or "")')
    seen=$((seen + n))
    [[ -z "$cursor" ]] && break
done
deep_id=$(python3 -c 'import base64,sys; c=sys.argv[1]; print(base64.urlsafe_b64decode(c + "=" * (-len(c) % 4)).decode())' "$cursor")
echo "deep cursor after $seen rows (~$((seen * 100 / (matching > 0 ? matching : 1))) %): id < $deep_id"
URL_B="$URL_A&cursor=$cursor"
URL_C="$BASE/stats?from=2025-01-01&to=2025-12-31"
for u in "$URL_A" "$URL_B" "$URL_C"; do
    code=$(curl -s -o "$work/sample.json" -w '%{http_code}' -H "$AUTH" "$u")
    echo "check $code $(head -c 160 "$work/sample.json")… ($(stat -c %s "$work/sample.json") bytes)"
done

# (a)'s SQL as ProblemQueries.list sends it for an admin (visibility 1 = 1), with the same parameters
COLS="p.id, p.number, p.title, p.description, p.location, p.category_code, p.org_unit_id, p.reporter_id,
 p.anonymous, p.status, p.handling_unit_id, p.deadline_days, p.created_at, p.dispatched_at, p.accepted_at,
 p.due_at, p.replied_at, p.closed_at, p.close_reason, p.rating, p.rating_comment, p.reopen_count,
 p.extension_requests, p.dissatisfied_count, p.urge_count, p.pending_extension_days, p.version"
SQL_A="SELECT $COLS FROM problem p WHERE 1 = 1 AND p.status = '$STATUS' AND p.org_unit_id IN (SELECT id FROM org_unit WHERE path LIKE '$ORG_PATH%') ORDER BY p.id DESC LIMIT 21"
SQL_B="SELECT $COLS FROM problem p WHERE 1 = 1 AND p.status = '$STATUS' AND p.org_unit_id IN (SELECT id FROM org_unit WHERE path LIKE '$ORG_PATH%') AND p.id < $deep_id ORDER BY p.id DESC LIMIT 21"
SQL_C="SELECT p.created_at, p.category_code, p.handling_unit_id, p.status, p.close_reason, p.rating, p.due_at FROM problem p WHERE (p.close_reason IS NULL OR p.close_reason <> 'WITHDRAWN') AND p.created_at >= '2025-01-01 00:00+08' AND p.created_at < '2026-01-01 00:00+08'"
echo "$SQL_A;" >"$work/a.sql"
for q in A B C; do
    v="SQL_$q"
    echo "== EXPLAIN (ANALYZE, BUFFERS) ($q)"
    "${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS) ${!v}" | sed 's/^/    /'
done

echo "== wrk -t2 -c$CONN -d$DURATION --latency, $REPEATS repeats each, interleaved (a) (b) (c); then pgbench"
declare -A P50 P99 RPS
for r in $(seq 1 "$REPEATS"); do
    for q in a b c; do
        v="URL_${q^^}"
        line=$(wrk_run "($q)#$r" -t2 -c"$CONN" -d"$DURATION" --latency -H "$AUTH" "${!v}")
        echo "$line"
        P50[$q]+=" $(field p50 "$line")"
        P99[$q]+=" $(field p99 "$line")"
        RPS[$q]+=" $(field rps "$line")"
    done
    line=$(pgbench -h 127.0.0.1 -U postgres -n -c16 -j2 -T20 -f "$work/a.sql" "$DB" 2>&1 | tee -a "$work/pgbench.log" |
        awk '/^tps/ {print $3; exit}')
    echo "pgbench (a) SQL #$r tps=$line"
    RPS[pg]+=" $line"
done
for q in a b c; do
    # shellcheck disable=SC2086
    printf 'MEDIAN (%s): rps %.1f  p50 %.1f ms  p99 %.1f ms\n' "$q" "$(median ${RPS[$q]})" "$(median ${P50[$q]})" \
        "$(median ${P99[$q]})"
done
# shellcheck disable=SC2086
printf 'MEDIAN pgbench (a) SQL: %.1f tps; (a) http/pgbench throughput ratio %.3f (aim >= 0.5)\n' "$(median ${RPS[pg]})" \
    "$(echo "$(median ${RPS[a]}) / $(median ${RPS[pg]})" | bc -l)"
# shellcheck disable=SC2086
printf 'RATIO (b)/(a) p99 %.2f (goal <= 1.5)\n' "$(echo "$(median ${P99[b]}) / $(median ${P99[a]})" | bc -l)"

if [[ -n "${SKIP_SUBMIT:-}" ]]; then
    exit 0
fi
echo "== (d) submissions with 3 photos of ~1 MB, wrk -t2 -c$D_CONN -d$D_DURATION, JVM $JVM"
for i in 1 2 3; do
    java bench/MakeJpeg.java "$work/photo$i.jpg" 2048 1536 "$i" >/dev/null
done
ls -l "$work"/photo*.jpg | awk '{print "    " $NF " " $5 " bytes"}'
read -r cat < <("${PSQL[@]}" -Atc "SELECT code FROM problem_category ORDER BY sort_order, code LIMIT 1")
before=$("${PSQL[@]}" -Atc "SELECT count(*) FROM problem_photo")
jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
echo "start: RSS $(rss_kib "$APP_PID") KiB, heap used after GC $(heap_used_kib "$APP_PID") KiB"
line=$(wrk_run "(d)" -t2 -c"$D_CONN" -d"$D_DURATION" --latency --timeout 30s -s bench/problem-submit.lua "$BASE" \
    -- "$token" "$ORG" "$cat" "$work/photo1.jpg" "$work/photo2.jpg" "$work/photo3.jpg")
echo "$line"
echo "end:   RSS $(rss_kib "$APP_PID") KiB, heap used $(heap_used_kib "$APP_PID") KiB"
jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
echo "end:   heap used after GC $(heap_used_kib "$APP_PID") KiB; photos stored: $(($("${PSQL[@]}" -Atc "SELECT count(*) FROM problem_photo") - before))"
grep -c 'OutOfMemoryError' "$work/app.log" | sed 's/^/OutOfMemoryError lines in app log: /' || true
echo "load (1/5/15 min) at end: $(cut -d' ' -f1-3 /proc/loadavg)"
