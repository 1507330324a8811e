#!/usr/bin/env bash
# Proxy sidecar benchmark: direct vs tandem proxy vs nginx (upstream keepalive) vs haproxy,
# side by side in one run on this machine. Needs root for apt-get (nginx, haproxy, wrk).
#
#   bench/proxy/run.sh                 # default: 60 s measured after 15 s warm-up per target
#   DURATION=20 WARMUP=5 bench/proxy/run.sh
#   TARGETS="direct tandem" bench/proxy/run.sh
#
# Pinning: every proxy on CPU 0; load generators and the backend on CPU 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-15}
WRK_SECONDS=${WRK_SECONDS:-15}
WORK=$(mktemp -d /tmp/tandem-proxy-bench.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1 || ls "/usr/sbin/$1" >/dev/null 2>&1; }
if ! need nginx || ! need haproxy || ! need wrk; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx haproxy wrk >/dev/null
fi

BACKEND=18081 NGINX_PROXY=18082 HAPROXY=18083 TANDEM=18084 TANDEM_ADMIN=18085 TANDEM_TLS=18086 TANDEM_TLS_ADMIN=18087

source "$ROOT/bench/proxy/common.sh"
write_backend_conf
cat > "$WORK/nginx-proxy.conf" <<CONF
worker_processes 1; daemon off; pid $WORK/nginx-proxy.pid; error_log $WORK/nginx-proxy.err;
events { worker_connections 4096; }
http { access_log off;
  upstream app { server 127.0.0.1:$BACKEND; keepalive 128; keepalive_requests 1000000; }
  server { listen 127.0.0.1:$NGINX_PROXY; keepalive_requests 1000000;
    location / { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection ""; } } }
CONF
cat > "$WORK/haproxy.cfg" <<CONF
global
  nbthread 1
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  http-reuse always
frontend fe
  bind 127.0.0.1:$HAPROXY
  default_backend app
backend app
  server s1 127.0.0.1:$BACKEND
CONF
write_tandem_conf

prepare_proxy_command

# The "tandem-tls-jwt" row: TLS termination plus an RS256 JWT checked on every request.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost \
  -keyout "$WORK/tls.key" -out "$WORK/tls.crt" 2>/dev/null
TOKEN=$($BENCH token "$WORK")
cat > "$WORK/tandem-tls.yaml" <<CONF
listen:
  https: 127.0.0.1:$TANDEM_TLS
tls:
  certificate: tls.crt
  key: tls.key
admin:
  port: $TANDEM_TLS_ADMIN
accessLog:
  enabled: false
auth:
  jwt:
    issuer: https://bench.tandem
    audiences: [bench]
    jwksFile: jwks.json
routes:
  - name: app
    upstreams: [http://127.0.0.1:$BACKEND]
    auth: { require: jwt, scopes: [read] }
CONF

taskset -c 1 nginx -c "$WORK/backend.conf" & PIDS+=($!)
taskset -c 0 nginx -c "$WORK/nginx-proxy.conf" & PIDS+=($!)
taskset -c 0 haproxy -f "$WORK/haproxy.cfg" & PIDS+=($!)
taskset -c 0 $PROXY_CMD --config "$WORK/tandem.yaml" 2>"$WORK/tandem.err" & TANDEM_PID=$!; PIDS+=($TANDEM_PID)
taskset -c 0 $PROXY_CMD --config "$WORK/tandem-tls.yaml" 2>"$WORK/tandem-tls.err" & TANDEM_TLS_PID=$!; PIDS+=($TANDEM_TLS_PID)
for port in $BACKEND $NGINX_PROXY $HAPROXY $TANDEM $TANDEM_TLS_ADMIN; do
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
rss_kb() { awk '/VmRSS/{print $2}' "/proc/$1/status"; }
pss_kb() { awk '/^Pss:/{print $2}' "/proc/$1/smaps_rollup"; }
worker_pid() { # nginx: the worker does the work; haproxy and tandem: the process itself
  case $1 in nginx) pgrep -f "nginx: worker process" | while read -r p; do
      if grep -q "$WORK/nginx-proxy.conf" "/proc/$(awk '{print $4}' /proc/$p/stat)/cmdline" 2>/dev/null; then echo "$p"; fi; done | head -1;;
    haproxy) pgrep -n haproxy;; tandem) echo "$TANDEM_PID";; tandem-tls-jwt) echo "$TANDEM_TLS_PID";; esac; }

