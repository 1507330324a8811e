#!/bin/sh
# Exec round trip and port-forward throughput through Tandem's streaming routes with a real kubectl.
# Usage: bench/streaming/run.sh [--runc] [--minor 33] [--runs 30] [--megabytes 256]
#   default: the "pod" is host processes (the protocol layer alone, no root needed);
#   --runc:  a real Kubelet on runc behind the real ApiServer (TLS + token) with a busybox pod (root; the image is
#            built offline by scripts/build-test-images, nothing is pulled).
set -e
cd "$(dirname "$0")/../.."
dotnet build bench/Tandem.Bench.Streaming -c Release -v q -nologo >/dev/null
dll=bench/Tandem.Bench.Streaming/bin/Release/net10.0/Tandem.Bench.Streaming.dll
if [ "$1" = "--runc" ]; then
  shift
  work=$(mktemp -d /tmp/tandem-streaming-bench.XXXXXX)
  trap 'rm -rf "$work"' EXIT
  scripts/build-test-images "$work/images" >/dev/null
  dotnet "$dll" --runc "$work/images/busybox-oci.tar" "$@"
else
  exec dotnet "$dll" "$@"
fi
