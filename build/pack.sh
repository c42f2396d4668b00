#!/usr/bin/env bash
# Packs the two packages, Augment.Build (the MSBuild task, its engine and the native shim) and
# dotnet-augment (the tool), into the local folder feed artifacts/feed.
# Usage: build/pack.sh [--no-build] [FEED]   (--no-build: the Release build is already there)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=()
if [ "${1:-}" = "--no-build" ]; then build=(--no-build); shift; fi
feed=${1:-$root/artifacts/feed}

bash "$root/build/setup.sh"
mkdir -p "$feed"
# The same version is packed again after every change: drop the old files first.
rm -f "$feed"/Augment.Build.*.nupkg "$feed"/dotnet-augment.*.nupkg
for project in Augment.Cli/Augment.Cli.csproj Augment.Build.Tasks/Augment.Build.Tasks.csproj; do
  dotnet pack "$root/src/$project" -c Release -nologo -v:q -clp:NoSummary "${build[@]}" -o "$feed"
done
echo "packages in $feed:"
ls -1 "$feed"
