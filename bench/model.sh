#!/usr/bin/env bash
# The manifest benchmarks of docs/benchmarks.md: pipeline throughput on one core, and the
# start-up time of `tandem lint` on one file (the ReadyToRun build that ./tandem publishes).
# Usage: bench/model.sh [seconds-of-throughput-run]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
cd "$root"
command -v hyperfine >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }

dotnet build bench/Tandem.Bench.Model -c Release --nologo -v q -clp:ErrorsOnly >/dev/null
bench=bench/Tandem.Bench.Model/bin/Release/net10.0/Tandem.Bench.Model.dll
echo "== throughput: parse + decode + default + validate + lint, one thread (JIT and GC free to use the other core)"
dotnet "$bench" "${1:-10}"
echo
echo "== the same with the whole process pinned to one core (JIT and GC share it)"
taskset -c 1 dotnet "$bench" "${1:-10}"

echo
echo "== start-up: tandem lint on one file (ReadyToRun publish), 30 runs after 3 warm-ups"
./tandem version >/dev/null   # publishes the CLI if it is missing or stale
hyperfine --warmup 3 --runs 30 --style basic -i \
  "$root/.build/cli/tandem lint examples/sidecar-pod.yaml" \
  "$root/.build/cli/tandem version"
