# Sourced by the benchmark commands (tools/*-benchmark.sh): one way to build, find the classpath and run.
# Maven runs online so a clean clone fetches what it lacks (the dependency plugin's own dependencies
# are not cached by a plain build); MVN_OFFLINE=-o skips the network on a machine that has them all.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"

bench_build() {
  echo "Load before the build: $(uptime)"
  ./mvnw -B -q -ntp ${MVN_OFFLINE:-} test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/benchmark.classpath
}

# A PostgreSQL database of the benchmark's own, dropped and created again so every run starts empty.
bench_fresh_database() {
  psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
}

bench_java() {
  java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" "$@"
}

# The bare engine's floor on the same kind of database, run right after Doorstep's figures so they can be read
# as a ratio (docs/benchmarks.md). $1: instances; $2: h2 for an H2 file database, else PostgreSQL.
# DOORSTEP_BASELINE_DB names its PostgreSQL database (default doorstep_engine_baseline), so two runs side by side
# do not drop each other's.
bench_baseline() {
  local db="${DOORSTEP_BASELINE_DB:-doorstep_engine_baseline}"
  local url="jdbc:postgresql://${PGHOST}:5432/${db}" user="$PGUSER" password="${PGPASSWORD:-}"
  if [[ "${2:-}" == h2 ]]; then
    rm -rf target/engine-baseline
    url="jdbc:h2:file:$PWD/target/engine-baseline/engine" user=sa password=
  else
    bench_fresh_database "$db"
  fi
  echo "Load before the baseline: $(uptime)"
  bench_java tools/engine-baseline/EngineBaseline.java "$url" "$user" "$password" "$1"
  echo "Load after the baseline: $(uptime)"
}
