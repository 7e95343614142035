#!/usr/bin/env bash
# The idle cost of the job executor's polling (issue 14 item 4; not part of the test suite): starts the demo
# (H2 file database in target/idle-cpu/, no requests) once for each max-wait, lets it settle, and prints the
# JVM's CPU time (utime + stime from /proc) over the next 60 s.
#   tools/idle-cpu-benchmark.sh [MAX_WAIT_MS ...]      (default: 100 200 1000; below 200 the first wait too)
set -euo pipefail
source "$(dirname "$0")/benchmark-lib.sh"
bench_build
ticks=$(getconf CLK_TCK)
waits=("$@")
[[ ${#waits[@]} -gt 0 ]] || waits=(100 200 1000)
for wait in "${waits[@]}"; do
  rm -rf target/idle-cpu && mkdir -p target/idle-cpu
  # exec: $! is then the JVM itself, whose /proc/<pid>/stat is read below.
  (exec java ${JAVA_OPTS:--Xmx512m} -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
    org.doorstep.DoorstepApplication --spring.profiles.active=demo --server.port=0 \
    --camunda.bpm.job-execution.max-wait="$wait" --camunda.bpm.job-execution.wait-time-in-millis=$((wait < 200 ? wait : 200)) \
    "--spring.datasource.url=jdbc:h2:file:$PWD/target/idle-cpu/doorstep;DB_CLOSE_ON_EXIT=FALSE" \
    >target/idle-cpu/app.log 2>&1) &
  pid=$!
  until grep -q "Started DoorstepApplication" target/idle-cpu/app.log; do
    kill -0 "$pid" 2>/dev/null || { tail -40 target/idle-cpu/app.log; exit 1; }
    sleep 2
  done
  sleep 20   # the demo's start-up work (timers, seeding) done
  cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
  before=$(cpu); load_before=$(uptime); sleep 60; after=$(cpu)
  kill "$pid"; wait "$pid" || true
  echo "max-wait ${wait} ms: idle JVM CPU over 60 s = $(awk -v t=$((after - before)) -v hz="$ticks" 'BEGIN{printf "%.2f s (%.2f %% of one core)", t/hz, 100*t/hz/60}')"
  echo "  load before: $load_before; after: $(uptime)"
done
