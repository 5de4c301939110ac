#!/usr/bin/env bash
# The exam-start surge (never run in CI), on PostgreSQL (own database DB, dropped and re-created):
#   N (default 5000) candidates (GRID_SUPERVISOR in 廉州网格, made by SQL) each get a token beforehand (rows in
#   api_token, as TokenService would write them); the office creates a random-draw exam of Q (default 30) questions
#   from the demo bank and assembles every candidate's paper ahead (POST /api/v1/exams/{id}/prepare, timed); then
#   bench/ExamSurge.java starts all N within START_WINDOW s (default 60), saves one answer per question spread over
#   ANSWER_WINDOW s (default 600) and submits. Afterwards: every acknowledged answer must be in the database (a
#   count), the WAL bytes written during the run per saved answer, and the item analysis of the exam timed 3 times.
#   bench/exam-surge.sh
#   SKIP_BUILD=1 N=1000 ANSWER_WINDOW=120 bench/exam-surge.sh     # a short rehearsal
#   TOMCAT_THREADS (default 64) and POOL (Hikari's maximum-pool-size, default 20): the two queues a request waits in
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

PORT=${PORT:-8171}
DB=${DB:-jiandu_exam_bench}
N=${N:-5000}
START_WINDOW=${START_WINDOW:-60}
ANSWER_WINDOW=${ANSWER_WINDOW:-600}
JVM=${JVM:-"-Xmx768m"}
TOMCAT_THREADS=${TOMCAT_THREADS:-64}
POOL=${POOL:-20}
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -v ON_ERROR_STOP=1)

bench_build
bench_machine
bench_tmpdir
work=$BENCH_WORK

pg_fresh_db "$DB"
export JIANDU_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" JIANDU_DB_USER=postgres
start_app "$PORT" "$work/data" "$work/app.log" "$JVM" --spring.profiles.active=postgres,demo \
    --jiandu.security.allow-demo-on-postgres=true --server.tomcat.threads.max="$TOMCAT_THREADS" \
    --spring.datasource.hikari.maximum-pool-size="$POOL"
echo "jar $JAR, Tomcat threads $TOMCAT_THREADS, Hikari pool $POOL"

# the demo data (org, people, the bank) is seeded after the health check turns UP: wait for the bank
for _ in $(seq 1 600); do
    [[ "$("${PSQL[@]}" -Atc "SELECT count(*) FROM exam_question" 2>/dev/null || echo 0)" -ge 120 ]] \
        && [[ "$("${PSQL[@]}" -Atc "SELECT count(*) FROM exam_practice" 2>/dev/null || echo 0)" -ge 4 ]] && break
    sleep 1
done
t0=$(date +%s)
"${PSQL[@]}" <<SQL
INSERT INTO app_user (username, display_name, org_unit_id, mobile, password_hash, enabled, must_change_password,
                      created_at, updated_at)
SELECT 'bench' || lpad(g::text, 5, '0'), '压测考生' || g, (SELECT id FROM org_unit WHERE name = '廉州网格'),
       NULL, 'x', TRUE, FALSE, now(), now()
FROM generate_series(1, $N) g;
INSERT INTO app_user_role (user_id, role)
SELECT id, 'GRID_SUPERVISOR' FROM app_user WHERE username LIKE 'bench%';
INSERT INTO api_token (user_id, token_hash, created_at, expires_at)
SELECT u.id, encode(sha256(convert_to('benchtok-' || ltrim(substr(u.username, 6), '0'), 'UTF8')), 'hex'),
       now(), now() + interval '1 day'
FROM app_user u WHERE u.username LIKE 'bench%';
ANALYZE;
SQL
echo "$N candidates and tokens made in $(($(date +%s) - t0)) s"

