#!/usr/bin/env bash
# Alert latency benchmark for staff safety (not part of the test suite). Needs PostgreSQL.
#   tools/alert-latency-benchmark.sh [--small] [--spring.property=value ...]
# --small: 50 visits with a 20 s check-in interval (about a minute). Without it: 1,000 visits, PT3M.
# Both time a warm JVM: a warm-up round first (50 visits, small: 10, every 20 s; -Dwarmup=0 for none), printed apart.
# Environment: DOORSTEP_BENCH_DB (default doorstep_safety_bench), PGHOST (127.0.0.1), PGUSER (postgres),
#   -Dvisits / -Dinterval through JAVA_OPTS override the sizes.
# The database is dropped and created again, so every run starts empty.
set -euo pipefail
source "$(dirname "$0")/benchmark-lib.sh"
DB="${DOORSTEP_BENCH_DB:-doorstep_safety_bench}"
args=() baseline=1000
for arg in "$@"; do
  if [[ "$arg" == --small ]]; then JAVA_OPTS="-Dvisits=50 -Dinterval=PT20S -Dwarmup=10 ${JAVA_OPTS:-}" baseline=50; else args+=("$arg"); fi
done
bench_fresh_database "$DB"
bench_build
export DOORSTEP_DB_URL="jdbc:postgresql://${PGHOST}:5432/${DB}"
bench_java org.doorstep.safety.AlertLatencyBenchmark "${args[@]}"
echo "Load after the run: $(uptime)"
bench_baseline "$baseline"
