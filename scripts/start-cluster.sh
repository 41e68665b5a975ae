#!/usr/bin/env bash
# `npm run start:cluster`: the production topology of docker-compose.yml, natively on this machine,
# in the foreground; Ctrl-C stops it all. Same configuration files as the compose stack:
#   PostgreSQL        a private instance (data/cluster/postgres, port CLUSTER_PG_PORT=55432) with the
#                     databases temporal, temporal_visibility (SQL advanced visibility) and pengaduan
#   Temporal schema   temporal-sql-tool setup-schema + update-schema (run on every start: upgrades)
#   Temporal server   frontend, history, matching and worker as four processes (deploy/temporal/cluster.yaml)
#   Temporal setup    namespace, retention and search attributes (dist/src/temporal/setup-cluster.main.js)
#   Temporal Web UI   read-only (deploy/temporal-ui/cluster.yaml), behind a password on :8233 (Caddy)
#   app               migrations, 2 workers, 2 API replicas (:3101, :3102)
#   Caddy             deploy/Caddyfile: the API replicas on :3000, the Web UI on :8233
# Logs: data/cluster/logs/<process>.log (PostgreSQL: data/cluster/postgres/server.log); a process
# that exits is restarted, as in the compose stack.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/ensure-deps.sh
bash scripts/install-cluster-tools.sh
echo "[cluster] building" >&2
npx tsc -p tsconfig.build.json
npm run --silent build:console

