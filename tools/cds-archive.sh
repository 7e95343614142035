#!/usr/bin/env bash
# Makes Doorstep start faster with a class-data archive (JDK 17 AppCDS; Spring Boot's "Class Data Sharing"):
# unpacks the built jar into DIRECTORY in the layout Spring Boot recommends for it (-Djarmode=tools extract)
# and starts it once (a training run) on a throwaway H2 database with the demo profile, so the JVM writes
# every class the start-up loads into DIRECTORY/doorstep.jsa. Start Doorstep from DIRECTORY then:
#   java -XX:SharedArchiveFile=DIRECTORY/doorstep.jsa -jar DIRECTORY/doorstep-*.jar --spring.profiles.active=...
# The archive belongs to this JDK build and this jar: make it again after each build or Java update (the JVM
# refuses a stale one with the warning "Unable to use shared archive" and starts as usual, only slower).
# On JDK 25 or later (JAVA=/path/to/jdk-25/bin/java) it makes the JVM's ahead-of-time cache instead (JEP 483, 514,
# 515: classes loaded and linked, and method profiles from the training run), which starts Doorstep faster still;
# the archive is then DIRECTORY/doorstep.aot, used with -XX:AOTCache=DIRECTORY/doorstep.aot by the same JDK.
#   tools/cds-archive.sh [JAR] [DIRECTORY]     (default: target/doorstep-*.jar, target/cds)
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-$(ls target/doorstep-*.jar | head -n 1)}"
dir="${2:-target/cds}"
java="${JAVA:-java}"
rm -rf "$dir"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir"
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
version=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if (( ${version%%.*} >= 25 )); then
  archive="$dir/doorstep.aot" make=(-XX:AOTCacheOutput="$dir/doorstep.aot") use="-XX:AOTCache=$dir/doorstep.aot"
else
  archive="$dir/doorstep.jsa" make=(-XX:ArchiveClassesAtExit="$dir/doorstep.jsa") use="-XX:SharedArchiveFile=$dir/doorstep.jsa"
fi
# spring.context.exit=onRefresh: stop once the context (engine, schema, models, web server) is up.
"$java" "${make[@]}" -Dspring.context.exit=onRefresh -jar "$dir/$(basename "$jar")" \
  --spring.profiles.active=demo --server.port=0 "--spring.datasource.url=jdbc:h2:file:$training/doorstep" \
  >"$dir/training.log" 2>&1 || { tail -40 "$dir/training.log"; exit 1; }
echo "Archive for Java $version: $archive ($(du -h "$archive" | cut -f1)); start with:"
echo "  $java $use -jar $dir/$(basename "$jar") ..."
