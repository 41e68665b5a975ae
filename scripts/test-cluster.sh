#!/usr/bin/env bash
# `npm run test:cluster`: the production topology's tests (test/cluster) against `npm run
# start:cluster`, which this starts (and stops afterwards) unless one already answers on :3000.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
API_URL="${CLUSTER_URL:-http://localhost:${PORT:-3000}}"
log() { echo "[test-cluster] $*" >&2; }

started=""
if ! curl -fsS "$API_URL/health" >/dev/null 2>&1; then
  log "starting the topology (npm run start:cluster; log: test-artifacts/cluster.log)"
  mkdir -p test-artifacts
  setsid bash scripts/start-cluster.sh >test-artifacts/cluster.log 2>&1 &
  started=$!
  trap 'log "stopping the topology"; kill -TERM -- "-$started" 2>/dev/null || true; wait "$started" 2>/dev/null || true' EXIT
  # First run: the Go builds of the Temporal server and UI take a few minutes.
  for _ in $(seq 1 1200); do
    curl -fsS "$API_URL/health" >/dev/null 2>&1 && break
    kill -0 "$started" 2>/dev/null || { log "start:cluster exited"; tail -30 test-artifacts/cluster.log >&2; exit 1; }
    sleep 1
  done
  curl -fsS "$API_URL/health" >/dev/null || { log "the topology did not come up"; tail -30 test-artifacts/cluster.log >&2; exit 1; }
fi
# The topology's own scenarios, then black-box e2e files against it (jest.config.js: cluster-e2e).
rm -f test-artifacts/cluster-summary.txt
status=0
npx jest --maxWorkers=1 --selectProjects cluster cluster-e2e "$@" || status=$?
echo "== cluster fault summary"
cat test-artifacts/cluster-summary.txt 2>/dev/null || true
exit $status
