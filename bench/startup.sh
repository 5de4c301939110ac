#!/usr/bin/env bash
# Startup benchmark (never run in CI): time from `java -jar` to the first 200 from an authenticated
# GET /api/v1/me on the embedded default (profile demo, fresh ./data each run), median of RUNS runs; RSS after start
# and after 1,000 /api/v1/me calls. Extra JVM or Spring options can be passed in JAVA_OPTS / APP_ARGS.
#   bench/startup.sh                      # builds the jar once, 5 runs
#   SKIP_BUILD=1 RUNS=3 JAVA_OPTS='-XX:TieredStopAtLevel=1' bench/startup.sh
#   SKIP_BUILD=1 CDS=1 bench/startup.sh   # extracted jar + a class-data-sharing archive from a training run
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORTS=${PORTS:-"8151 8152 8153 8154 8155 8156 8157 8158 8159"}
JAVA_OPTS=${JAVA_OPTS:-}
APP_ARGS=${APP_ARGS:-}
CALLS=${CALLS:-1000}

if [[ -z "${SKIP_BUILD:-}" ]]; then
    ./mvnw -B -ntp -q -DskipTests package
fi
JAR=${JAR:-$(ls target/jiandu-*.jar | grep -v '\.original$' | head -1)}

if [[ -n "${CDS:-}" ]]; then
    cds=$(mktemp -d)
    trap 'rm -rf "$cds"' EXIT
    java -Djarmode=tools -jar "$JAR" extract --destination "$cds/app" >/dev/null
    JAR=$(ls "$cds"/app/*.jar)
    # training run: start the context, write the archive at exit
    java -XX:ArchiveClassesAtExit="$cds/app.jsa" -Dspring.context.exit=onRefresh -jar "$JAR" \
        --spring.profiles.active=demo --server.port=0 --jiandu.data-dir="$cds/data" >"$cds/training.log" 2>&1
    JAVA_OPTS="-XX:SharedArchiveFile=$cds/app.jsa $JAVA_OPTS"
fi

free_port() {
    local p
    for p in $PORTS; do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return
        fi
    done
    echo "no free port in $PORTS" >&2
    exit 1
}

# CPU seconds (user + system) the process has used so far: less sensitive to other load than wall time
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

times=()
echo "jar: $JAR  java: $(java -version 2>&1 | head -1)  JAVA_OPTS: ${JAVA_OPTS:-none}  APP_ARGS: ${APP_ARGS:-none}"
for run in $(seq 1 "$RUNS"); do
    work=$(mktemp -d)
    port=$(free_port)
    start=$(now_ms)
    # shellcheck disable=SC2086
    java $JAVA_OPTS -jar "$JAR" --spring.profiles.active=demo --server.port="$port" --jiandu.data-dir="$work/data" \
        $APP_ARGS >"$work/app.log" 2>&1 &
    pid=$!
    base="http://127.0.0.1:$port"
    token=""
    while :; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "run $run: the application died, see $work/app.log" >&2
            tail -30 "$work/app.log" >&2
            exit 1
        fi
        if [[ -z "$token" ]]; then
            token=$(curl -s -m 5 -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
                -d '{"username":"admin","password":"Jiandu@2026"}' 2>/dev/null \
                | sed -n 's/.*"token":"\([^"]*\)".*/\1/p' || true)
        fi
        if [[ -n "$token" ]]; then
            code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$base/api/v1/me" -H "Authorization: Bearer $token" || true)
            [[ "$code" == 200 ]] && break
        fi
        sleep 0.05
    done
    ms=$(( $(now_ms) - start ))
    times+=("$ms")
    rss_start=$(rss_kib "$pid")
    cpu_start=$(cpu_s "$pid")
    cfg="$work/curl.cfg"
    for _ in $(seq 1 "$CALLS"); do
        printf 'url = "%s/api/v1/me"\noutput = "/dev/null"\n' "$base"
    done >"$cfg"
    codes=$(curl -s -K "$cfg" -H "Authorization: Bearer $token" -w '%{http_code}\n' | sort | uniq -c | tr '\n' ' ')
    rss_after=$(rss_kib "$pid")
    echo "run $run: first 200 from /api/v1/me after ${ms} ms (CPU ${cpu_start} s; load $(cut -d' ' -f1 /proc/loadavg));" \
        "RSS after start $((rss_start / 1024)) MiB, after $CALLS calls $((rss_after / 1024)) MiB (statuses: $codes)"
    grep -m1 -o 'Started JianduApplication in [0-9.]* seconds (process running for [0-9.]*)' "$work/app.log" \
        | sed "s/^/       /" || true
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    rm -rf "$work"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")
echo "all runs (ms): ${times[*]}"
echo "median: ${median} ms"
