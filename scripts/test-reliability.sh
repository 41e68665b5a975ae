#!/usr/bin/env bash
# `npm run test:reliability`: the fault and load scenarios (test/reliability), one summary line each.
# Like `npm test`, it installs what is missing first. PostgreSQL scenarios need PostgreSQL 15
# installed (the database-outage scenario runs its own private instance, started and stopped here).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
bash scripts/install-temporal.sh all
npx tsc -p tsconfig.build.json
rm -f test-artifacts/reliability-summary.txt
status=0
npx jest --maxWorkers=1 --selectProjects reliability "$@" || status=$?
echo "== reliability summary"
cat test-artifacts/reliability-summary.txt 2>/dev/null || true
exit $status
