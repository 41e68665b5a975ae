#!/usr/bin/env bash
# Provides Schemathesis (property-based API testing from the OpenAPI document), idempotently:
#   .tools/bin/st   the Schemathesis CLI, pinned to SCHEMATHESIS_VERSION
# Installed from PyPI into a Python virtual environment kept in the tools cache (TOOLS_CACHE_DIR, as
# scripts/install-temporal.sh does), so a new clone or CI reuses it; .tools/ (git-ignored) holds the link.
# Needs Python 3.9+ with the venv module (Debian: python3-venv).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_BIN="$ROOT/.tools/bin"
CACHE_DIR="${TOOLS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pengaduan-dpmptsp-tools}"
SCHEMATHESIS_VERSION="4.32.5"
PYTHON="${PYTHON:-python3}"
VENV="$CACHE_DIR/schemathesis-$SCHEMATHESIS_VERSION"

log() { echo "[install-schemathesis] $*" >&2; }
mkdir -p "$TOOLS_BIN" "$CACHE_DIR"

if [ ! -f "$VENV/.complete" ]; then
  command -v "$PYTHON" >/dev/null || { log "Python 3 is required ($PYTHON not found)"; exit 1; }
  log "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  touch "$VENV/.complete"
fi
ln -sf "$VENV/bin/st" "$TOOLS_BIN/st"
log "schemathesis: $("$TOOLS_BIN/st" --version 2>/dev/null | head -1)"
