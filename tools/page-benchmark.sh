#!/usr/bin/env bash
# Page speed benchmark (issue 12; not part of the test suite): the pupil page and the office's home with
# 100,000 pupils and 10,000 visits in the database (goal: under 300 ms each).
#   tools/page-benchmark.sh [--small] [--requests=N] [--spring.property=value ...]
# --small: 1,000 pupils and 50 visits, done in under 2 minutes. Without DOORSTEP_DB_URL it uses a fresh H2
# file database in target/page-benchmark/ (deleted first). With DOORSTEP_DB_URL=jdbc:postgresql://... it
# uses that database, which must be empty (e.g. dropdb/createdb first); DOORSTEP_DB_USER/_PASSWORD as usual.
set -euo pipefail
source "$(dirname "$0")/benchmark-lib.sh"
bench_build
extra=() baseline=1000 database=h2
[[ " $* " == *" --small "* ]] && baseline=50
if [[ -n "${DOORSTEP_DB_URL:-}" ]]; then database=postgresql; fi
if [[ -z "${DOORSTEP_DB_URL:-}" ]]; then
  rm -rf target/page-benchmark && mkdir -p target/page-benchmark
  extra+=("--spring.datasource.url=jdbc:h2:file:$PWD/target/page-benchmark/doorstep;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000")
fi
JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" bench_java org.doorstep.trigger.PageBenchmark "$@" "${extra[@]}"
echo "Load after the run: $(uptime)"
bench_baseline "$baseline" "$database"
