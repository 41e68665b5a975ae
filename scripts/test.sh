#!/usr/bin/env bash
# `npm test`: installs what is missing, then runs every suite (unit, workflow, integration, browser).
# Integration tests start their own Temporal dev server and use a temporary SQLite database, plus
# PostgreSQL when DATABASE_URL is set or a local server answers (see test/helpers/databases.ts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
bash scripts/install-temporal.sh all
# Debian packages the tests drive: chromium (browser suite), poppler-utils (report PDFs).
bash scripts/install-test-tools.sh
# Integration tests run the compiled worker and API as real processes.
npx tsc -p tsconfig.build.json
npm run --silent build:console
# The reliability suite has its own command (npm run test:reliability).
if [ $# -eq 0 ]; then
  set -- --selectProjects unit workflow integration browser
fi
exec npx jest --maxWorkers=2 "$@"
