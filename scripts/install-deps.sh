#!/usr/bin/env bash
# Installs the Debian 12 packages tiegraph needs to build, test and benchmark.
# Idempotent: when everything is present it only checks and returns in well under a second.
# Usage: scripts/install-deps.sh            (as root, or as a user with passwordless sudo)
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsqlite3-dev sqlite3
  libpqxx-dev libpq-dev
  postgresql  # server binaries for the tests' throwaway cluster (scripts/pg-test-server.sh)
  libicu-dev
  libgumbo-dev
  nlohmann-json3-dev
  libcli11-dev
  libfmt-dev
  libcpp-httplib-dev
  libxxhash-dev
  zlib1g-dev libzstd-dev
  libgtest-dev libgmock-dev
  libbenchmark-dev
  python3
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-deps: these Debian packages are missing: ${missing[*]}" >&2
  echo "install-deps: run this script as root (or with passwordless sudo), or install them with:" >&2
  echo "  sudo apt-get install --no-upgrade ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-upgrade --no-install-recommends "${missing[@]}"
