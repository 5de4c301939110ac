# Shared by backup.sh, restore.sh and restore-check.sh (sourced, not run).
set -euo pipefail

die() { echo "error: $*" >&2; exit 1; }
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# The JDBC driver jars, taken from Jiandu's own jar (so the H2 tools are the very version the application runs).
# JIANDU_JAR names the jar; default: target/jiandu-*.jar beside this script's checkout.
driver_jar() { # name prefix, e.g. h2 or postgresql
    local prefix=$1 jar=${JIANDU_JAR:-}
    if [[ -z $jar ]]; then
        jar=$(ls "$(dirname "${BASH_SOURCE[0]}")"/../../target/jiandu-*.jar 2>/dev/null | grep -v plain | head -1 || true)
    fi
    [[ -n $jar && -f $jar ]] || die "Jiandu's jar not found: set JIANDU_JAR (build it with ./mvnw -DskipTests package)"
    local cache=${TMPDIR:-/tmp}/jiandu-ops-lib
    mkdir -p "$cache"
    local entry
    entry=$(jar tf "$jar" | grep -E "^BOOT-INF/lib/${prefix}-[0-9][^/]*\.jar$" | head -1) || true
    [[ -n $entry ]] || die "no $prefix driver in $jar"
    if [[ ! -f $cache/$entry ]]; then
        (cd "$cache" && jar xf "$(realpath "$jar")" "$entry")
    fi
    echo "$cache/$entry"
}

# jdbc:postgresql://host:port/db?x=y -> postgresql://host:port/db?x=y (a libpq URI); user and password from
# JIANDU_DB_USER / JIANDU_DB_PASSWORD as Jiandu reads them.
libpq_uri() {
    local url=$1
    [[ $url == jdbc:postgresql://* ]] || die "not a PostgreSQL JDBC URL: $url"
    echo "${url#jdbc:}"
}
pg_env() {
    export PGUSER=${JIANDU_DB_USER:-${PGUSER:-postgres}}
    if [[ -n ${JIANDU_DB_PASSWORD:-} ]]; then export PGPASSWORD=$JIANDU_DB_PASSWORD; fi
}

# The embedded H2 database of a data directory, with the settings application.yml gives it.
h2_url() { echo "jdbc:h2:file:$1/db/jiandu;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE"; }

# "sha256  relative/path" for every file under a directory, sorted (sha256sum -c reads it).
blob_manifest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) ; }

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
