#!/usr/bin/env bash
# Evidence for the stats finding in docs/benchmarks.md (never run in CI): on the database left by
# bench/problem-load.sh, the execution time of ProblemStats' SQL (which streams every report of the year to the JVM)
# vs the same figures aggregated in SQL (one row per category x month x handling unit), REPEATS times each,
# alternating, medians of "Execution Time" from EXPLAIN ANALYZE.
#   bench/problem-load.sh && bench/problem-stats-sql.sh
set -euo pipefail
DB=${DB:-jiandu_bench}
REPEATS=${REPEATS:-5}
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -At -v ON_ERROR_STOP=1)
. "$(dirname "$0")/lib.sh"

WHERE="(p.close_reason IS NULL OR p.close_reason <> 'WITHDRAWN')
  AND p.created_at >= '2025-01-01 00:00+08' AND p.created_at < '2026-01-01 00:00+08'"
ROWS="SELECT p.created_at, p.category_code, p.handling_unit_id, p.status, p.close_reason, p.rating, p.due_at
FROM problem p WHERE $WHERE"
AGG="SELECT p.category_code, to_char(p.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, p.handling_unit_id,
  count(*) AS reported,
  count(*) FILTER (WHERE p.status = 'REPLIED' OR (p.status = 'CLOSED' AND p.close_reason IN ('RATED', 'UNRATED'))) AS resolved,
  count(*) FILTER (WHERE p.status = 'CLOSED') AS closed,
  count(*) FILTER (WHERE p.status = 'TRANSFERRED') AS transferred,
  count(p.rating) AS rated,
  count(*) FILTER (WHERE p.rating <> 'DISSATISFIED') AS satisfied,
  count(*) FILTER (WHERE p.status IN ('DISPATCHED', 'IN_PROGRESS') AND p.due_at < now()) AS overdue
FROM problem p WHERE $WHERE GROUP BY 1, 2, 3"

echo "load (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rows shipped: $("${PSQL[@]}" -c "SELECT count(*) FROM ($ROWS) x") vs aggregated groups: $("${PSQL[@]}" -c "SELECT count(*) FROM ($AGG) x")"
exec_ms() { "${PSQL[@]}" -c "EXPLAIN (ANALYZE, TIMING OFF) $1" | awk '/Execution Time/ {print $3}'; }
rows=()
agg=()
for r in $(seq 1 "$REPEATS"); do
    rows+=("$(exec_ms "$ROWS")")
    agg+=("$(exec_ms "$AGG")")
    echo "run $r: rows query ${rows[-1]} ms, aggregate query ${agg[-1]} ms"
done
echo "MEDIAN execution: rows query $(median "${rows[@]}") ms, aggregate query $(median "${agg[@]}") ms"
"${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS) $AGG" | sed 's/^/    /'
