#!/usr/bin/env bash
# System packages for aelab: OpenBLAS (native BLAS behind dev.ludovic.netlib), Chromium (the browser
# test) and, where python3 cannot make a virtual environment, python3-venv. Installed with apt-get
# when running as root on Debian/Ubuntu; otherwise say what is missing and go on (the library falls
# back to pure-Java BLAS; the browser test names what it needs).
set -euo pipefail

missing=()
if command -v dpkg-query >/dev/null; then
  dpkg-query -W -f='${Status}' libopenblas0-pthread 2>/dev/null | grep -q "install ok installed" \
    || [ -e /usr/lib/x86_64-linux-gnu/libblas.so.3 ] || missing+=(libopenblas0-pthread)
  command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
    || command -v google-chrome >/dev/null || missing+=(chromium)
  if [ -z "${CONDA_PREFIX:-}" ] && command -v python3 >/dev/null && ! python3 -c "import ensurepip, venv" 2>/dev/null; then
    missing+=(python3-venv)
  fi
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "setup: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "setup: not installing ${missing[*]} (needs root and apt-get);" \
       "install them yourself for native BLAS and the browser test" >&2
fi
