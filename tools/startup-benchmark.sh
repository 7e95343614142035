#!/usr/bin/env bash
# Start-up benchmark (issue 14 item 5; not part of the test suite): the README's start of the built jar
# (java -jar target/doorstep-*.jar, demo profile) on a fresh database and a free port, timed from the launch to the
# first HTTP 200 on /login (polled every 50 ms). Then a demo user signs in, so "answers" means "works". It prints the
# seconds, Spring's "Started ... in" line, the JVM's CPU time and RSS at that moment and the load average, stops Doorstep and
# starts again (3 runs; --small: 1). Then the bare engine's start-up, the same number of times on the same kind of
# database, back to back (tools/engine-baseline/EngineBaseline.java ... startup).
#   tools/startup-benchmark.sh [--small] [--postgres] [--cds] [--jar=PATH]
# --postgres: PostgreSQL databases of its own (DOORSTEP_BENCH_DB, default doorstep_startup_bench, and
#   DOORSTEP_BASELINE_DB, default doorstep_startup_baseline), dropped and created before every run.
# --cds: also start with the class-data archive the README's "Faster start-up" makes (tools/cds-archive.sh).
# --jar=PATH: time that jar (say, an earlier version's) instead of the one built here.
# JAVA_OPTS goes to both JVMs, DOORSTEP_JAVA_OPTS to Doorstep's only (say, JIT settings to compare against the bare
# engine as it comes); JAVA (default java) is the JVM both run on, e.g. a JDK 25, whose --cds archive is then its
# ahead-of-time cache (tools/cds-archive.sh).
set -euo pipefail
source "$(dirname "$0")/benchmark-lib.sh"
runs=3 database=h2 cds=0 jar=
for arg in "$@"; do
  case "$arg" in
    --small) runs=1 ;;
    --postgres) database=postgresql ;;
    --cds) cds=1 ;;
    --jar=*) jar=${arg#--jar=} ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
dir=target/startup-benchmark
bench_db="${DOORSTEP_BENCH_DB:-doorstep_startup_bench}" baseline_db="${DOORSTEP_BASELINE_DB:-doorstep_startup_baseline}"

echo "Load before the build: $(uptime)"
./mvnw -B -q -ntp ${MVN_OFFLINE:-} -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark.classpath
[[ -n $jar ]] || jar=$(ls target/doorstep-*.jar | head -n 1)
rm -rf "$dir" && mkdir -p "$dir/baseline-classes"
# Compiled first, so the baseline's start-up does not include compiling its own source (java File.java would).
javac -nowarn -d "$dir/baseline-classes" -cp "$(cat target/benchmark.classpath)" tools/engine-baseline/EngineBaseline.java
java="${JAVA:-java}"
if [[ $cds == 1 ]]; then
  archive_option=$(JAVA="$java" tools/cds-archive.sh "$jar" "$dir/cds" | grep -o -- '-XX:[A-Za-z]*=[^ ]*')
fi

now_ms() { date +%s%3N; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# $1: label; the rest: how to start java (before the Spring arguments).
doorstep_run() {
  local label=$1; shift
  local port log="$dir/doorstep-${label//[^a-z0-9]/-}.log" args=(--spring.profiles.active=demo)
  port=$(free_port)
  if [[ $database == postgresql ]]; then
    bench_fresh_database "$bench_db"
    args=(--spring.profiles.active=postgres,demo "--spring.datasource.url=jdbc:postgresql://${PGHOST}:5432/${bench_db}"
      "--spring.datasource.username=${PGUSER}" "--spring.datasource.password=${PGPASSWORD:-}")
  else
    rm -rf "$dir/h2"
    args+=("--spring.datasource.url=jdbc:h2:file:$PWD/$dir/h2/doorstep;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000")
  fi
  local load_before started answered
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  started=$(now_ms)
  # exec: $! is then the JVM itself, whose RSS is read from /proc.
  (exec "$@" "${args[@]}" --server.port="$port" >"$log" 2>&1) &
  local pid=$!
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login")" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { tail -40 "$log"; exit 1; }
    sleep 0.05
  done
  answered=$(now_ms)
  local rss cpu load_after signed_in
  rss=$(awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$pid/status")
  # CPU time (utime + stime) moves far less with the machine's load than wall time.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f s", ($14 + $15) / hz}' "/proc/$pid/stat")
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  # A demo user signs in through the form (CSRF token from the page): /login answering must mean a working Doorstep.
  local cookies="$dir/cookies" token
  rm -f "$cookies"
  token=$(curl -s -c "$cookies" -b "$cookies" "http://127.0.0.1:$port/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
  signed_in=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$cookies" -b "$cookies" \
    --data-urlencode username=office --data-urlencode "password=${DOORSTEP_DEMO_PASSWORD:-doorstep-demo}" \
    --data-urlencode "_csrf=$token" "http://127.0.0.1:$port/login")
  kill "$pid"; wait "$pid" || true
  # A wrong password is also a 302, back to /login?error.
  [[ "$signed_in" == 302* && "$signed_in" != */login* ]] || { echo "Sign-in as office failed: $signed_in" >&2; exit 1; }
  printf '%s: first 200 on /login %.2f s after launch; JVM CPU %s; RSS %s; load %s -> %s; office signed in\n' "$label" \
    "$(awk -v t=$((answered - started)) 'BEGIN{print t / 1000}')" "$cpu" "$rss" "$load_before" "$load_after"
  echo "  $(grep -o 'Started DoorstepApplication in .*' "$log")"
}

baseline_run() {
  local url user=$PGUSER password=${PGPASSWORD:-}
  if [[ $database == postgresql ]]; then
    bench_fresh_database "$baseline_db"
    url="jdbc:postgresql://${PGHOST}:5432/${baseline_db}"
  else
    rm -rf "$dir/baseline-h2"
    url="jdbc:h2:file:$PWD/$dir/baseline-h2/engine" user=sa password=
  fi
  local load_before started out ready
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  started=$(now_ms)
  out=$("$java" ${JAVA_OPTS:-} -cp "$dir/baseline-classes:$(cat target/benchmark.classpath)" EngineBaseline "$url" "$user" "$password" startup)
  ready=$(grep -o 'ready at [0-9]*' <<<"$out" | grep -o '[0-9]*$')
  printf 'bare engine: ready %.2f s after launch; load %s -> %s\n' "$(awk -v t=$((ready - started)) 'BEGIN{print t / 1000}')" \
    "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  $(grep 'engine ready' <<<"$out")"
}

echo "== Doorstep start-up: $jar, demo profile, fresh $database database, $runs run(s), $("$java" -version 2>&1 | head -n 1)"
for run in $(seq 1 "$runs"); do
  doorstep_run "java -jar, run $run" "$java" ${JAVA_OPTS:-} ${DOORSTEP_JAVA_OPTS:-} -jar "$jar"
  if [[ $cds == 1 ]]; then
    doorstep_run "archive ${archive_option%%=*}, run $run" "$java" ${JAVA_OPTS:-} ${DOORSTEP_JAVA_OPTS:-} "$archive_option" \
      -jar "$dir/cds/$(basename "$jar")"
  fi
done
echo "== Bare engine start-up, back to back: fresh $database database, $runs run(s)"
for run in $(seq 1 "$runs"); do
  baseline_run
done
