#!/usr/bin/env bash
# Provides what `npm run start:cluster` runs, idempotently, built from the Go module proxy (no
# container images here) at the versions docker-compose.yml runs:
#   .tools/cluster/bin/temporal-server     go.temporal.io/server/cmd/server       (temporalio/server:1.29.1)
#   .tools/cluster/bin/temporal-sql-tool   go.temporal.io/server/cmd/tools/sql   (temporalio/admin-tools:1.29.1)
#   .tools/cluster/bin/temporal-ui-server  github.com/temporalio/ui-server/v2     (temporalio/ui:2.42.1)
#   .tools/cluster/schema                  the server module's SQL schema files (postgresql/v12)
#   caddy                                  Debian's package (the compose stack's proxy)
# Builds are cached outside the clone (TOOLS_CACHE_DIR), like the CLI in install-temporal.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/.tools/cluster"
CACHE_DIR="${TOOLS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pengaduan-dpmptsp-tools}"
SERVER_VERSION="v1.29.1"
UI_VERSION="v2.42.1"

log() { echo "[install-cluster] $*" >&2; }
mkdir -p "$OUT/bin" "$CACHE_DIR"

need_go() { command -v go >/dev/null || { log "Go is required to build the Temporal server"; exit 1; }; }

# name, package@version, cache subdirectory
build() {
  local name="$1" pkg="$2" dir="$CACHE_DIR/$3"
  local built
  built="$dir/$(basename "${pkg%@*}")"
  if [ ! -x "$dir/.$name" ]; then
    need_go
    log "building $pkg with go install (first time only, a few minutes)"
    mkdir -p "$dir"
    GOBIN="$dir" GOFLAGS="${GOFLAGS:-} -buildvcs=false" go install "$pkg"
    mv "$built" "$dir/.$name"
  fi
  ln -sf "$dir/.$name" "$OUT/bin/$name"
}

build temporal-server "go.temporal.io/server/cmd/server@$SERVER_VERSION" "temporal-server-$SERVER_VERSION"
build temporal-sql-tool "go.temporal.io/server/cmd/tools/sql@$SERVER_VERSION" "temporal-server-$SERVER_VERSION"
build temporal-ui-server "github.com/temporalio/ui-server/v2/cmd/server@$UI_VERSION" "temporal-ui-$UI_VERSION"

# The schema files ship inside the server module (the admin-tools image copies the same directory).
SCHEMA_CACHE="$CACHE_DIR/temporal-server-$SERVER_VERSION/schema"
if [ ! -d "$SCHEMA_CACHE/postgresql/v12" ]; then
  need_go
  module_dir="$(cd "$CACHE_DIR" && go mod download -json "go.temporal.io/server@$SERVER_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -d "$module_dir/schema/postgresql/v12" ] || { log "no schema in $module_dir"; exit 1; }
  rm -rf "$SCHEMA_CACHE.tmp" && cp -r "$module_dir/schema" "$SCHEMA_CACHE.tmp" && mv "$SCHEMA_CACHE.tmp" "$SCHEMA_CACHE"
fi
ln -sfn "$SCHEMA_CACHE" "$OUT/schema"

if ! command -v caddy >/dev/null; then
  log "installing caddy (Debian package)"
  apt-get install -y -qq caddy >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq caddy >/dev/null; }
  # The package starts a system-wide caddy on :80; the cluster runs its own.
  systemctl disable --now caddy >/dev/null 2>&1 || true
fi

log "temporal server $("$OUT/bin/temporal-server" --version 2>/dev/null | tail -1), $(caddy version | cut -d' ' -f1) caddy"
