#!/usr/bin/env bash
# A consistent backup of Jiandu: the database and the blob directory, with a SHA-256 manifest of every blob.
#
#   ops/backup.sh --out DIR [--data-dir DATA] [--db-url JDBC_URL] [--blobs DIR]
#
# PostgreSQL (--db-url jdbc:postgresql://..., user/password from JIANDU_DB_USER/JIANDU_DB_PASSWORD): online, while
# Jiandu runs; pg_dump in custom format (one snapshot). Embedded H2 (no --db-url): offline, Jiandu stopped (the
# database file is locked while it runs); H2's SCRIPT tool writes the database as SQL (zip-compressed).
# Blobs: first hard-linked into a snapshot (instant, and a blob deleted afterwards stays in it), then the database
# is dumped, then blobs written meanwhile are linked in too, so every blob row in the dump has its bytes; the
# snapshot is tarred with a manifest (sha256sum format). Writes into DIR: db.dump or db.sql.zip, blobs.tar,
# blobs.sha256, backup.info.
source "$(dirname "$0")/lib/common.sh"

out="" data=${JIANDU_DATA_DIR:-./data} db_url="" blobs=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --out) out=$2; shift 2 ;;
        --data-dir) data=$2; shift 2 ;;
        --db-url) db_url=$2; shift 2 ;;
        --blobs) blobs=$2; shift 2 ;;
        *) die "unknown argument $1 (see the comment at the top of $0)" ;;
    esac
done
[[ -n $out ]] || die "--out DIR is required"
blobs=${blobs:-$data/blobs}
[[ -d $blobs ]] || die "no blob directory $blobs"
mkdir -p "$out"
[[ -z $(ls -A "$out") ]] || die "$out is not empty"
start=$(date +%s.%N)

snapshot="$(dirname "$(realpath "$blobs")")/.backup-snapshot-$$"
trap 'rm -rf "$snapshot"' EXIT
# hard links need the same file system; elsewhere a copy (slower, still taken before the dump)
cp -al "$blobs" "$snapshot" 2>/dev/null || { rm -rf "$snapshot"; cp -a "$blobs" "$snapshot"; }
log "blobs snapshot taken ($(find "$snapshot" -type f | wc -l) files)"

if [[ -n $db_url ]]; then
    pg_env
    pg_dump --format=custom --no-owner --file="$out/db.dump" "$(libpq_uri "$db_url")"
    kind=postgresql
    log "pg_dump done ($(du -h "$out/db.dump" | cut -f1))"
else
    h2=$(driver_jar h2)
    [[ -f $data/db/jiandu.mv.db ]] || die "no H2 database in $data/db"
    java -cp "$h2" org.h2.tools.Script -url "$(h2_url "$(realpath "$data")")" -user sa -password "" \
        -script "$out/db.sql.zip" -options compression zip \
        || die "H2 SCRIPT failed (is Jiandu still running? the embedded database is backed up offline)"
    kind=h2
    log "H2 SCRIPT done ($(du -h "$out/db.sql.zip" | cut -f1))"
fi

# blobs that arrived between the snapshot and the dump
(cd "$blobs" && find . -type f) | while read -r f; do
    if [[ ! -e $snapshot/$f ]]; then
        mkdir -p "$(dirname "$snapshot/$f")"
        ln "$blobs/$f" "$snapshot/$f" 2>/dev/null || cp -a "$blobs/$f" "$snapshot/$f"
    fi
done
blob_manifest "$snapshot" > "$out/blobs.sha256"
tar -C "$snapshot" -cf "$out/blobs.tar" .
files=$(wc -l < "$out/blobs.sha256")
bytes=$(du -sb "$snapshot" | cut -f1)
end=$(date +%s.%N)
cat > "$out/backup.info" <<INFO
format=jiandu-backup-1
database=$kind
taken_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
blob_files=$files
blob_bytes=$bytes
seconds=$(seconds "$start" "$end")
INFO
log "backup in $out: $kind database, $files blobs ($bytes bytes) in $(seconds "$start" "$end") s"
