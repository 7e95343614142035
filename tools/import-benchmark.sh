#!/usr/bin/env bash
# Pupils-and-families import benchmark (issue 11; not part of the test suite). Needs PostgreSQL.
#   tools/import-benchmark.sh [--small] [--spring.property=value ...]
# --small: 1,000 pupils. Without it: 100,000 pupils, two contacts each (-Dbench.pupils=N through JAVA_OPTS).
# Environment: DOORSTEP_BENCH_DB (default doorstep_import_bench), PGHOST (127.0.0.1), PGUSER (postgres),
#   DOORSTEP_BENCH_URL_PARAMS for JDBC URL parameters (e.g. reWriteBatchedInserts=true).
# The database is dropped and created again, so every run starts empty. The generated files stay in
# target/import-benchmark/.
set -euo pipefail
source "$(dirname "$0")/benchmark-lib.sh"
DB="${DOORSTEP_BENCH_DB:-doorstep_import_bench}"
args=() baseline=1000
for arg in "$@"; do
  if [[ "$arg" == --small ]]; then JAVA_OPTS="-Dbench.pupils=1000 ${JAVA_OPTS:-}" baseline=50; else args+=("$arg"); fi
done
bench_fresh_database "$DB"
bench_build
export DOORSTEP_DB_URL="jdbc:postgresql://${PGHOST}:5432/${DB}${DOORSTEP_BENCH_URL_PARAMS:+?$DOORSTEP_BENCH_URL_PARAMS}"
bench_java org.doorstep.school.PupilImportBenchmark "${args[@]}"
echo "Load after the run: $(uptime)"
bench_baseline "$baseline"
