#!/usr/bin/env bash
# Loads Doorstep's pages, Tasklist, Cockpit and Admin in headless Chromium and reports any
# Content-Security-Policy violation or script error (not part of ./mvnw verify).
# Needs: Debian's chromium and Node 18+; installs playwright-core once. Starts Doorstep (demo profile,
# H2 file database in a temporary directory) on DOORSTEP_PORT (default 18160) and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${DOORSTEP_PORT:-18160}"
DATA=$(mktemp -d)
(cd tools/browser-test && [ -d node_modules/playwright-core ] || npm install --no-audit --no-fund)
./mvnw -B -q ${MVN_OFFLINE:--o} compile dependency:build-classpath -Dmdep.outputFile=target/csp-check.classpath
LOG="$DATA/doorstep.log"
DOORSTEP_DB_URL="jdbc:h2:file:$DATA/db" java -Xmx512m -cp "target/classes:$(cat target/csp-check.classpath)" \
  org.doorstep.DoorstepApplication --spring.profiles.active=demo --server.port="$PORT" > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
  grep -q 'Started DoorstepApplication' "$LOG" && break
  kill -0 $SERVER 2>/dev/null || { cat "$LOG"; echo "Doorstep did not start" >&2; exit 1; }
  sleep 1
done
DOORSTEP_URL="http://localhost:$PORT" node tools/browser-test/csp-check.mjs
