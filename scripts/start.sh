#!/usr/bin/env bash
# `npm start`: the whole system on embedded defaults, in the foreground; Ctrl-C stops it all.
#   Temporal dev server (SQLite file data/temporal.sqlite, Web UI :8233), app database migrations
#   (SQLite data/app.sqlite, or PostgreSQL when DATABASE_URL is set), the worker, the API on :3000,
#   and the mail catcher mailpit (web inbox :8025, SMTP :1025) unless SMTP_URL is set.
# With TEMPORAL_ADDRESS set, no dev server is started and that Temporal is used instead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/ensure-deps.sh
echo "[start] building" >&2
npx tsc -p tsconfig.build.json
npm run --silent build:console

DATA_DIR="${DATA_DIR:-$ROOT/data}"
mkdir -p "$DATA_DIR"
export DATA_DIR
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
UI_PORT="${TEMPORAL_UI_PORT:-8233}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
PIDS=()

cleanup() {
  trap - INT TERM EXIT
  echo "[start] stopping..." >&2
  # API and worker first (they drain in-flight work), the Temporal server last.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill -TERM "${PIDS[i]}" 2>/dev/null || true; wait "${PIDS[i]}" 2>/dev/null || true; done
  echo "[start] stopped" >&2
}
trap cleanup INT TERM EXIT

# shellcheck source=scripts/wait-for-port.sh
. "$ROOT/scripts/wait-for-port.sh"

if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  bash scripts/install-temporal.sh cli
  # shellcheck disable=SC2046
  "$ROOT/.tools/bin/temporal" server start-dev \
    --db-filename "$DATA_DIR/temporal.sqlite" \
    --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$UI_PORT" \
    --namespace "$NAMESPACE" --log-level warn \
    --ui-codec-endpoint "http://localhost:${PORT:-3000}/codec" \
    $(node dist/src/temporal/print-search-attributes.js) &
  PIDS+=($!)
  export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
  # The Web UI's origin: the API's codec endpoint answers its browser requests (CORS).
  export TEMPORAL_UI_URL="${TEMPORAL_UI_URL:-http://localhost:$UI_PORT}"
  wait_for_port 127.0.0.1 "$TEMPORAL_PORT" 60 "Temporal dev server"
  wait_for_port 127.0.0.1 "$UI_PORT" 60 "Temporal Web UI"
fi

# The mail catcher: every e-mail the system sends lands in mailpit's web inbox (README,
# Notifications). Not with SMTP_URL set (that server is used), nor with MAILPIT=0. If mailpit
# cannot be installed or started, start goes on and e-mails are only written to the worker's log.
MAIL_UI_PORT="${MAILPIT_UI_PORT:-8025}"
MAIL_SMTP_PORT="${MAILPIT_SMTP_PORT:-1025}"
MAIL_INBOX="(none: SMTP_URL=${SMTP_URL:-unset})"
if [ -z "${SMTP_URL:-}" ] && [ "${MAILPIT:-1}" != 0 ]; then
  if bash scripts/install-mailpit.sh; then
    "$ROOT/.tools/bin/mailpit" --listen "127.0.0.1:$MAIL_UI_PORT" --smtp "127.0.0.1:$MAIL_SMTP_PORT" \
      --database "$DATA_DIR/mailpit.db" --disable-version-check --quiet &
    PIDS+=($!)
    if wait_for_port 127.0.0.1 "$MAIL_SMTP_PORT" 30 "mailpit" && sleep 0.5 && kill -0 "${PIDS[-1]}" 2>/dev/null; then
      export SMTP_URL="smtp://127.0.0.1:$MAIL_SMTP_PORT"
      MAIL_INBOX="http://localhost:$MAIL_UI_PORT"
    else
      # Not supervised: a mail catcher that could not start (a port in use) must not stop the rest.
      kill -TERM "${PIDS[-1]}" 2>/dev/null || true
      unset 'PIDS[-1]'
      echo "[start] warning: mailpit did not start; e-mails will only be logged" >&2
    fi
  else
    echo "[start] warning: mailpit could not be installed; e-mails will only be logged" >&2
  fi
fi

node dist/src/db/migrate.js
WORKER_METRICS_ADDRESS="${WORKER_METRICS_ADDRESS:-127.0.0.1:9464}" node dist/src/worker/main.js &
PIDS+=($!)
node dist/src/api/main.js &
PIDS+=($!)
wait_for_port 127.0.0.1 "${PORT:-3000}" 60 "API"

cat >&2 <<MSG

  Pengaduan DPM-PTSP Kota Prabumulih is running
    API            http://localhost:${PORT:-3000}/api
    API docs       http://localhost:${PORT:-3000}/docs
    Health         http://localhost:${PORT:-3000}/health
    Metrics        http://localhost:${PORT:-3000}/metrics (API), http://${WORKER_METRICS_ADDRESS:-127.0.0.1:9464}/metrics (worker)
    Temporal UI    http://localhost:${UI_PORT}/namespaces/${NAMESPACE}/workflows
                   payloads are encrypted; the UI has them decoded by http://localhost:${PORT:-3000}/codec for
                   an operator signed in to the console at http://localhost:${PORT:-3000}/staf. Once, in the
                   UI's Codec Server settings: "Use my browser setting", that endpoint, and
                   "Include cross-origin credentials" (the dev server cannot set it)
    Temporal gRPC  ${TEMPORAL_ADDRESS}
    Mail inbox     ${MAIL_INBOX}
  Press Ctrl-C to stop.

MSG
# Stop everything as soon as any one process exits.
wait -n "${PIDS[@]}"
echo "[start] a process exited; shutting down" >&2
