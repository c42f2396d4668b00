#!/usr/bin/env bash
# Runs the BenchmarkDotNet micro-benchmarks (tests/Augment.Benchmarks; its README.md says what they
# measure). Sets up the machine like build/test.sh, then passes every argument to BenchmarkDotNet:
#
#   build/microbench.sh --filter '*'              everything (minutes; not on a busy machine)
#   build/microbench.sh --filter '*Codec*'        one class
#   build/microbench.sh --list flat               what there is
#   build/microbench.sh --filter '*Op*' --job short
#
# Results: artifacts/benchmarks/results/*.md (GitHub markdown), logs beside them.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/build/setup.sh"
dotnet run -c Release --project "$root/tests/Augment.Benchmarks" -- "$@"
