#!/usr/bin/env bash
# Leaders' report benchmark (issue 13 item 4; not part of the test suite): a generated year of one school
# (1,000 pupils, 190 school days) in a fresh H2 file database under target/report-benchmark/, then the
# page /reports/timeliness and its CSV timed for the whole year. Goal: the page in under 1 s.
#   tools/report-benchmark.sh [--small] [--spring.property=value ...]     (-Dbench.pupils=N through JAVA_OPTS)
# --small: 100 pupils. The bare engine's baseline on an H2 file follows (docs/benchmarks.md).
set -euo pipefail
source "$(dirname "$0")/benchmark-lib.sh"
args=() baseline=1000
for arg in "$@"; do
  if [[ "$arg" == --small ]]; then JAVA_OPTS="-Dbench.pupils=100 ${JAVA_OPTS:-}" baseline=50; else args+=("$arg"); fi
done
bench_build
bench_java org.doorstep.report.ReportBenchmark "${args[@]}"
echo "Load after the run: $(uptime)"
bench_baseline "$baseline" h2
