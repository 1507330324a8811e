#!/usr/bin/env bash
# Pod start benchmark: Tandem's node (Kubelet on runc, in-process) against `podman kube play` of the same pod,
# interleaved run by run in one process so both see the same machine load. Needs root.
#
#   bench/pods/run.sh            # 50 measured single-pod starts each, then 10 pods at once with memory
#   RUNS=20 PODS=10 bench/pods/run.sh
#   NO_PODMAN=1 bench/pods/run.sh   # tandem only
#
# Installs podman (Debian) when missing and configures it as the issue says: runtime runc, no default ulimits.
# The busybox image is built offline (scripts/build-test-images) and imported into both, so nothing is pulled.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-50}
PODS=${PODS:-10}
WORK=$(mktemp -d /tmp/tandem-pods-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
IMAGE=localhost/tandem-bench/busybox:1
flags=()

if [ -z "${NO_PODMAN:-}" ]; then
  if ! command -v podman >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman >/dev/null
  fi
  conf=/etc/containers/containers.conf
  if ! grep -qs '^runtime *= *"runc"' "$conf" || ! grep -qs '^default_ulimits *= *\[\]' "$conf"; then
    [ -f "$conf" ] && cp "$conf" "$conf.before-tandem-bench"
    mkdir -p /etc/containers
    cat > "$conf" <<'CONF'
# Written by Tandem's bench/pods/run.sh: runc (as Tandem uses; crun fails on hybrid-cgroup hosts) and no default
# ulimits (podman's defaults fail on this host).
[containers]
default_ulimits = []

[engine]
runtime = "runc"
CONF
  fi
else
  flags+=(--no-podman)
fi

scripts/build-test-images "$WORK/images" >/dev/null
if [ -z "${NO_PODMAN:-}" ]; then
  podman rmi --force "$IMAGE" >/dev/null 2>&1 || true
  skopeo copy --quiet "oci-archive:$WORK/images/busybox-oci.tar" "containers-storage:$IMAGE" 2>/dev/null
fi

dotnet build bench/Tandem.Bench.Node -c Release --nologo -v quiet >/dev/null
bench=bench/Tandem.Bench.Node/bin/Release/net10.0/Tandem.Bench.Node
echo "== $(date -u +%FT%TZ) $(nproc) cores, $(uname -r), runc $(runc --version | head -1 | awk '{print $3}')${NO_PODMAN:+}$( [ -z "${NO_PODMAN:-}" ] && echo ", podman $(podman --version | awk '{print $3}')")"
"$bench" start "$RUNS" "$WORK/images/busybox-oci.tar" "${flags[@]}"
"$bench" burst "$PODS" "$WORK/images/busybox-oci.tar" "${flags[@]}"
