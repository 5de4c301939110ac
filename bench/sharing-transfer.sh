#!/usr/bin/env bash
# Sharing transfer benchmark (never run in CI). A SIZE_MB (default 1024) MP4-looking file (ftyp box + random bytes):
#   upload:   tus (POST /api/v1/uploads + PATCH) into Jiandu  vs  dd if=src of=dst bs=1M conv=fsync on the same disk,
#             alternating, RUNS (default 3) each, medians; bytes written to disk by the Jiandu process per byte uploaded
#             (/proc/<pid>/io write_bytes before/after).
#   download: GET /api/v1/files/{id}/content (bearer)  vs  nginx on 127.0.0.1:NGINX_PORT serving the same bytes,
#             alternating, DL_RUNS (default 5) each, medians (and the median of the per-pair ratios).
# Jiandu runs with -Xmx256m (embedded H2, profile demo); heap and RSS are printed before and after.
#   bench/sharing-transfer.sh
#   SKIP_BUILD=1 SIZE_MB=256 RUNS=3 bench/sharing-transfer.sh
# jiandu.files.max-size (a ceiling on every module's limit; 2GB in application.yml, once 100MB) is set to MAX_SIZE
# (default 2GB) for the run. PROBE_LIMIT=1 first runs a 101 MiB tus upload with the configured ceiling (with a 100MB
# ceiling it is now refused with 413 at creation, before any byte; see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

PORT=${PORT:-8160}
NGINX_PORT=${NGINX_PORT:-8168}
SIZE_MB=${SIZE_MB:-1024}
RUNS=${RUNS:-3}
DL_RUNS=${DL_RUNS:-5}
MAX_SIZE=${MAX_SIZE:-2GB}
JVM=${JVM:-"-Xmx256m"}

bench_build
bench_machine
bench_tmpdir
work=$BENCH_WORK
src="$work/src/video.mp4"
mkdir -p "$work/src" "$work/dd" "$work/nginx/logs"

# ISO BMFF header: a 32-byte ftyp box (isom), then random bytes up to SIZE_MB MiB
mkfile() { # mkfile PATH MIB
    {
        printf '\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41'
        head -c $(($2 * 1048576 - 32)) /dev/urandom
    } >"$1"
}
mkfile "$src" "$SIZE_MB"
bytes=$(stat -c %s "$src")
echo "source: $src ($bytes bytes, $(head -c 12 "$src" | od -An -c | tr -s ' '))"

b64() { printf '%s' "$1" | base64 -w0; }

# folder to upload into: the first standard folder of the first space (admin contributes everywhere)
upload_folder() {
    curl -fs -H "Authorization: Bearer $1" "http://127.0.0.1:$PORT/api/v1/spaces" |
        python3 -c 'import json,sys; s=json.load(sys.stdin); print(s[0]["folders"][0]["id"])'
}

# tus_upload TOKEN FOLDER NAME FILE -> prints "seconds fileId last_chunk_seconds http_code"; the last MiB is sent in a
# second PATCH so that the completion (content check, fsync, move, rows; before 2026-11-27 also a SHA-256 re-read of
# the whole file) is timed on its own
tus_upload() {
    local token=$1 folder=$2 name=$3 file=$4 len head loc t0 t1 t2 code id
    len=$(stat -c %s "$file")
    head=$((len - 1048576))
    t0=$(date +%s.%N)
    loc=$(curl -fs -D - -o /dev/null -X POST "http://127.0.0.1:$PORT/api/v1/uploads" \
        -H "Authorization: Bearer $token" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $len" \
        -H "Upload-Metadata: filename $(b64 "$name"),folderId $(b64 "$folder")" |
        awk 'tolower($1) == "location:" {print $2}' | tr -d '\r')
    head -c "$head" "$file" | curl -fs -o /dev/null -X PATCH "$loc" -T - -H 'Expect:' \
        -H "Authorization: Bearer $token" -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' \
        -H 'Content-Type: application/offset+octet-stream' -H "Content-Length: $head"
    t1=$(date +%s.%N)
    tail -c 1048576 "$file" >"$work/last-chunk"
    read -r code id < <(curl -s -D - -o /dev/null -X PATCH "$loc" --data-binary @"$work/last-chunk" \
        -H "Authorization: Bearer $token" -H 'Tus-Resumable: 1.0.0' -H "Upload-Offset: $head" \
        -H 'Content-Type: application/offset+octet-stream' |
        tr -d '\r' | awk '/^HTTP/ {c = $2} tolower($1) == "jiandu-file-id:" {i = $2} END {print c, i}')
    t2=$(date +%s.%N)
    echo "$(echo "$t2 - $t0" | bc -l) ${id:-none} $(echo "$t2 - $t1" | bc -l) $code"
}

