#!/usr/bin/env bash
# CPU seconds per minute of streaming and resident memory of the relay (media-engine in relay mode,
# the fan-out tier behind MediaLive on AWS: its JVM and FFmpeg children, read from /proc) for 1, 5,
# 10 and 20 destinations spread over a 1080p30 6 Mbit/s and a 720p30 3 Mbit/s rendition.
# Usage: bench/relay-cpu.sh [seconds-per-scenario, default 60] [relay JVM options, default -Xmx1536m].
# Linux only. Figures and the machine they were taken on: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -o -pl media-engine test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/engine-bench.classpath 2>/dev/null || \
  ./mvnw -q -B -pl media-engine test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/engine-bench.classpath
CP="media-engine/target/test-classes:media-engine/target/classes:$(cat media-engine/target/engine-bench.classpath)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(awk '/MemTotal/ {printf "%.0f GB RAM", $2 / 1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA_HOME/bin/java" -cp "$CP" io.lunora.engine.bench.RelayBenchmark "${@:-60}"
