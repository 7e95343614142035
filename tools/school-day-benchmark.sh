#!/usr/bin/env bash
# One school day (docs/triggers.md section 8; not part of the test suite): import and evaluate the register of
# 100,000 synthetic pupils on PostgreSQL, then the same day again and a long register imported twice.
#   tools/school-day-benchmark.sh [--small]
# --small: 1,000 pupils and a 10-day long register. -Dbench.pupils=N through JAVA_OPTS for another size.
# Environment: DOORSTEP_BENCH_DB (default doorstep_day_bench), PGHOST (127.0.0.1), PGUSER (postgres).
# The database is dropped and created again, so every run starts empty.
set -euo pipefail
source "$(dirname "$0")/benchmark-lib.sh"
DB="${DOORSTEP_BENCH_DB:-doorstep_day_bench}"
baseline=1000
if [[ "${1:-}" == --small ]]; then JAVA_OPTS="-Dbench.pupils=1000 -Dbench.historyDays=10 ${JAVA_OPTS:-}" baseline=50; fi
bench_fresh_database "$DB"
bench_build
export DOORSTEP_DB_URL="jdbc:postgresql://${PGHOST}:5432/${DB}?reWriteBatchedInserts=true"
bench_java org.doorstep.trigger.TriggerBenchmark
echo "Load after the run: $(uptime)"
bench_baseline "$baseline"
