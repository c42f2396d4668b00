#!/usr/bin/env bash
# The README's main command: sets up the machine, builds the tool, and runs it over the sample
# dataset. Until the dataset build lands, it decodes every sample image exactly as a build would and
# prints what it found.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

bash "$root/build/setup.sh"
dotnet build "$root/src/Augment.Cli/Augment.Cli.csproj" -c Release -nologo -v:q -clp:NoSummary
tool="$root/artifacts/bin/Augment.Cli/release/dotnet-augment"

echo "Sample dataset: $root/sample-dataset"
"$tool" --version
"$tool" inspect "$root/sample-dataset/images" "$root/sample-dataset/masks"
