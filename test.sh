#!/usr/bin/env bash
# The whole test suite (the README's second command; .ci/run calls exactly this).
# Installs what the tests need, builds the solution once, runs every test project, and ends with
# one line "Total: N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$root"

scripts/install-prerequisites test
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$root/.build/test-results"
rm -rf "$results" && mkdir -p "$results"

dotnet build Tandem.slnx -c Release --nologo -v q -clp:ErrorsOnly

status=0
dotnet test Tandem.slnx -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  line=$(grep -o '<Counters [^>]*' "$trx" | head -1)
  num() { echo "$line" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(num passed)))
  failed=$((failed + $(num failed)))
  # A skipped xunit test is counted in total but not in executed.
  skipped=$((skipped + $(num total) - $(num executed)))
done
echo
echo "Total: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "the test run failed before any test failed (build or test host error); see above" >&2
fi
exit "$status"