BIN="$ROOT/.tools/cluster/bin"
DIR="${CLUSTER_DIR:-$ROOT/data/cluster}"
LOGS="$DIR/logs"
PG_PORT="${CLUSTER_PG_PORT:-55432}"
PG_USER=pengaduan
PG_PASSWORD="${CLUSTER_PG_PASSWORD:-pengaduan-cluster}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
API_PORT="${PORT:-3000}"
UI_PORT="${TEMPORAL_UI_PORT:-8233}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
mkdir -p "$DIR" "$LOGS" "$DIR/pids"
rm -f "$DIR"/pids/*.hold
PIDS=()

log() { echo "[cluster] $*" >&2; }

# initdb and pg_ctl refuse to run as root: as root, the cluster belongs to the postgres OS user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  trap - INT TERM EXIT
  log "stopping..."
  # Proxy, APIs and workers first (they drain in-flight work), the Temporal services, PostgreSQL last.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM "${PIDS[i]}" 2>/dev/null || true
    wait "${PIDS[i]}" 2>/dev/null || true
  done
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/postgres" -m fast -w stop >/dev/null 2>&1 || true
  log "stopped"
}
trap cleanup INT TERM EXIT

# shellcheck source=scripts/wait-for-port.sh
. "$ROOT/scripts/wait-for-port.sh"

# name, command...: runs in the background, logging to $LOGS/name.log, restarted a second after it
# exits (the compose stack's `restart: unless-stopped`), so a killed worker or replica comes back.
# $DIR/pids/name.pid holds the current process's PID (the fault tests kill it).
# Old .hold files are removed at start.
run() {
  local name="$1"
  shift
  (
    child=0
    stopping=0
    trap 'stopping=1; kill -TERM "$child" 2>/dev/null; wait "$child"; exit 0' TERM INT
    while [ "$stopping" = 0 ]; do
      "$@" >>"$LOGS/$name.log" 2>&1 &
      child=$!
      echo "$child" >"$DIR/pids/$name.pid"
      code=0
      wait "$child" || code=$?
      [ "$stopping" = 1 ] && break
      # $DIR/pids/name.hold keeps it stopped until removed (an upgrade rehearsal takes it out).
      while [ -f "$DIR/pids/$name.hold" ] && [ "$stopping" = 0 ]; do sleep 1; done
      echo "[cluster] $name exited ($code); restarting in 1 s" >>"$LOGS/$name.log"
      sleep 1
    done
  ) &
  PIDS+=($!)
}

# --- PostgreSQL -----------------------------------------------------------------------------------
[ -x "$PG_BIN/initdb" ] || { log "PostgreSQL is not installed (no initdb; set PG_BIN)"; exit 1; }
if [ ! -f "$DIR/postgres/PG_VERSION" ]; then
  log "creating the PostgreSQL cluster in $DIR/postgres"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  printf '%s\n' "$PG_PASSWORD" >"$DIR/.pgpass-init"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR/.pgpass-init"
  as_pg "$PG_BIN/initdb" -D "$DIR/postgres" -U "$PG_USER" -A scram-sha-256 --pwfile="$DIR/.pgpass-init" >/dev/null
  rm -f "$DIR/.pgpass-init"
fi
as_pg "$PG_BIN/pg_ctl" -D "$DIR/postgres" -l "$DIR/postgres/server.log" -w \
  -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
export PGPASSWORD="$PG_PASSWORD"
for db in temporal temporal_visibility pengaduan; do
  if ! psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    psql -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -c "create database $db" </dev/null
  fi
done

# --- Temporal schema (the compose stack's temporal-schema step) -----------------------------------
sql_tool() { "$BIN/temporal-sql-tool" --plugin postgres12 --ep 127.0.0.1 -p "$PG_PORT" -u "$PG_USER" --pw "$PG_PASSWORD" "$@"; }
for pair in temporal:temporal temporal_visibility:visibility; do
  db="${pair%%:*}"
  sql_tool --db "$db" setup-schema -v 0.0 >>"$LOGS/schema.log" 2>&1
  sql_tool --db "$db" update-schema -d "$ROOT/.tools/cluster/schema/postgresql/v12/${pair#*:}/versioned" >>"$LOGS/schema.log" 2>&1
done
log "Temporal schema up to date (log: $LOGS/schema.log)"

# --- Temporal services, one process each ----------------------------------------------------------
export TEMPORAL_DB_HOST=127.0.0.1 TEMPORAL_DB_PORT="$PG_PORT" TEMPORAL_DB_USER="$PG_USER" TEMPORAL_DB_PASSWORD="$PG_PASSWORD"
export TEMPORAL_BIND_IP=127.0.0.1 TEMPORAL_BROADCAST_ADDRESS=127.0.0.1 TEMPORAL_FRONTEND_ADDRESS=127.0.0.1:7233
export TEMPORAL_DYNAMIC_CONFIG="$ROOT/deploy/temporal/dynamicconfig.yaml" TEMPORAL_LOG_LEVEL="${TEMPORAL_LOG_LEVEL:-warn}"
metrics_port=8000
for service in history matching frontend worker; do
  TEMPORAL_METRICS_ADDRESS="127.0.0.1:$metrics_port" run "temporal-$service" \
    "$BIN/temporal-server" --root "$ROOT/deploy" --config temporal --env cluster --allow-no-auth \
    start --service "$service"
  metrics_port=$((metrics_port + 1))
done
wait_for_port 127.0.0.1 7233 120 "Temporal frontend"

export TEMPORAL_ADDRESS=127.0.0.1:7233 TEMPORAL_NAMESPACE="$NAMESPACE" TEMPORAL_UI_URL="http://localhost:$UI_PORT"
export NODE_ENV="${NODE_ENV:-production}"
export DATABASE_URL="postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/pengaduan"
export DATA_DIR="$DIR/app"
# Secrets of this local topology (production sets its own in .env): kept across restarts.
random() { head -c "$1" /dev/urandom | base64 | tr -d '/+='; }
touch "$DIR/secrets.env" && chmod 600 "$DIR/secrets.env"
grep -q '^JWT_SECRET=' "$DIR/secrets.env" || echo "JWT_SECRET=$(random 24)" >>"$DIR/secrets.env"
# The seed users' first password (production refuses the development default).
grep -q '^SEED_PASSWORD=' "$DIR/secrets.env" || echo "SEED_PASSWORD=Seed-$(random 9)" >>"$DIR/secrets.env"
grep -q '^UI_PASSWORD=' "$DIR/secrets.env" || echo "UI_PASSWORD=$(random 12)" >>"$DIR/secrets.env"
# Keys of the encrypted personal data (README, Pelindungan data pribadi): 32 random bytes each.
grep -q '^PERSONAL_DATA_KEYS=' "$DIR/secrets.env" ||
  echo "PERSONAL_DATA_KEYS=k1:$(head -c 32 /dev/urandom | base64 -w0)" >>"$DIR/secrets.env"
grep -q '^PERSONAL_DATA_HASH_KEY=' "$DIR/secrets.env" ||
  echo "PERSONAL_DATA_HASH_KEY=$(head -c 32 /dev/urandom | base64 -w0)" >>"$DIR/secrets.env"
# The key Temporal payloads are encrypted with, the same for the APIs and the workers (rotation:
# README, Pelindungan data pribadi).
grep -q '^TEMPORAL_PAYLOAD_KEYS=' "$DIR/secrets.env" ||
  echo "TEMPORAL_PAYLOAD_KEYS=cluster1:$(head -c 32 /dev/urandom | base64)" >>"$DIR/secrets.env"
set -a
# shellcheck disable=SC1091
. "$DIR/secrets.env"
set +a
mkdir -p "$DATA_DIR"
node dist/src/temporal/setup-cluster.main.js >>"$LOGS/temporal-setup.log" 2>&1 ||
  { log "Temporal setup failed (see $LOGS/temporal-setup.log)"; exit 1; }
log "namespace $NAMESPACE and search attributes ready"

# --- Web UI (read-only) ---------------------------------------------------------------------------
# It has payloads decoded by the API's codec endpoint (through Caddy, with the console's sign-in cookie).
TEMPORAL_UI_PORT_INTERNAL=8234 TEMPORAL_CODEC_ENDPOINT="http://localhost:$API_PORT/codec" run temporal-ui \
  "$BIN/temporal-ui-server" --root "$ROOT/deploy" --config temporal-ui --env cluster start

# --- the app --------------------------------------------------------------------------------------
# Production seeds no accounts; this topology is for trying and testing the system, so the migration
# step adds the seed users (README, Accounts) with SEED_PASSWORD unless CLUSTER_SEED_USERS=0.
migrate_env=()
[ "${CLUSTER_SEED_USERS:-1}" = 1 ] && migrate_env=(NODE_ENV=development)
env "${migrate_env[@]}" node dist/src/db/migrate.js >>"$LOGS/migrate.log" 2>&1 ||
  { log "migrations failed (see $LOGS/migrate.log)"; exit 1; }
WORKER_METRICS_ADDRESS=127.0.0.1:9464 run worker-1 node dist/src/worker/main.js
WORKER_METRICS_ADDRESS=127.0.0.1:9465 run worker-2 node dist/src/worker/main.js
PORT=3101 TRUST_PROXY=true PUBLIC_URL="${PUBLIC_URL:-http://localhost:$API_PORT}" run api-1 node dist/src/api/main.js
PORT=3102 TRUST_PROXY=true PUBLIC_URL="${PUBLIC_URL:-http://localhost:$API_PORT}" run api-2 node dist/src/api/main.js
wait_for_port 127.0.0.1 3101 90 "API replica 1"
wait_for_port 127.0.0.1 3102 90 "API replica 2"

# --- Caddy: the compose stack's Caddyfile, with this topology's upstreams -------------------------
UI_PASSWORD_HASH="$(caddy hash-password --plaintext "$UI_PASSWORD")" \
  PROXY_LISTEN=":$API_PORT" UI_LISTEN=":$UI_PORT" API_UPSTREAMS_FILE=upstreams-local.caddy \
  UI_UPSTREAM=127.0.0.1:8234 run caddy caddy run --config deploy/Caddyfile --adapter caddyfile
wait_for_port 127.0.0.1 "$API_PORT" 30 "Caddy"

cat >&2 <<MSG

  Pengaduan DPM-PTSP Kota Prabumulih: production topology on this machine
    API (2 replicas behind Caddy)  http://localhost:$API_PORT/api   (console: /staf, health: /health)
    Temporal Web UI (read-only)    http://localhost:$UI_PORT  user "operator", password UI_PASSWORD in $DIR/secrets.env
    Seed users' password           SEED_PASSWORD in $DIR/secrets.env
    Temporal frontend              127.0.0.1:7233 (history, matching, worker: separate processes)
    PostgreSQL                     127.0.0.1:$PG_PORT (temporal, temporal_visibility, pengaduan)
    Workers                        2 (metrics :9464, :9465)
    Logs                           $LOGS
  Press Ctrl-C to stop.

MSG
# Processes that exit are restarted (run); this waits for Ctrl-C (or SIGTERM).
wait