write_bytes() { awk '/^write_bytes:/ {print $2}' "/proc/$1/io"; }

if [[ -n "${PROBE_LIMIT:-}" ]]; then
    echo "== probe: jiandu.files.max-size=100MB, tus creation of a 101 MiB upload"
    start_app "$PORT" "$work/probe-data" "$work/probe.log" "$JVM" --spring.profiles.active=demo \
        --jiandu.files.max-size=100MB
    token=$(bench_token "$PORT")
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/api/v1/uploads" \
        -H "Authorization: Bearer $token" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $((101 * 1048576))" \
        -H "Upload-Metadata: filename $(b64 probe.mp4),folderId $(b64 "$(upload_folder "$token")")")
    echo "probe: POST /api/v1/uploads status $code (expected 413, before any byte is sent)"
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
fi

start_app "$PORT" "$work/data" "$work/app.log" "$JVM" --spring.profiles.active=demo \
    --jiandu.files.max-size="$MAX_SIZE"
token=$(bench_token "$PORT")
folder=$(upload_folder "$token")
echo "upload folder: $folder; java opts: $JVM; heap used ${HEAP0:=$(heap_used_kib "$APP_PID")} KiB, RSS $(rss_kib "$APP_PID") KiB at start"
rss_start=$(rss_kib "$APP_PID")

up_mbs=()
dd_mbs=()
up_ratio=()
completion=()
wb_ratio=()
file_id=""
for run in $(seq 1 "$RUNS"); do
    sync
    ddt=$( { /usr/bin/time -f %e dd if="$src" of="$work/dd/copy" bs=1M conv=fsync status=none; } 2>&1 | tail -1)
    rm -f "$work/dd/copy"
    sync
    wb0=$(write_bytes "$APP_PID")
    c0=$(cpu_s "$APP_PID")
    read -r s id last code < <(tus_upload "$token" "$folder" "video-$run.mp4" "$src")
    wb1=$(write_bytes "$APP_PID")
    c1=$(cpu_s "$APP_PID")
    if [[ "$code" != 204 || "$id" == none ]]; then
        echo "upload $run failed: status $code" >&2
        tail -20 "$work/app.log" >&2
        exit 1
    fi
    file_id=$id
    u=$(echo "$bytes / 1048576 / $s" | bc -l)
    d=$(echo "$bytes / 1048576 / $ddt" | bc -l)
    w=$(echo "($wb1 - $wb0) / $bytes" | bc -l)
    up_mbs+=("$u")
    dd_mbs+=("$d")
    wb_ratio+=("$w")
    up_ratio+=("$(echo "$u / $d" | bc -l)")
    completion+=("$last")
    printf 'upload run %d: dd %.2fs (%.0f MiB/s)  jiandu tus %.2fs (%.0f MiB/s, of which completion %.2fs)  ratio %.2f  write_bytes/byte %.3f  JVM CPU %.2fs  RSS %s KiB\n' \
        "$run" "$ddt" "$d" "$s" "$u" "$last" "$(echo "$u / $d" | bc -l)" "$w" "$(echo "$c1 - $c0" | bc -l)" "$(rss_kib "$APP_PID")"
