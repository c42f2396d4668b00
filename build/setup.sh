#!/usr/bin/env bash
# Installs what building Augment.Build needs on Debian 12, and nothing when it is already there:
# a C++ compiler, OpenCV 4.6's imgproc and imgcodecs development packages, libjpeg-turbo's and zlib's (the
# native shim is compiled against them). Uses sudo when not run as root. Safe to run any number of times.
set -euo pipefail

packages=(g++ libopencv-imgproc-dev libopencv-imgcodecs-dev libjpeg62-turbo-dev zlib1g-dev)

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required and 'dotnet' is not on PATH" >&2
  exit 1
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  if [ -f /usr/include/opencv4/opencv2/imgcodecs.hpp ] && command -v g++ >/dev/null 2>&1; then
    exit 0
  fi
  echo "setup: not a Debian system; install g++ and OpenCV 4.6 (imgproc, imgcodecs) headers yourself" >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi

echo "setup: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: installed ${missing[*]}"
