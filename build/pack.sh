#!/usr/bin/env bash
# Packs the two packages, Augment.Build (the MSBuild task and its engine, with OpenCV) and
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
# Both packages carry the CLI published ReadyToRun for linux-x64 (src/Augment.Cli/Augment.Cli.csproj):
# the tool is packed with -r linux-x64, and Augment.Build publishes its engine the same way. Either
# builds the CLI for that RID even with --no-build, which covers only the solution's RID-less build.
dotnet pack "$root/src/Augment.Cli/Augment.Cli.csproj" -c Release -r linux-x64 -nologo -v:q -clp:NoSummary -o "$feed"
dotnet pack "$root/src/Augment.Build.Tasks/Augment.Build.Tasks.csproj" -c Release -nologo -v:q -clp:NoSummary "${build[@]}" -o "$feed"
echo "packages in $feed:"
ls -1 "$feed"
