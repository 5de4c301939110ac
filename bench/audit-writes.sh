#!/usr/bin/env bash
# The cost of the audit hash chain (never run in CI): audit writes per second through AuditTrail with the chain
# (this checkout's classes: linked after commit) and without it (the classes of BASE, the commit before the chain),
# and optionally the chain linked inside the writer's transaction (the classes of INTX, e.g. INTX=d3b2ed9), on
# PostgreSQL (database DB, dropped and re-created before every run), for 1, 4 and 16 writing threads,
# SECONDS_EACH each, ROUNDS rounds in alternating order.
#   bench/audit-writes.sh
#   SECONDS_EACH=10 THREADS="1 8" bench/audit-writes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

DB=${DB:-jiandu_audit_bench}
BASE=${BASE:-c841831^}
SECONDS_EACH=${SECONDS_EACH:-20}
THREADS=${THREADS:-"1 4 16"}
ROUNDS=${ROUNDS:-2}

bench_machine
bench_tmpdir
work=$BENCH_WORK

./mvnw -B -ntp -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$work/deps.txt"
deps=$(cat "$work/deps.txt")

echo "baseline: $(git rev-parse --short "$BASE") ($(git log -1 --format=%s "$BASE" | cut -c1-60)…)"
git worktree add -q --detach "$work/base" "$BASE"
(cd "$work/base" && ./mvnw -B -ntp -q -DskipTests compile)
variants=("$work/base/target/classes" target/classes)
if [[ -n ${INTX:-} ]]; then
    git worktree add -q --detach "$work/intx" "$INTX"
    (cd "$work/intx" && ./mvnw -B -ntp -q -DskipTests compile)
    variants+=("$work/intx/target/classes")
fi

run() { # classes threads
    pg_fresh_db "$DB" >/dev/null
    java -Xmx1g -cp "$1:$deps" bench/AuditWrites.java "jdbc:postgresql://127.0.0.1:5432/$DB" postgres "$2" \
        "$SECONDS_EACH" 2>&1 | grep -E '^chain=|Exception' || true
}

for round in $(seq 1 "$ROUNDS"); do
    for t in $THREADS; do
        # alternate the order so that a change of the machine's load hits every variant alike
        if (( round % 2 )); then
            for v in "${variants[@]}"; do run "$v" "$t"; done
        else
            for (( i = ${#variants[@]} - 1; i >= 0; i-- )); do run "${variants[i]}" "$t"; done
        fi
    done
done
git worktree remove --force "$work/base"
[[ -n ${INTX:-} ]] && git worktree remove --force "$work/intx"
echo "load (1/5/15 min) at end: $(cut -d' ' -f1-3 /proc/loadavg)"
