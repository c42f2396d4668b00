#!/usr/bin/env bash
# Packs the two packages, Augment.Build (the MSBuild task, its engine and the native shim) and
# dotnet-augment (the tool), into the local folder feed artifacts/feed. Usage: build/pack.sh [FEED]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
feed=${1:-$root/artifacts/feed}

bash "$root/build/setup.sh"
mkdir -p "$feed"
# The same version is packed again after every change: drop the old files first.
rm -f "$feed"/augment.build.*.nupkg "$feed"/Augment.Build.*.nupkg "$feed"/dotnet-augment.*.nupkg
dotnet pack "$root/src/Augment.Cli/Augment.Cli.csproj" -c Release -nologo -v:q -clp:NoSummary -o "$feed"
dotnet pack "$root/src/Augment.Build.Tasks/Augment.Build.Tasks.csproj" -c Release -nologo -v:q -clp:NoSummary -o "$feed"
echo "packages in $feed:"
ls -1 "$feed"
