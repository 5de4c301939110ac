# Shared helpers for the bench/*.sh scripts (sourced, not run). Never used by the build or CI.
# Everything talks to 127.0.0.1 only; every wait loop is bounded; every process started is killed by the trap.

BENCH_PIDS=()
BENCH_DIRS=()

bench_cleanup() {
    local p
    for p in "${BENCH_PIDS[@]}"; do
        kill "$p" 2>/dev/null || true
    done
    for p in "${BENCH_PIDS[@]}"; do
        for _ in $(seq 1 50); do
            kill -0 "$p" 2>/dev/null || break
            sleep 0.2
        done
        kill -9 "$p" 2>/dev/null || true
    done
    if [[ -z "${KEEP:-}" ]]; then
        for p in "${BENCH_DIRS[@]}"; do
            rm -rf "$p"
        done
    fi
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# bench_tmpdir -> BENCH_WORK, a new temp dir removed by the trap (not "$(...)": a subshell could not register it)
bench_tmpdir() {
    BENCH_WORK=$(mktemp -d "${TMPDIR:-/tmp}/jiandu-bench.XXXXXX")
    BENCH_DIRS+=("$BENCH_WORK")
}

bench_build() {
    if [[ -z "${SKIP_BUILD:-}" ]]; then
        ./mvnw -B -ntp -q -DskipTests package
    fi
    JAR=${JAR:-$(ls target/jiandu-*.jar | grep -v '\.original$' | head -1)}
}

bench_machine() {
    echo "date: $(date -u +%FT%TZ)  host cores: $(nproc)  mem: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
    echo "load (1/5/15 min) at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1)  postgres: $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version' 2>/dev/null || echo n/a)"
}

# start_app PORT DATADIR LOGFILE "JVM OPTS" [app args...]  -> APP_PID, waits (bounded) until /actuator/health is UP
start_app() {
    local port=$1 data=$2 log=$3 jvm=$4
    shift 4
    # shellcheck disable=SC2086
    java $jvm -jar "$JAR" --server.port="$port" --jiandu.data-dir="$data" "$@" >"$log" 2>&1 &
    APP_PID=$!
    BENCH_PIDS+=("$APP_PID")
    local i
    for i in $(seq 1 600); do
        if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; then
            echo "app up on :$port after ~$((i / 2)) s (pid $APP_PID)"
            return 0
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "app died, see $log" >&2
            tail -30 "$log" >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "app not up after 300 s, see $log" >&2
    exit 1
}

bench_token() {
    curl -fs -X POST "http://127.0.0.1:$1/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d '{"username":"admin","password":"Jiandu@2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

heap_used_kib() {
    # "garbage-first heap   total 262144K, used 51234K" (G1) / "def new generation ... used" (Serial): sum the used
    jcmd "$1" GC.heap_info 2>/dev/null | awk '/ heap +total/ || /generation +total/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?/, "", v); s += v}} END {print s + 0}'
}

# wrk_run LABEL wrk-args... -> prints one line "LABEL rps=.. p50=..ms p90=..ms p99=..ms errors=.." and keeps the raw output
wrk_run() {
    local label=$1
    shift
    local out
    out=$(wrk "$@" 2>&1)
    echo "$out" >>"${WRK_LOG:-/dev/null}"
    echo "$out" | awk -v label="$label" '
        function ms(v) {
            if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
            if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
            if (v ~ /m$/)  { sub(/m$/, "", v); return v * 60000 }
            if (v ~ /s$/)  { sub(/s$/, "", v); return v * 1000 }
            return v
        }
        /^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
        /^Requests\/sec/ { rps = $2 }
        /Non-2xx/ { non2xx = $NF }
        /Socket errors/ { sub(/^ +/, ""); gsub(/,/, ""); sock = "socket-errors(" $3 "=" $4 " " $5 "=" $6 " " $7 "=" $8 " " $9 "=" $10 ")" }
        /requests in/ { reqs = $1 }
        END { printf "%s rps=%s p50=%.1fms p90=%.1fms p99=%.1fms requests=%s non2xx=%s %s\n", label, rps, p50, p90, p99, reqs, non2xx + 0, sock }'
}

# CPU seconds (user + system) used so far by a process: with the request count, CPU ms per request, a figure that
# depends much less on the other load of the machine than latencies do
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }

# wrk_cpu LABEL PID wrk-args... -> wrk_run's line + cpu_ms_per_req of PID over the run
wrk_cpu() {
    local label=$1 pid=$2 c0 c1 line reqs
    shift 2
    c0=$(cpu_s "$pid")
    line=$(wrk_run "$label" "$@")
    c1=$(cpu_s "$pid")
    reqs=$(field requests "$line")
    if [[ "${reqs:-0}" -gt 0 ]]; then
        echo "$line jvm_cpu_ms_per_req=$(echo "($c1 - $c0) * 1000 / $reqs" | bc -l | xargs printf '%.1f')"
    else
        echo "$line jvm_cpu_s=$(echo "$c1 - $c0" | bc -l)"
    fi
}

# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

field() { # field KEY LINE -> value of KEY=value (units stripped)
    echo "$2" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {v = $2; sub(/ms$/, "", v); print v}'
}

pg_fresh_db() {
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null
    createdb -h 127.0.0.1 -U postgres "$1"
}
