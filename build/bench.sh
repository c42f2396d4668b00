#!/usr/bin/env bash
# The end-to-end dataset benchmark (PRODUCT.md section 11): sets up the machine (build/setup.sh, plus
# Debian's python3-opencv for the Python peer and GNU time), publishes the tool as it ships
# (ReadyToRun) and builds the codec-floor program in Release, generates the synthetic datasets under
# artifacts/bench/ (deterministic), runs every measurement and writes docs/benchmarks.md from the
# results. Takes about an hour on two cores with the default sizes (51 minutes on 2026-11-22).
#
#   build/bench.sh                        sizes 100, 1,000 and 10,000; writes docs/benchmarks.md
#   build/bench.sh --sizes 100,1000       a quicker run; writes artifacts/bench/benchmarks.md
#   build/bench.sh --distributed-only     only the distributed row (bench/distributed.py: two shards into
#                                         nginx and the gather at 10,000 sources, the 100,000-item gather
#                                         simulation), added to the last results; rewrites the page (or,
#                                         with no whole run's results here, only its distributed section)
#   options: --sizes LIST  --jobs LIST (default 1,2)  --pipelines segmentation,classification
#            --skip-peer  --skip-distributed  --output FILE  --report-only (rewrite the page from the last results)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

sizes=100,1000,10000
output=
report_only=false
distributed=true
distributed_only=false
run_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --jobs|--pipelines) run_args+=("$1" "$2"); shift 2 ;;
    --skip-peer) run_args+=("$1"); shift ;;
    --output) output=$2; shift 2 ;;
    --report-only) report_only=true; shift ;;
    --skip-distributed) distributed=false; shift ;;
    --distributed-only) distributed_only=true; shift ;;
    *) echo "bench: unknown option $1 (see the top of build/bench.sh)" >&2; exit 2 ;;
  esac
done
if [ -z "$output" ]; then
  if [ "$sizes" = 100,1000,10000 ] && [ ${#run_args[@]} -eq 0 ] && [ "$distributed" = true ]; then
    output="$root/docs/benchmarks.md"
  else
    output="$root/artifacts/bench/benchmarks.md" # a partial run does not replace the committed page
  fi
fi
results="$root/artifacts/bench/results.json"
python=/usr/bin/python3 # Debian's, where python3-opencv installs cv2 (not a pyenv or venv one)

if [ "$report_only" = true ]; then
  "$python" "$root/bench/report.py" "$results" "$output"
  echo "bench: wrote $output"
  exit 0
fi

bash "$root/build/setup.sh"

packages=(python3 python3-opencv python3-numpy time nginx-light)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "bench: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "bench: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The tool as it ships: the CLI published ReadyToRun for linux-x64, the files both packages carry
# (src/Augment.Cli/Augment.Cli.csproj), with an apphost to run it by. Not the JIT-only build output.
tool="$root/artifacts/bench/tool"
rm -rf "$tool"
dotnet publish "$root/src/Augment.Cli/Augment.Cli.csproj" -c Release -r linux-x64 -o "$tool" -nologo -v:q -clp:NoSummary
dotnet build "$root/bench/Floor/Augment.Bench.Floor.csproj" -c Release -nologo -v:q -clp:NoSummary

mkdir -p "$root/artifacts/bench"
if [ "$distributed_only" = false ]; then
  "$python" "$root/bench/run.py" \
    --tool "$tool/dotnet-augment" \
    --floor "$root/artifacts/bin/Augment.Bench.Floor/release/Augment.Bench.Floor" \
    --sizes "$sizes" --results "$results" ${run_args[@]+"${run_args[@]}"}
fi
if [ "$distributed" = true ]; then
  largest=${sizes##*,}
  "$python" "$root/bench/distributed.py" --tool "$tool/dotnet-augment" --size "$largest" --results "$results"
fi
if [ "$distributed_only" = true ] && ! "$python" -c 'import json, sys; sys.exit(0 if "machine" in json.load(open(sys.argv[1])) else 1)' "$results"; then
  # No whole run's results here (a fresh clone): the distributed section goes into the page as it stands.
  "$python" "$root/bench/report_distributed.py" "$results" "$output"
else
  "$python" "$root/bench/report.py" "$results" "$output"
fi
echo "bench: wrote $output"