token=$(bench_token "$PORT")
echo "admin token: ${#token} characters"
AUTH="Authorization: Bearer $token"
API="http://127.0.0.1:$PORT/api/v1"
unit=$("${PSQL[@]}" -Atc "SELECT id FROM org_unit WHERE name = '廉州网格'")
json_id() { python3 -c 'import json,sys; d=sys.stdin.read(); print(json.loads(d)["id"]) if d.startswith("{\"id") else sys.exit("unexpected: " + d[:500])'; }
paper=$(curl -s -X POST "$API/papers" -H "$AUTH" -H 'Content-Type: application/json' -d '{
  "title":"压测随机卷","partialCredit":true,"rules":[
   {"category":"党纪法规","count":8,"points":3},{"category":"廉洁风险","count":8,"points":3},
   {"category":"监督方法","count":7,"points":4},{"category":"业务知识","count":7,"points":4}]}' | json_id)
opens=$(date -u -d '-1 min' +%FT%TZ)
closes=$(date -u -d '+3 hours' +%FT%TZ)
exam=$(curl -s -X POST "$API/exams" -H "$AUTH" -H 'Content-Type: application/json' -d "{
  \"title\":\"压测考试\",\"paperId\":\"$paper\",\"audience\":{\"roles\":[\"GRID_SUPERVISOR\"],\"orgUnitIds\":[\"$unit\"]},
  \"opensAt\":\"$opens\",\"closesAt\":\"$closes\",\"timeLimitMinutes\":60,\"attemptsAllowed\":1,\"grading\":\"BEST\",
  \"passMark\":60,\"shuffle\":true,\"review\":\"AFTER_CLOSE\",\"onboarding\":false}" | json_id)
t0=$(date +%s.%N)
prepared=$(curl -fs -X POST "$API/exams/$exam/prepare" -H "$AUTH" --max-time 1800)
echo "exam $exam (paper $paper): papers assembled ahead: $prepared in $(echo "$(date +%s.%N) - $t0" | bc) s"
echo "prepared attempts: $("${PSQL[@]}" -Atc "SELECT count(*) FROM exam_attempt WHERE exam_id = $exam AND status = 'PREPARED'"), items: $("${PSQL[@]}" -Atc "SELECT count(*) FROM exam_attempt_item i JOIN exam_attempt a ON a.id = i.attempt_id WHERE a.exam_id = $exam")"

"${PSQL[@]}" -c CHECKPOINT
wal0=$("${PSQL[@]}" -Atc 'SELECT pg_current_wal_lsn()')
cpu0=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
echo "load at surge start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m bench/ExamSurge.java "http://127.0.0.1:$PORT" "$exam" "$N" "$START_WINDOW" "$ANSWER_WINDOW" \
    | tee "$work/surge.txt"
wal1=$("${PSQL[@]}" -Atc 'SELECT pg_current_wal_lsn()')
cpu1=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
echo "load at surge end: $(cut -d' ' -f1-3 /proc/loadavg)"
acked=$(awk '/answers acknowledged/ {print $NF}' "$work/surge.txt")
stored=$("${PSQL[@]}" -Atc "SELECT count(*) FROM exam_attempt_item i JOIN exam_attempt a ON a.id = i.attempt_id
    WHERE a.exam_id = $exam AND i.answer IS NOT NULL")
submitted=$("${PSQL[@]}" -Atc "SELECT count(*) FROM exam_attempt WHERE exam_id = $exam AND status = 'SUBMITTED'")
walbytes=$("${PSQL[@]}" -Atc "SELECT pg_wal_lsn_diff('$wal1', '$wal0')::bigint")
echo "answers acknowledged $acked, answers stored $stored ($([[ "$acked" == "$stored" ]] && echo OK || echo MISMATCH)), attempts submitted $submitted"
echo "WAL during the run: $walbytes bytes = $((walbytes / (stored > 0 ? stored : 1))) bytes per saved answer (starts and submits included)"
echo "JVM CPU during the run: $(( (cpu1 - cpu0) * 10 )) ms"
for i in 1 2 3; do
    curl -fs -o /dev/null -w "analysis of $submitted attempts: %{time_total} s (HTTP %{http_code})\n" "$API/exams/$exam/analysis" -H "$AUTH"
done
echo "errors in the app log: $(grep -c ' ERROR ' "$work/app.log" || true)"
