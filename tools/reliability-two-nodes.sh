#!/usr/bin/env bash
# Two-node reliability run (not part of the test suite; see docs/reliability.md). Needs Java 17 and a
# PostgreSQL reachable as PGUSER on PGHOST (trust or PGPASSWORD), psql on the PATH, ports 18141-18143 free.
#   tools/reliability-two-nodes.sh
# Environment: DOORSTEP_RELIABILITY_DB (default reliability_run; dropped and created again), PGHOST (127.0.0.1),
#   PGUSER (postgres), JAVA_OPTS (e.g. -Dvisits=200 -Dkill.after.ms=1000 -Dspread.seconds=60).
# Starts two Doorstep nodes (:18141, :18142) and an SMTP sink (:18143), runs three rounds of 200 missed
# check-ins: all due at one moment with both nodes up, spread over a minute with both nodes up, and all due
# at one moment with node 2 killed by SIGKILL just after, prints the figures, and stops every
# process it started; the whole run is cut off after 20 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${DOORSTEP_RELIABILITY_DB:-reliability_run}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
OUT=target/reliability
mkdir -p "$OUT"
rm -f "$OUT"/node*.pid

# Whatever happens to the runner, its nodes do not outlive the run.
cleanup() {
  for pid_file in "$OUT"/node*.pid; do
    [ -f "$pid_file" ] || continue
    pid=$(cat "$pid_file")
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pid_file"
  done
}
trap cleanup EXIT

psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/reliability.classpath
export DOORSTEP_DB_URL="jdbc:postgresql://${PGHOST}:5432/${DB}"
uptime
status=0
timeout -k 30s 20m java -Xmx768m -XX:+UseSerialGC ${JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/reliability.classpath)" \
  org.doorstep.safety.TwoNodeReliabilityBenchmark > >(tee "$OUT/run.log") 2>&1 || status=$?
uptime
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" || true
exit $status
