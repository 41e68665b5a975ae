#!/usr/bin/env bash
# Provides mailpit, the local mail catcher `npm start` sends every e-mail to, idempotently:
#   .tools/bin/mailpit   (a link into the cache, like the temporal CLI; see install-temporal.sh)
# Built once with `go install` from the Go module proxy and cached outside the clone
# (TOOLS_CACHE_DIR), so a new clone or CI does not rebuild it. Exits non-zero when it cannot be
# provided (no Go, build failed): `npm start` then warns and logs deliveries instead of mailing them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_BIN="$ROOT/.tools/bin"
CACHE_DIR="${TOOLS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pengaduan-dpmptsp-tools}"
MAILPIT_VERSION="v1.33.1"

log() { echo "[install-mailpit] $*" >&2; }
mkdir -p "$TOOLS_BIN" "$CACHE_DIR"

target="$TOOLS_BIN/mailpit"
if [ -x "$target" ] && "$target" version --no-release-check >/dev/null 2>&1; then exit 0; fi
on_path="$(PATH="${PATH//$TOOLS_BIN:/}" command -v mailpit || true)"
if [ -n "$on_path" ] && [ "$on_path" != "$target" ]; then
  log "using the mailpit already on PATH: $on_path"
  ln -sf "$on_path" "$target"
  exit 0
fi
cached="$CACHE_DIR/mailpit-$MAILPIT_VERSION/mailpit"
if [ ! -x "$cached" ]; then
  command -v go >/dev/null || { log "Go is required to build mailpit (no mailpit on PATH)"; exit 1; }
  log "building mailpit $MAILPIT_VERSION with go install (first time only, a few minutes)"
  GOBIN="$(dirname "$cached")" GOFLAGS="${GOFLAGS:-} -buildvcs=false" \
    go install "github.com/axllent/mailpit@$MAILPIT_VERSION"
fi
ln -sf "$cached" "$target"
log "mailpit: $("$target" version --no-release-check 2>/dev/null | head -1)"
