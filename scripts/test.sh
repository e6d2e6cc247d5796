#!/usr/bin/env bash
# The whole test suite: static checks, unit tests, end-to-end flows on the real @vtex/api runtime
# against the emulator, and browser tests in Debian's Chromium. Installs what it needs itself.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

if [ ! -x /usr/bin/chromium ]; then
  step "Installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
  fi
fi

step 'Type check (TypeScript strict)'
npx tsc -p tsconfig.json --noEmit

step 'Lint (ESLint) and format (Prettier)'
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }

step 'VTEX build check: the uploaded files, built as the node and react builders build them'
node --import tsx scripts/vtex-build-check/main.ts

step 'Tests (node:test): units, emulator, end-to-end on the real runtime, browser'
mapfile -t files < <(find node emulator test -name '*.test.ts' -not -path '*/node_modules/*' | sort)
# The runtime writes its JSON log lines to stdout; they go to a file so the report stays readable.
mkdir -p test-results
node --import tsx --test --test-force-exit --test-reporter=spec --test-reporter-destination=stdout \
  "${files[@]}" 2>&1 | grep -v -P '__VTEX_IO_LOG|__VTEX_IO_BILLING|^\[\d\d:\d\d:\d\d\.\d{3}Z\]\t' |
  tee test-results/test-output.txt
status="${PIPESTATUS[0]}"
passed=$(grep -E '^ℹ pass [0-9]+' test-results/test-output.txt | tail -1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^ℹ fail [0-9]+' test-results/test-output.txt | tail -1 | grep -oE '[0-9]+' || echo 0)
echo
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
