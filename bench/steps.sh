#!/usr/bin/env bash
# Lists Jiandu's slowest startup steps (Spring's BufferingApplicationStartup) on a fresh demo data dir.
# Needs the jar (bench/startup.sh builds it). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
JAR=$(ls target/jiandu-*.jar | grep -v '\.original$' | head -1)
java -Djarmode=tools -jar "$JAR" extract --destination "$work/app" >/dev/null
APPJAR=$(ls "$work"/app/*.jar)
mkdir -p "$work/classes"
javac -proc:none -cp "$APPJAR:$work/app/lib/*" -d "$work/classes" bench/StartupSteps.java
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$work/classes:$APPJAR:$work/app/lib/*" StartupSteps --spring.profiles.active=demo \
    --server.port="${PORT:-8159}" --jiandu.data-dir="$work/data" --logging.level.root=WARN ${APP_ARGS:-} \
    | sed -n '/=== slowest/,$p'