done
mu=$(median "${up_mbs[@]}")
md=$(median "${dd_mbs[@]}")
printf 'UPLOAD median: jiandu %.0f MiB/s, dd %.0f MiB/s, ratio of medians %.2f, median of per-pair ratios %.2f (goal >= 0.7); completion (last PATCH) median %.2fs; write_bytes per uploaded byte median %.3f (goal <= 1.1)\n' \
    "$mu" "$md" "$(echo "$mu / $md" | bc -l)" "$(median "${up_ratio[@]}")" "$(median "${completion[@]}")" "$(median "${wb_ratio[@]}")"

# nginx serving the same bytes (own config, own prefix, pid file; killed by the trap)
cat >"$work/nginx/nginx.conf" <<EOF
user $(id -un);
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 64; }
http {
    access_log off;
    sendfile on;
    default_type application/octet-stream;
    client_body_temp_path $work/nginx/tmp;
    proxy_temp_path $work/nginx/tmp;
    fastcgi_temp_path $work/nginx/tmp;
    uwsgi_temp_path $work/nginx/tmp;
    scgi_temp_path $work/nginx/tmp;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $work/src;
    }
}
EOF
mkdir -p "$work/nginx/tmp"
/usr/sbin/nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -g 'daemon off;' 2>>"$work/nginx/logs/error.log" &
BENCH_PIDS+=($!)
for _ in $(seq 1 50); do
    curl -fsI "http://127.0.0.1:$NGINX_PORT/video.mp4" >/dev/null 2>&1 && break
    sleep 0.2
done

dl_j=()
dl_n=()
dl_r=()
for run in $(seq 1 "$DL_RUNS"); do
    read -r tn sn cn < <(curl -s -o /dev/null -w '%{time_total} %{size_download} %{http_code}\n' \
        "http://127.0.0.1:$NGINX_PORT/video.mp4")
    c0=$(cpu_s "$APP_PID")
    read -r tj sj cj < <(curl -s -o /dev/null -w '%{time_total} %{size_download} %{http_code}\n' \
        -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/files/$file_id/content")
    if [[ "$cj" != 200 || "$sj" != "$bytes" || "$cn" != 200 || "$sn" != "$bytes" ]]; then
        echo "download $run: jiandu $cj $sj bytes, nginx $cn $sn bytes (expected $bytes)" >&2
        exit 1
    fi
    c1=$(cpu_s "$APP_PID")
    j=$(echo "$bytes / 1048576 / $tj" | bc -l)
    n=$(echo "$bytes / 1048576 / $tn" | bc -l)
    dl_j+=("$j")
    dl_n+=("$n")
    dl_r+=("$(echo "$j / $n" | bc -l)")
    printf 'download run %d: nginx %.2fs (%.0f MiB/s)  jiandu %.2fs (%.0f MiB/s, JVM CPU %.2fs)  ratio %.2f  RSS %s KiB\n' \
        "$run" "$tn" "$n" "$tj" "$j" "$(echo "$c1 - $c0" | bc -l)" "$(echo "$j / $n" | bc -l)" "$(rss_kib "$APP_PID")"
done
# which path the app took (SendfileResponses counts them; n/a for a jar from before it)
dl_count() {
    curl -fs -H "Authorization: Bearer $token" \
        "http://127.0.0.1:$PORT/actuator/metrics/jiandu.downloads?tag=transfer:$1" 2>/dev/null |
        python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))' 2>/dev/null || echo n/a
}
echo "downloads served with sendfile: $(dl_count sendfile), streamed through the JVM: $(dl_count stream)"
mj=$(median "${dl_j[@]}")
mn=$(median "${dl_n[@]}")
printf 'DOWNLOAD median: jiandu %.0f MiB/s, nginx %.0f MiB/s, ratio of medians %.2f, median of per-pair ratios %.2f (goal >= 0.8)\n' \
    "$mj" "$mn" "$(echo "$mj / $mn" | bc -l)" "$(median "${dl_r[@]}")"
echo "MEMORY (-Xmx256m): RSS start $rss_start KiB, end $(rss_kib "$APP_PID") KiB; heap used start $HEAP0 KiB, end $(heap_used_kib "$APP_PID") KiB"
jcmd "$APP_PID" GC.heap_info 2>/dev/null | head -3
echo "load (1/5/15 min) at end: $(cut -d' ' -f1-3 /proc/loadavg)"
