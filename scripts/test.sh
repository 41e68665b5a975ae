#!/usr/bin/env bash
# `npm test`: installs what is missing, then runs every suite (unit, workflow, integration).
# Integration tests start their own Temporal dev server and use a temporary SQLite database, plus
# PostgreSQL when DATABASE_URL is set or a local server answers (see test/helpers/databases.ts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
bash scripts/install-temporal.sh all
# Integration tests run the compiled worker and API as real processes.
npx tsc -p tsconfig.build.json
exec npx jest --maxWorkers=2 "$@"
