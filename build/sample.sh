#!/usr/bin/env bash
# The README's main command: sets up the machine, builds the tool, and builds the sample dataset
# (sample-dataset/augment.yaml: segmentation with masks; classification.yaml: JPEG crops), then
# prints where the dataset is and what it holds. A second run renders nothing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

bash "$root/build/setup.sh"
dotnet build "$root/src/Augment.Cli/Augment.Cli.csproj" -c Release -nologo -v:q -clp:NoSummary
tool="$root/artifacts/bin/Augment.Cli/release/dotnet-augment"

"$tool" --version
for config in augment.yaml classification.yaml; do
  echo
  echo "== sample-dataset/$config"
  "$tool" build "$root/sample-dataset/$config"
done

echo
echo "The sample dataset is in $root/sample-dataset/out:"
for dataset in "$root"/sample-dataset/out/*/; do
  count() { if [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi; }
  images=$(count "$dataset/images")
  masks=$(count "$dataset/masks")
  echo "  $(basename "$dataset"): $images images, $masks masks, manifest $(basename "$dataset")/manifest.json"
done
