#!/usr/bin/env bash
# The home visit's first step (docs/benchmarks.md; not part of the test suite): on PostgreSQL, one thread,
# visitor1 requests a visit through VisitService and head completes "Authorise the visit" with approval.
#   tools/visit-step-benchmark.sh [--small] [--spring.property=value ...]
# --small: 20 visits to warm up and 50 timed (without it: 200 and 500). Other arguments are Spring properties,
# e.g. --camunda.bpm.history-level=audit. -Dbench.warmUp=N / -Dbench.visits=N through JAVA_OPTS for other sizes.
# Environment: DOORSTEP_BENCH_DB (default doorstep_visit_bench), PGHOST (127.0.0.1), PGUSER (postgres).
# The database is dropped and created again, so every run starts empty. Then the bare engine's baseline twice: as it
# comes, and with authorization checks on (tools/engine-baseline/EngineBaseline.java).
set -euo pipefail
source "$(dirname "$0")/benchmark-lib.sh"
DB="${DOORSTEP_BENCH_DB:-doorstep_visit_bench}"
args=() visits=500
for arg in "$@"; do
  if [[ "$arg" == --small ]]; then JAVA_OPTS="-Dbench.warmUp=20 -Dbench.visits=50 ${JAVA_OPTS:-}" visits=50; else args+=("$arg"); fi
done
if [[ "${JAVA_OPTS:-}" =~ .*-Dbench.visits=([0-9]+) ]]; then visits="${BASH_REMATCH[1]}"; fi
bench_fresh_database "$DB"
bench_build
export DOORSTEP_DB_URL="jdbc:postgresql://${PGHOST}:5432/${DB}"
bench_java org.doorstep.visit.VisitStepBenchmark "${args[@]}"
echo "Load after the run: $(uptime)"
bench_baseline "$visits"
# The same floor with the engine's authorization checks on, which Doorstep's step cannot do without.
JAVA_OPTS="-Dbaseline.authorized=true ${JAVA_OPTS:-}" bench_baseline "$visits"
