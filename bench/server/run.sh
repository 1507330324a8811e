#!/usr/bin/env bash
# API server benchmark (docs/benchmarks.md, "API server"): a Kubelet on runc with PODS running busybox pods behind the
# API server on loopback; GET pods as a Table REQUESTS times, then WATCHERS watches over UPDATES pod label updates.
# Needs root. The busybox image is built offline (scripts/build-test-images) and imported, so nothing is pulled.
#
#   bench/server/run.sh                         # 100 pods, 2000 requests, 50 watchers, 100 updates
#   PODS=20 REQUESTS=500 bench/server/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d /tmp/tandem-server-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
scripts/build-test-images "$WORK/images" >/dev/null
dotnet build bench/Tandem.Bench.Server -c Release --nologo -v quiet >/dev/null
echo "== $(date -u +%FT%TZ) $(nproc) cores, $(uname -r)"
bench/Tandem.Bench.Server/bin/Release/net10.0/Tandem.Bench.Server "$WORK/images/busybox-oci.tar" "${PODS:-100}" "${REQUESTS:-2000}" "${WATCHERS:-50}" "${UPDATES:-100}"