echo "| target | wrk req/s (64 conn) | CPU µs per request under wrk | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs | errors | CPU cores per 1000 req/s | RSS MB at 1000 req/s, 100 conn | PSS MB (same moment) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
declare -A PORTS=([direct]=$BACKEND [tandem]=$TANDEM [nginx]=$NGINX_PROXY [haproxy]=$HAPROXY [tandem-tls-jwt]=$TANDEM_TLS)
for name in ${TARGETS:-direct tandem nginx haproxy tandem-tls-jwt}; do
  port=${PORTS[$name]}
  scheme=http; auth=(); wrkauth=()
  if [ "$name" = tandem-tls-jwt ]; then scheme=https; auth=(--header "Authorization: Bearer $TOKEN"); wrkauth=(-H "Authorization: Bearer $TOKEN"); fi
  pid=""; [ "$name" != direct ] && pid=$(worker_pid "$name")
  # Warm-up, not measured: the .NET proxy compiles its hot paths to optimized code in its first
  # seconds, and on this loaded 2-core box that took up to a minute.
  taskset -c 1 wrk -t1 -c64 -d${WRK_WARMUP:-30}s "${wrkauth[@]}" "$scheme://127.0.0.1:$port/" >/dev/null
  wbefore=0; [ -n "$pid" ] && wbefore=$(cpu_ticks "$pid")
  wrkout=$(taskset -c 1 wrk -t1 -c64 -d${WRK_SECONDS}s "${wrkauth[@]}" "$scheme://127.0.0.1:$port/")
  rps=$(echo "$wrkout" | awk '/Requests\/sec/{print $2}')
  # CPU time per request at saturation: unlike req/s, it does not depend on how much of the shared
  # core the scheduler gave this process (a multi-threaded proxy gets more turns than nginx's one thread).
  usreq="-"
  if [ -n "$pid" ]; then
    usreq=$(awk -v t=$(( $(cpu_ticks "$pid") - wbefore )) -v hz="$(getconf CLK_TCK)" -v n="$(echo "$wrkout" | awk '/requests in/{print $1}')" 'BEGIN{printf "%.1f", t/hz/n*1e6}')
  fi
  before=0; [ -n "$pid" ] && before=$(cpu_ticks "$pid")
  lat=$(taskset -c 1 $BENCH load --url "$scheme://127.0.0.1:$port/" "${auth[@]}" --rate 1000 --connections 16 --duration "$DURATION" --warmup "$WARMUP")
  cpu="-"; rss="-"; pss="-"
  if [ -n "$pid" ]; then
    after=$(cpu_ticks "$pid")
    cpu=$(awk -v t=$((after-before)) -v s="$((DURATION+WARMUP))" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.3f", t/hz/s}')
    taskset -c 1 $BENCH load --url "$scheme://127.0.0.1:$port/" "${auth[@]}" --rate 1000 --connections 100 --duration 20 --warmup 5 >/dev/null & LOAD=$!
    sleep 20; rss=$(awk -v k="$(rss_kb "$pid")" 'BEGIN{printf "%.1f", k/1024}'); pss=$(awk -v k="$(pss_kb "$pid")" 'BEGIN{printf "%.1f", k/1024}'); wait $LOAD || true
  fi
  j() { echo "$lat" | sed -E "s/.*\"$1\":([0-9.]+).*/\1/"; }
  echo "| $name | $rps | $usreq | $(j p50_us) | $(j p90_us) | $(j p99_us) | $(j p999_us) | $(j max_us) | $(j errors) | $cpu | $rss | $pss |"
done
echo
echo "nginx $(nginx -v 2>&1 | sed 's/.*\///'), $(haproxy -v | head -1 | awk '{print $1, $3}'), proxy: ${PROXY:-tandem}, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
