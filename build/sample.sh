#!/usr/bin/env bash
# The README's main command: sets up the machine, then builds the sample dataset project with
# `dotnet build` (which builds the task and the engine it references first), and prints where the
# dataset is and what it holds. sample-dataset/augment.yaml is segmentation with masks;
# classification.yaml makes JPEG crops of the photographs; detection.yaml moves hand-drawn YOLO boxes
# (sample-dataset/labels) with three of them; voc.yaml crops and rotates two with Pascal VOC boxes
# (sample-dataset/annotations); coco.yaml moves the boxes of one COCO file (sample-dataset/coco) and
# writes one for the output; pose.yaml moves YOLO-pose keypoints (sample-dataset/pose). A second run
# renders nothing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

bash "$root/build/setup.sh"
dotnet build "$root/sample-dataset/sample-dataset.proj" -c Release -nologo -tl:off -v:m

echo
echo "The sample dataset is in $root/sample-dataset/out:"
count() { if [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi; }
for dataset in "$root"/sample-dataset/out/*/; do
  name=$(basename "$dataset")
  manifest="(no manifest)"
  if [ -f "$dataset/manifest.json" ]; then manifest="manifest $name/manifest.json"; fi
  labels=
  for folder in labels annotations; do
    if [ -d "$dataset/$folder" ]; then
      n=$(count "$dataset/$folder")
      if [ "$n" = 1 ]; then labels=", 1 label file"; else labels=", $n label files"; fi
    fi
  done
  echo "  $name: $(count "$dataset/images") images, $(count "$dataset/masks") masks$labels, $manifest"
done
