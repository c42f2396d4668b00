#!/usr/bin/env bash
# The README's test command: sets up the machine, builds everything, packs the packages into
# artifacts/feed, runs every test project and ends with one line "N passed, N failed" summed from the TRX results.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
results="$root/artifacts/test-results"

summary() {
  local passed=0 failed=0 counters
  if compgen -G "$results/*.trx" >/dev/null; then
    counters=$(grep -oh '<Counters [^>]*' "$results"/*.trx || true)
    passed=$(grep -o ' passed="[0-9]*"' <<<"$counters" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
    failed=$(grep -oE ' (failed|error|timeout|aborted)="[0-9]*"' <<<"$counters" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
  fi
  echo "$passed passed, $failed failed"
}
trap summary EXIT

bash "$root/build/setup.sh" --test
rm -rf "$results"
dotnet build "$root/Augment.Build.sln" -c Release -nologo -v:q -clp:NoSummary
# The MSBuild tests consume the packages from the local feed, packed from this build.
bash "$root/build/pack.sh" --no-build
dotnet test "$root/Augment.Build.sln" -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
