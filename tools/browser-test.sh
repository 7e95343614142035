#!/usr/bin/env bash
# Browser test of the phone check-in page and the office safety board, one whole Thames View visit
# walked by the five roles through Doorstep's pages and Tasklist (axe-core on every page), then a check that no page
# (Doorstep's, Tasklist, Cockpit, Admin) breaks its Content-Security-Policy (not part of ./mvnw verify).
# Needs: Debian's chromium (apt-get install -y chromium) and Node 18+; installs playwright-core once.
# .ci/run runs it after the test suites, with screenshots in target/ (DOORSTEP_IMAGES).
# Starts Doorstep (demo profile, H2 file database under $DOORSTEP_DATA, default /tmp/safety-demo) on
# $DOORSTEP_PORT (default 8093) with one visit signed out, waiting up to $DOORSTEP_START_SECONDS
# (default 120) for it on a busy machine, runs tools/browser-test/check-in-and-board.mjs, writes its
# screenshots to $DOORSTEP_IMAGES (default docs/images), stops Doorstep.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${DOORSTEP_PORT:-8093}"
DATA="${DOORSTEP_DATA:-/tmp/safety-demo}"
(cd tools/browser-test && [ -d node_modules/playwright-core ] || npm install --no-audit --no-fund)
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/browser-test.classpath
export DOORSTEP_IMAGES="${DOORSTEP_IMAGES:-docs/images}"
rm -rf "$DATA" && mkdir -p "$DATA" "$DOORSTEP_IMAGES"
LOG="$DATA/doorstep.log"
: > "$LOG"
DOORSTEP_DB_URL="jdbc:h2:file:$DATA/db" java -cp "target/test-classes:target/classes:$(cat target/browser-test.classpath)" \
  org.doorstep.safety.SafetyDemoServer --spring.profiles.active=demo --server.port="$PORT" > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 "${DOORSTEP_START_SECONDS:-120}"); do
  grep -q '^READY ' "$LOG" && break
  kill -0 $SERVER 2>/dev/null || { cat "$LOG"; echo "Doorstep did not start" >&2; exit 1; }
  sleep 1
done
VISIT=$(grep '^READY ' "$LOG" | head -1 | cut -d' ' -f2)
# The drill first: it needs the signed-out visit still out, and check-in-and-board brings it back to school.
DOORSTEP_URL="http://localhost:$PORT" DOORSTEP_VISIT="$VISIT" DOORSTEP_IMAGES="$DOORSTEP_IMAGES" node tools/browser-test/drill.mjs
DOORSTEP_URL="http://localhost:$PORT" DOORSTEP_VISIT="$VISIT" node tools/browser-test/check-in-and-board.mjs
DOORSTEP_URL="http://localhost:$PORT" DOORSTEP_IMAGES="$DOORSTEP_IMAGES" node tools/browser-test/thames-view-visit.mjs
DOORSTEP_URL="http://localhost:$PORT" node tools/browser-test/csp-check.mjs
DOORSTEP_URL="http://localhost:$PORT" node tools/browser-test/sign-in-and-out.mjs
