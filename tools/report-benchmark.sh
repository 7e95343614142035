#!/usr/bin/env bash
# Leaders' report benchmark (issue 13 item 4; not part of the test suite): a generated year of one school
# (1,000 pupils, 190 school days) in a fresh H2 file database under target/report-benchmark/, then the
# page /reports/timeliness and its CSV timed for the whole year. Goal: the page in under 1 s.
#   tools/report-benchmark.sh [--spring.property=value ...]     (-Dbench.pupils=N through JAVA_OPTS)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Load before the build: $(uptime)"
./mvnw -B -q ${MVN_OFFLINE:--o} test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  org.doorstep.report.ReportBenchmark "$@"
echo "Load after the run: $(uptime)"
