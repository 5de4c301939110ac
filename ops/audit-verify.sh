#!/usr/bin/env bash
# Verifies the audit hash chain of an installation against the heads exported outside the database.
#
#   ops/audit-verify.sh [--data ./data] [--heads DIR]         # the embedded H2 of a STOPPED installation
#   ops/audit-verify.sh --url jdbc:postgresql://host/db [--heads DIR]   # PostgreSQL (JIANDU_DB_USER/_PASSWORD)
#
# --heads defaults to <data>/audit-heads (jiandu.audit.head-export.dir's default). Prints one line of JSON,
# {"entries","valid","firstBreak","checkpoints"}, and exits 0 when the chain is intact, 1 when it is broken, 2 when
# it could not be verified. Runs the check from Jiandu's own jar (JIANDU_JAR, default target/jiandu-*.jar).
source "$(dirname "$0")/lib/common.sh"

data=./data url="" heads=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --data) data=$2; shift 2 ;;
        --url) url=$2; shift 2 ;;
        --heads) heads=$2; shift 2 ;;
        *) die "unknown argument $1 (see the head of $0)" ;;
    esac
done

jar=${JIANDU_JAR:-$(ls "$(dirname "$0")"/../target/jiandu-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
[[ -n $jar && -f $jar ]] || die "Jiandu's jar not found: set JIANDU_JAR (build it with ./mvnw -DskipTests package)"

user=${JIANDU_DB_USER:-sa} password=${JIANDU_DB_PASSWORD:-}
if [[ -z $url ]]; then
    [[ -d $data/db ]] || die "no embedded database under $data/db"
    url=$(h2_url "$(realpath "$data")")
    user=sa password=""
elif [[ $url == jdbc:postgresql:* ]]; then
    user=${JIANDU_DB_USER:-postgres}
fi
heads=${heads:-$data/audit-heads}

set +e
java -cp "$jar" -Dloader.main=cn.jiandu.audit.chain.AuditVerifyCommand \
    org.springframework.boot.loader.launch.PropertiesLauncher \
    "--url=$url" "--user=$user" "--password=$password" "--heads=$heads"
rc=$?
set -e
exit $rc
