#!/usr/bin/env bash
# `npm run bench -- <name>`: builds and runs bench/<name>.ts (intake, task-completion, open-cases, ...).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
name="${1:?usage: npm run bench -- <name> (see bench/RESULTS.md)}"
bash scripts/ensure-deps.sh
bash scripts/install-temporal.sh
npx tsc -p tsconfig.bench.json
exec node dist/bench/"$name".js
