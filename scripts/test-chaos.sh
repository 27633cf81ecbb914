#!/usr/bin/env bash
# `npm run test:chaos`: builds (the crash runs start the built api as a child process), then
# runs test/chaos/**/*.chaos-spec.ts with jest.chaos.config.js. Extra arguments go to Jest.
# Ends with the line "N passed, N failed" taken from Jest's JSON report, as .ci/run does.
set -uo pipefail
cd "$(dirname "$0")/.."

report="$(mktemp -d)/jest-chaos.json"

if ! npm run build; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

npx jest --config jest.chaos.config.js --json --outputFile="$report" "$@"
status=$?

if [ -s "$report" ]; then
  node -e '
    const r = require(process.argv[1]);
    const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
    console.log(`${r.numPassedTests} passed, ${failed} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
  ' "$report"
else
  echo "0 passed, 1 failed"
  [ "$status" -eq 0 ] && status=1
fi
exit "$status"
