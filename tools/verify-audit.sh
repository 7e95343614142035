#!/usr/bin/env bash
# Checks Doorstep's audit trail hash chain through GET /api/audit/verification (administrators only).
#   DOORSTEP_URL=https://doorstep.example DOORSTEP_ADMIN_USER=... tools/verify-audit.sh
# The password is read from DOORSTEP_ADMIN_PASSWORD or asked for. Exit status: 0 intact, 1 broken,
# 2 could not ask. Keep the printed last hash somewhere outside Doorstep (docs/operations-security.md).
set -euo pipefail

url="${DOORSTEP_URL:-http://localhost:8080}"
user="${DOORSTEP_ADMIN_USER:?Set DOORSTEP_ADMIN_USER to the username of an administrator}"
if [[ -z "${DOORSTEP_ADMIN_PASSWORD:-}" ]]; then
  read -r -s -p "Password for $user: " DOORSTEP_ADMIN_PASSWORD
  echo >&2
fi

# The credentials go to curl on stdin, not on its command line, where other users could read them.
if ! answer=$(printf 'user = "%s:%s"\n' "$user" "$DOORSTEP_ADMIN_PASSWORD" \
    | curl --silent --show-error --fail-with-body --config - -H 'Accept: application/json' "$url/api/audit/verification"); then
  echo "Could not verify the audit trail at $url: $answer" >&2
  exit 2
fi

python3 - "$answer" <<'PY'
import json, sys
result = json.loads(sys.argv[1])
if result.get("intact"):
    print(f"Audit trail intact: {result['entries']} entries, last hash {result['lastHash']}")
    sys.exit(0)
print(f"Audit trail BROKEN at entry {result.get('brokenAt')}: {result.get('problem')} "
      f"({result['entries']} entries before it are intact)")
sys.exit(1)
PY
