#!/usr/bin/env bash
# Renders every model in bpmn/ to docs/images/<name>.png (the pictures the README and docs show).
# Needs Debian's chromium (apt-get install -y chromium) and Node 18+; installs bpmn-js and
# playwright-core into tools/render-diagrams/node_modules on first use. Not part of the build.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd tools/render-diagrams && [ -d node_modules/bpmn-js ] || npm install --no-audit --no-fund)
for model in bpmn/*.bpmn; do
  name=$(basename "$model" .bpmn)
  (cd tools/render-diagrams && node render.mjs "../../$model" "../../docs/images/$name.png")
done
