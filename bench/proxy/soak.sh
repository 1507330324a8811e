#!/usr/bin/env bash
# Proxy sidecar soak: nginx backend (fixed 1 KB body), `tandem proxy` in front of it, an open-loop
# load of 1,000 requests/s over 100 keep-alive connections for SOAK_SECONDS (600 by default).
# Prints the proxy's RSS, PSS and CPU every SAMPLE_SECONDS, then the load's latency summary and
# the RSS growth from the first sample after warm-up to the last. Needs root for apt-get (nginx).
#
#   bench/proxy/soak.sh
#   SOAK_SECONDS=120 SAMPLE_SECONDS=10 bench/proxy/soak.sh
#   PROXY=bench bench/proxy/soak.sh     # the proxy from a Release build of bench/Tandem.Bench.Proxy
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SOAK_SECONDS=${SOAK_SECONDS:-600}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-30}
WORK=$(mktemp -d /tmp/tandem-proxy-soak.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

command -v nginx >/dev/null 2>&1 || ls /usr/sbin/nginx >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }

BACKEND=18181 TANDEM=18184 TANDEM_ADMIN=18185
source "$ROOT/bench/proxy/common.sh"
write_backend_conf
write_tandem_conf

prepare_proxy_command

taskset -c 1 nginx -c "$WORK/backend.conf" & PIDS+=($!)
taskset -c 0 $PROXY_CMD --config "$WORK/tandem.yaml" 2>"$WORK/tandem.err" & TANDEM_PID=$!; PIDS+=($TANDEM_PID)
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$TANDEM/" && break; sleep 0.1; done

taskset -c 1 $BENCH load --url "http://127.0.0.1:$TANDEM/" --rate 1000 --connections 100 --duration "$SOAK_SECONDS" --warmup 10 > "$WORK/load.json" & LOAD=$!
echo "| elapsed s | RSS MB | PSS MB | anon MB | CPU cores (interval) |"
echo "|---|---|---|---|---|"
# Growth is counted from the first sample after warm-up: 60 s, or half of a shorter soak.
SETTLED=$(( SOAK_SECONDS < 120 ? SOAK_SECONDS / 2 : 60 ))
hz=$(getconf CLK_TCK); prev=$(awk '{print $14+$15}' "/proc/$TANDEM_PID/stat"); first=""; last=""
for ((t = SAMPLE_SECONDS; t <= SOAK_SECONDS + 10; t += SAMPLE_SECONDS)); do
  sleep "$SAMPLE_SECONDS"
  kill -0 "$TANDEM_PID" 2>/dev/null || { echo "the proxy exited"; exit 1; }
  now=$(awk '{print $14+$15}' "/proc/$TANDEM_PID/stat")
  rss=$(awk '/VmRSS/{printf "%.1f", $2/1024}' "/proc/$TANDEM_PID/status")
  anon=$(awk '/RssAnon/{printf "%.1f", $2/1024}' "/proc/$TANDEM_PID/status")
  pss=$(awk '/^Pss:/{printf "%.1f", $2/1024}' "/proc/$TANDEM_PID/smaps_rollup")
  echo "| $t | $rss | $pss | $anon | $(awk -v d=$((now - prev)) -v hz="$hz" -v s="$SAMPLE_SECONDS" 'BEGIN{printf "%.3f", d/hz/s}') |"
  prev=$now; [ -z "$first" ] && [ "$t" -ge "$SETTLED" ] && first=$rss; last=$rss
done
wait $LOAD || true
echo
echo "load: $(cat "$WORK/load.json")"
echo "RSS growth from ${SETTLED} s to the end: $(awk -v a="$first" -v b="$last" 'BEGIN{printf "%+.1f MB", b-a}')"
echo "proxy: ${PROXY:-tandem}, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
