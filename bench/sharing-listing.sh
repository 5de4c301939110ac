#!/usr/bin/env bash
# A folder with FILES (default 100,000) entries on PostgreSQL (never run in CI): one real file is uploaded through the
# API (so there is a real blob row), then FILES entries (+ their version rows) pointing at that blob are inserted with
# generate_series into the same folder. wrk -t2 -cCONN -dDURATION --latency, REPEATS times, medians, as admin:
#   first page:  GET /api/v1/folders/{id}/entries
#   deep page:   the same with the cursor reached by walking the pages once to ~90 % (pages of 100)
# plus EXPLAIN (ANALYZE, BUFFERS) of Listing.page's SQL with the same parameters, first and deep.
#   bench/sharing-listing.sh
#   SKIP_BUILD=1 FILES=100000 REPEATS=3 bench/sharing-listing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

PORT=${PORT:-8162}
DB=${DB:-jiandu_bench}
FILES=${FILES:-100000}
REPEATS=${REPEATS:-3}
CONN=${CONN:-16}
DURATION=${DURATION:-20s}
JVM=${JVM:-}
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -v ON_ERROR_STOP=1)

bench_build
bench_machine
bench_tmpdir
work=$BENCH_WORK
WRK_LOG="$work/wrk.log"

pg_fresh_db "$DB"
export JIANDU_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" JIANDU_DB_USER=postgres
start_app "$PORT" "$work/data" "$work/app.log" "$JVM" --spring.profiles.active=postgres,demo \
    --jiandu.security.allow-demo-on-postgres=true
token=$(bench_token "$PORT")
AUTH="Authorization: Bearer $token"
folder=$(curl -fs -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/spaces" |
    python3 -c 'import json,sys; s=json.load(sys.stdin); print(s[0]["folders"][0]["id"])')
printf '%%PDF-1.4\n%% jiandu bench\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >"$work/seed.pdf"
curl -fs -o /dev/null -H "$AUTH" -F "file=@$work/seed.pdf;type=application/pdf" \
    "http://127.0.0.1:$PORT/api/v1/folders/$folder/files"

t0=$(date +%s)
"${PSQL[@]}" -v folder="$folder" -v files="$FILES" <<'SQL'
CREATE TEMP TABLE seed AS SELECT * FROM sharing_entry WHERE folder_id = :folder LIMIT 1;
WITH ins AS (
    INSERT INTO sharing_entry (space_id, folder_id, name, owner_id, blob_id, size, sha256, content_type, file_kind,
                               version_no, created_at, updated_at)
    SELECT s.space_id, s.folder_id, '材料-' || lpad(g::text, 6, '0') || '.pdf', s.owner_id, s.blob_id, s.size,
           s.sha256, s.content_type, s.file_kind, 1, now() - g * interval '1 minute', now() - g * interval '1 minute'
    FROM seed s, generate_series(1, :files) g
    RETURNING id, space_id, blob_id, size, sha256, content_type, file_kind, owner_id, created_at)
INSERT INTO sharing_version (entry_id, space_id, version_no, blob_id, size, sha256, content_type, file_kind,
                             uploaded_by, created_at)
SELECT id, space_id, 1, blob_id, size, sha256, content_type, file_kind, owner_id, created_at FROM ins;
ANALYZE sharing_entry;
ANALYZE sharing_version;
ANALYZE sharing_folder;
SQL
echo "inserted $FILES entries into folder $folder in $(($(date +%s) - t0)) s; live entries there: $("${PSQL[@]}" -Atc "SELECT count(*) FROM sharing_entry WHERE folder_id = $folder AND deleted_at IS NULL")"

