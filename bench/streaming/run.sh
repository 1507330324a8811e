#!/bin/sh
# Exec round trip and port-forward throughput through Tandem's streaming routes with a real kubectl.
# Usage: bench/streaming/run.sh [--minor 33] [--runs 30] [--megabytes 256]
set -e
cd "$(dirname "$0")/../.."
dotnet build bench/Tandem.Bench.Streaming -c Release -v q -nologo >/dev/null
exec dotnet bench/Tandem.Bench.Streaming/bin/Release/net10.0/Tandem.Bench.Streaming.dll "$@"
