#!/usr/bin/env bash
# Installs what building and running Augment.Build needs, and nothing when it is already there: the
# one runtime library that OpenCvSharp's native library (libOpenCvSharpExtern.so, OpenCV 4.13 with
# its codecs linked in) finds missing on a fresh Debian or Ubuntu machine, GTK 3 (libgtk-3.so.0,
# package libgtk-3-0), which OpenCV's highgui links. No compiler, no -dev package. Uses sudo when not
# root. Safe to run any number of times. Other distributions: see the README (RHEL: dnf install gtk3).
# With --test (build/test.sh): also nginx-light, the real HTTP cache server (WebDAV PUT) that the
# distributed-build tests start on 127.0.0.1 (docs/distributed.md).
set -euo pipefail

packages=(libgtk-3-0)
if [ "${1:-}" = "--test" ]; then
  packages+=(nginx-light)
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required and 'dotnet' is not on PATH" >&2
  exit 1
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  # Not Debian or Ubuntu: check for the library itself and say what to install.
  if ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0' && { [ "${1:-}" != "--test" ] || command -v nginx >/dev/null 2>&1; }; then
    exit 0
  fi
  echo "setup: libgtk-3.so.0 (GTK 3) is missing, or nginx for the tests; install them (RHEL, Fedora: sudo dnf install gtk3 nginx)" >&2
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