URL_A="http://127.0.0.1:$PORT/api/v1/folders/$folder/entries"
total=$("${PSQL[@]}" -Atc "SELECT count(*) FROM sharing_entry WHERE folder_id = $folder AND deleted_at IS NULL")
target=$((total * 9 / 10))
cursor=""
seen=0
t0=$(date +%s)
for _ in $(seq 1 $((target / 100 + 1))); do
    [[ $seen -ge $target ]] && break
    page=$(curl -fs -H "$AUTH" "$URL_A?size=100${cursor:+&cursor=$cursor}")
    read -r n cursor < <(echo "$page" | python3 -c 'import json,sys; p=json.load(sys.stdin); print(len(p["items"]), p.get("nextCursor") or "")')
    seen=$((seen + n))
    [[ -z "$cursor" ]] && break
done
read -r ctr ck cid < <(python3 -c 'import base64,sys; c=sys.argv[1]; print(*base64.urlsafe_b64decode(c + "=" * (-len(c) % 4)).decode().split("\x1f"))' "$cursor")
echo "walked $seen of $total entries in $(($(date +%s) - t0)) s; deep cursor = (tr $ctr, name $ck, id $cid)"
URL_B="$URL_A?cursor=$cursor"
for u in "$URL_A" "$URL_B"; do
    code=$(curl -s -o "$work/sample.json" -w '%{http_code}' -H "$AUTH" "$u")
    echo "check $code $(head -c 200 "$work/sample.json")… ($(stat -c %s "$work/sample.json") bytes)"
done

# Listing.page's SQL (sort by name, page size 20 -> LIMIT 21) with the same parameters: folders first, then files,
# each a keyset query of its own; the first page asks the files part for what the folders left (21 - folders)
FOLDERS="SELECT 'FOLDER' AS type, id, name, 0 AS size, owner_id, updated_at, kind, duty_period_id
  FROM sharing_folder WHERE parent_id = $folder AND deleted_at IS NULL ORDER BY name ASC, id ASC LIMIT 21"
FILES="SELECT 'FILE' AS type, id, name, size, owner_id, updated_at, file_kind AS kind, CAST(NULL AS BIGINT) AS duty_period_id
  FROM sharing_entry WHERE folder_id = $folder AND deleted_at IS NULL"
nfolders=$("${PSQL[@]}" -tAc "SELECT COUNT(*) FROM sharing_folder WHERE parent_id = $folder AND deleted_at IS NULL")
SQL_A0="$FOLDERS"
SQL_A="$FILES ORDER BY name ASC, id ASC LIMIT $((21 - nfolders))"
SQL_B="$FILES AND (name, id) > ('$ck', $cid) ORDER BY name ASC, id ASC LIMIT 21"
for q in A0 A B; do
    v="SQL_$q"
    echo "== EXPLAIN (ANALYZE, BUFFERS) ($q) — $([[ $q == A0 ]] && echo 'first page, folders part' || ([[ $q == A ]] && echo 'first page, files part' || echo 'deep page'))"
    "${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS) ${!v}" | sed 's/^/    /'
done

echo "== wrk -t2 -c$CONN -d$DURATION --latency, $REPEATS repeats, interleaved first/deep"
declare -A P50 P99 RPS
for r in $(seq 1 "$REPEATS"); do
    for q in a b; do
        v="URL_${q^^}"
        line=$(wrk_run "($q)#$r" -t2 -c"$CONN" -d"$DURATION" --latency -H "$AUTH" "${!v}")
        echo "$line"
        P50[$q]+=" $(field p50 "$line")"
        P99[$q]+=" $(field p99 "$line")"
        RPS[$q]+=" $(field rps "$line")"
    done
done
for q in a b; do
    # shellcheck disable=SC2086
    printf 'MEDIAN %s page: rps %.1f  p50 %.1f ms  p99 %.1f ms (goal p99 <= 50 ms)\n' \
        "$([[ $q == a ]] && echo first || echo deep)" "$(median ${RPS[$q]})" "$(median ${P50[$q]})" "$(median ${P99[$q]})"
done
echo "load (1/5/15 min) at end: $(cut -d' ' -f1-3 /proc/loadavg)"
