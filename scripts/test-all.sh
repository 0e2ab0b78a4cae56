#!/usr/bin/env bash
# npm test — every check, in order: lint, typecheck, lessons, unit tests, build, end-to-end.
# Installs Debian's Chromium when it is missing (Playwright cannot download browsers here).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  step "Installing Debian's Chromium (needed by the e2e tests)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
"${CHROMIUM_PATH:-/usr/bin/chromium}" --version

[ -d node_modules ] || { step "Installing npm packages"; npm install --no-audit --no-fund; }

step "Model package runtime (contract.mjs, preprocess.mjs from their TypeScript)"
node scripts/package-runtime.mjs
step "Lint (ESLint, with the layer rules)"
npx eslint --max-warnings=0 .
step "Typecheck (tsc, strict)"
npx tsc --noEmit
step "Lessons check"
npm run --silent lessons:check
step "Unit tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit-results.json
step "Build (static export)"
node scripts/copy-assets.mjs
npx next build
step "End-to-end tests (Playwright, Debian Chromium)"
npx playwright test

node scripts/test-summary.mjs reports/unit-results.json reports/e2e-results.json
