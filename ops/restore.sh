#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh into an EMPTY database and an EMPTY blob directory.
#
#   ops/restore.sh --from DIR [--data-dir DATA] [--db-url JDBC_URL] [--blobs DIR]
#
# PostgreSQL (--db-url, the database created beforehand, e.g. createdb jiandu): refused unless it has no tables;
# pg_restore of db.dump. Embedded H2 (no --db-url): refused if DATA/db holds a database; H2's RUNSCRIPT of
# db.sql.zip into a new one with Jiandu's settings. Blobs: every file of blobs.tar is checked against the manifest
# (sha256sum -c) in a staging directory before it is moved into place; a mismatch stops the restore with the store
# left empty. Start Jiandu on the restored database and directory as before (Flyway finds its history restored).
source "$(dirname "$0")/lib/common.sh"

from="" data=${JIANDU_DATA_DIR:-./data} db_url="" blobs=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --from) from=$2; shift 2 ;;
        --data-dir) data=$2; shift 2 ;;
        --db-url) db_url=$2; shift 2 ;;
        --blobs) blobs=$2; shift 2 ;;
        *) die "unknown argument $1 (see the comment at the top of $0)" ;;
    esac
done
[[ -n $from && -f $from/backup.info ]] || die "--from DIR must name a backup (no backup.info there)"
grep -q '^format=jiandu-backup-1$' "$from/backup.info" || die "unknown backup format"
kind=$(sed -n 's/^database=//p' "$from/backup.info")
blobs=${blobs:-$data/blobs}
if [[ -d $blobs && -n $(ls -A "$blobs") ]]; then die "blob directory $blobs is not empty"; fi
start=$(date +%s.%N)

# blobs first into staging, verified, so a damaged archive never reaches the database step
staging="$(dirname "$(realpath -m "$blobs")")/.restore-staging-$$"
mkdir -p "$staging"
trap 'rm -rf "$staging"' EXIT
tar -C "$staging" -xf "$from/blobs.tar"
(cd "$staging" && sha256sum --quiet --strict -c "$(realpath "$from/blobs.sha256")") \
    || die "blob checksums differ from the manifest: nothing restored"
extra=$(comm -13 <(sed 's/^[0-9a-f]*  //' "$from/blobs.sha256" | sort) <(cd "$staging" && find . -type f | sort))
[[ -z $extra ]] || die "files in blobs.tar that the manifest does not list: $extra"
log "blobs verified ($(wc -l < "$from/blobs.sha256") files)"

case $kind in
    postgresql)
        [[ -n $db_url ]] || die "a PostgreSQL backup: --db-url jdbc:postgresql://... of an empty database is required"
        pg_env
        uri=$(libpq_uri "$db_url")
        tables=$(psql -Atq -d "$uri" -c "SELECT count(*) FROM information_schema.tables
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")
        [[ $tables == 0 ]] || die "database is not empty ($tables tables)"
        pg_restore --exit-on-error --no-owner --no-privileges -d "$uri" "$from/db.dump"
        ;;
    h2)
        [[ -z $db_url ]] || die "an H2 backup restores into a data directory (--data-dir), not --db-url"
        if [[ -e $data/db/jiandu.mv.db ]]; then die "$data/db already holds a database"; fi
        mkdir -p "$data/db"
        java -cp "$(driver_jar h2)" org.h2.tools.RunScript -url "$(h2_url "$(realpath "$data")")" -user sa \
            -password "" -script "$from/db.sql.zip" -options compression zip
        ;;
    *) die "unknown database kind $kind" ;;
esac
log "database restored ($kind)"

mkdir -p "$(dirname "$(realpath -m "$blobs")")"
rmdir "$blobs" 2>/dev/null || true
mv "$staging" "$blobs"
trap - EXIT
log "restored in $(seconds "$start" "$(date +%s.%N)") s: database ($kind) and $(wc -l < "$from/blobs.sha256") blobs into $blobs"
