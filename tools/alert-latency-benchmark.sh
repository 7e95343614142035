#!/usr/bin/env bash
# Alert latency benchmark for staff safety (not part of the test suite). Needs PostgreSQL.
#   tools/alert-latency-benchmark.sh [--spring.property=value ...]
# Environment: DOORSTEP_BENCH_DB (default doorstep_safety_bench), PGHOST (127.0.0.1), PGUSER (postgres),
#   -Dvisits / -Dinterval through JAVA_OPTS (defaults 1000 visits, PT3M check-in interval).
# The database is dropped and created again, so every run starts empty.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${DOORSTEP_BENCH_DB:-doorstep_safety_bench}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
psql -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
./mvnw -B -q ${MVN_OFFLINE:--o} test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
export DOORSTEP_DB_URL="jdbc:postgresql://${PGHOST}:5432/${DB}"
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  org.doorstep.safety.AlertLatencyBenchmark "$@"
