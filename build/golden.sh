#!/usr/bin/env bash
# Regenerates the golden reference images in tests/golden from the cases in
# tests/Augment.GoldenImages/GoldenCases.cs. Only for an intended change of an op's output, reviewed
# image by image in the diff; never to make a failing test pass. Read tests/golden/README.md first.
#
#   build/golden.sh                    write the references
#   build/golden.sh --sheets <folder>  also write 4x review sheets (input | output, masks below) there
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dotnet run --project "$root/tests/Augment.GoldenImages" -c Release -- "$root/tests/golden" "$@"
git -C "$root" status --short -- tests/golden
