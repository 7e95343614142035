#!/usr/bin/env bash
# Pupils-and-families import benchmark (issue 11; not part of the test suite). Needs PostgreSQL.
#   tools/import-benchmark.sh [--spring.property=value ...]
# Environment: DOORSTEP_BENCH_DB (default doorstep_import_bench), PGHOST (127.0.0.1), PGUSER (postgres),
#   -Dbench.pupils=N through JAVA_OPTS (default 100,000 pupils, two contacts each),
#   DOORSTEP_BENCH_URL_PARAMS for JDBC URL parameters (e.g. reWriteBatchedInserts=true).
# The database is dropped and created again, so every run starts empty. The generated files stay in
# target/import-benchmark/.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${DOORSTEP_BENCH_DB:-doorstep_import_bench}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
echo "Load before the build: $(uptime)"
psql -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
./mvnw -B -q ${MVN_OFFLINE:--o} test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
export DOORSTEP_DB_URL="jdbc:postgresql://${PGHOST}:5432/${DB}${DOORSTEP_BENCH_URL_PARAMS:+?$DOORSTEP_BENCH_URL_PARAMS}"
java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  org.doorstep.school.PupilImportBenchmark "$@"
echo "Load after the run: $(uptime)"
