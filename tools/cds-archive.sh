#!/usr/bin/env bash
# Makes Doorstep start faster with a class-data archive (JDK 17 AppCDS; Spring Boot's "Class Data Sharing"):
# unpacks the built jar into DIRECTORY in the layout Spring Boot recommends for it (-Djarmode=tools extract)
# and starts it once (a training run) on a throwaway H2 database with the demo profile, so the JVM writes
# every class the start-up loads into DIRECTORY/doorstep.jsa. Start Doorstep from DIRECTORY then:
#   java -XX:SharedArchiveFile=DIRECTORY/doorstep.jsa -jar DIRECTORY/doorstep-*.jar --spring.profiles.active=...
# The archive belongs to this JDK build and this jar: make it again after each build or Java update (the JVM
# refuses a stale one with the warning "Unable to use shared archive" and starts as usual, only slower).
#   tools/cds-archive.sh [JAR] [DIRECTORY]     (default: target/doorstep-*.jar, target/cds)
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-$(ls target/doorstep-*.jar | head -n 1)}"
dir="${2:-target/cds}"
rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir"
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# spring.context.exit=onRefresh: stop once the context (engine, schema, models, web server) is up.
java -XX:ArchiveClassesAtExit="$dir/doorstep.jsa" -Dspring.context.exit=onRefresh -jar "$dir/$(basename "$jar")" \
  --spring.profiles.active=demo --server.port=0 "--spring.datasource.url=jdbc:h2:file:$training/doorstep" \
  >"$dir/training.log" 2>&1 || { tail -40 "$dir/training.log"; exit 1; }
echo "Class-data archive: $dir/doorstep.jsa ($(du -h "$dir/doorstep.jsa" | cut -f1)); start with:"
echo "  java -XX:SharedArchiveFile=$dir/doorstep.jsa -jar $dir/$(basename "$jar") ..."
