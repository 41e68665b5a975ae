#!/usr/bin/env bash
# Installs the npm packages when they are missing or older than the lockfile, then builds.
# Shared by `npm start` and `npm test`, so a fresh clone needs nothing beforehand.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund
fi
