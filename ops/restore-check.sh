#!/usr/bin/env bash
# Proves that a backup restores: starts Jiandu with the demo data on a fresh database and data directory, reports a
# problem with a photo (so there is a blob), backs up with ops/backup.sh, restores with ops/restore.sh into another
# fresh database and directory, compares the row count of every table and the SHA-256 of every blob with the
# source, starts Jiandu on the restored copy and runs a journey on it: admin signs in, lists problems, finds the
# reported one and downloads its photo, whose SHA-256 must equal the one downloaded before the backup.
#
#   ops/restore-check.sh            # embedded H2: the source is stopped for the (offline) backup
#   ops/restore-check.sh --postgres # PostgreSQL at 127.0.0.1:5432 (user postgres; PGHOST/PGPORT/PGUSER change
#                                   # it): two new databases; the backup is taken ONLINE while the source runs
#
# Needs a JDK, curl, tar, sha256sum (and createdb/dropdb/pg_dump/pg_restore/psql for --postgres) and the built jar
# (JIANDU_JAR, default target/jiandu-*.jar; ./mvnw -DskipTests package). Exit 0 when everything matched.
source "$(dirname "$0")/lib/common.sh"
ops=$(realpath "$(dirname "$0")")
jar=${JIANDU_JAR:-$(ls "$ops"/../target/jiandu-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
[[ -f $jar ]] || die "build the jar first: ./mvnw -DskipTests package (or set JIANDU_JAR)"
export JIANDU_JAR=$jar
pg=false
[[ ${1:-} == --postgres ]] && pg=true

work=$(mktemp -d "${TMPDIR:-/tmp}/jiandu-restore-check.XXXXXX")
pid=""
stop_app() {
    if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
cleanup() {
    stop_app
    if $pg; then dropdb --if-exists -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" "$src_db" 2>/dev/null || true
        dropdb --if-exists -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" "$dst_db" 2>/dev/null || true; fi
    [[ ${KEEP:-} == 1 ]] || rm -rf "$work"
}
trap cleanup EXIT
port=$((20000 + RANDOM % 20000))
base=http://127.0.0.1:$port

start_app() { # data-dir db-url(or empty) log
    local args=(--server.port=$port --jiandu.data-dir="$1" --spring.profiles.active=demo)
    if [[ -n $2 ]]; then
        args=(--server.port=$port --jiandu.data-dir="$1" --spring.profiles.active=postgres,demo
              --jiandu.security.allow-demo-on-postgres=true --spring.datasource.url="$2"
              --spring.datasource.username="${PGUSER:-postgres}" --logging.structured.format.console=)
    fi
    local t0; t0=$(date +%s.%N)
    java -Xmx512m -jar "$jar" "${args[@]}" > "$3" 2>&1 &
    pid=$!
    for _ in $(seq 1 240); do
        if curl -fs "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; then
            log "Jiandu up on $base in $(seconds "$t0" "$(date +%s.%N)") s"; return 0; fi
        kill -0 "$pid" 2>/dev/null || { tail -30 "$3" >&2; die "Jiandu did not start"; }
        sleep 0.5
    done
    die "Jiandu not up after 120 s"
}
counts() { # jdbc-url
    local driver user=sa
    if [[ $1 == jdbc:postgresql:* ]]; then driver=$(driver_jar postgresql); user=${PGUSER:-postgres}; else driver=$(driver_jar h2); fi
    java -cp "$driver" "$ops/lib/RowCounts.java" "$1" "$user" ""
}

src=$work/source dst=$work/restored backup=$work/backup
src_url="" dst_url=""
if $pg; then
    src_db=jiandu_rc_src_$$ dst_db=jiandu_rc_dst_$$
    h=${PGHOST:-127.0.0.1} p=${PGPORT:-5432}
    createdb -h "$h" -p "$p" -U "${PGUSER:-postgres}" "$src_db"
    createdb -h "$h" -p "$p" -U "${PGUSER:-postgres}" "$dst_db"
    src_url=jdbc:postgresql://$h:$p/$src_db dst_url=jdbc:postgresql://$h:$p/$dst_db
    export JIANDU_DB_USER=${PGUSER:-postgres}
fi

log "1. source: Jiandu with the demo data in $src"
start_app "$src" "$src_url" "$work/source.log"
java "$ops/lib/MakePhoto.java" "$work/photo.png"
read -r number photo_sha < <(java "$ops/lib/RestoreJourney.java" seed "$base" "$work/photo.png")
log "reported $number with a photo (sha256 ${photo_sha:0:16}…)"

log "2. backup"
if $pg; then
    t0=$(date +%s.%N); "$ops/backup.sh" --out "$backup" --data-dir "$src" --db-url "$src_url"; backup_s=$(seconds "$t0" "$(date +%s.%N)")
    stop_app   # online backup taken; stopped only so that the counts below see what the dump saw
else
    stop_app   # the embedded database is backed up offline
    t0=$(date +%s.%N); "$ops/backup.sh" --out "$backup" --data-dir "$src"; backup_s=$(seconds "$t0" "$(date +%s.%N)")
fi
counts "${src_url:-$(h2_url "$src")}" > "$work/source.counts"

log "3. restore into an empty database and store ($dst)"
t0=$(date +%s.%N)
"$ops/restore.sh" --from "$backup" --data-dir "$dst" ${dst_url:+--db-url "$dst_url"}
restore_s=$(seconds "$t0" "$(date +%s.%N)")
counts "${dst_url:-$(h2_url "$dst")}" > "$work/restored.counts"

log "4. compare"
diff "$work/source.counts" "$work/restored.counts" > "$work/counts.diff" \
    || { cat "$work/counts.diff" >&2; die "row counts differ"; }
blob_manifest "$src/blobs" > "$work/source.sha256"
blob_manifest "$dst/blobs" > "$work/restored.sha256"
cmp -s "$work/source.sha256" "$work/restored.sha256" || { diff "$work/source.sha256" "$work/restored.sha256" >&2 || true; die "blobs differ"; }
tables=$(wc -l < "$work/source.counts")
rows=$(awk '{ s += $2 } END { print s }' "$work/source.counts")
blobs=$(wc -l < "$work/source.sha256")
log "equal: $tables tables, $rows rows; $blobs blobs, every SHA-256"

log "5. refusals: a non-empty target, a damaged backup"
if "$ops/restore.sh" --from "$backup" --data-dir "$dst" ${dst_url:+--db-url "$dst_url"} 2> "$work/refused.txt"; then
    die "restore into a non-empty target was not refused"; fi
grep -q "not empty\|already holds" "$work/refused.txt" || die "unexpected refusal: $(cat "$work/refused.txt")"
cp -r "$backup" "$work/damaged"
first=$(head -1 "$work/damaged/blobs.sha256")
sed -i "1s/^./$([[ ${first:0:1} == 0 ]] && echo 1 || echo 0)/" "$work/damaged/blobs.sha256"
if "$ops/restore.sh" --from "$work/damaged" --data-dir "$work/damaged-target" 2> "$work/refused.txt"; then
    die "a backup with a wrong checksum was restored"; fi
grep -q "checksums differ" "$work/refused.txt" || die "unexpected refusal: $(cat "$work/refused.txt")"
[[ ! -e $work/damaged-target/blobs && ! -e $work/damaged-target/db ]] || die "a refused restore left files behind"
log "both refused, nothing written"

log "6. Jiandu on the restored copy"
start_app "$dst" "$dst_url" "$work/restored.log"
java "$ops/lib/RestoreJourney.java" check "$base" "$number" "$photo_sha" >&2
stop_app

size=$(du -sb "$backup" | cut -f1)
echo "restore-check $($pg && echo postgresql || echo h2): OK — backup ${backup_s} s, restore ${restore_s} s," \
     "backup $size bytes; $tables tables / $rows rows equal; $blobs blobs' SHA-256 equal; journey on the restored copy passed"
