#!/usr/bin/env bash
# CPU seconds per minute of streaming of the local media engine (its JVM and FFmpeg children,
# read from /proc) for 1, 5 and 10 destinations sharing one 1080p30 rendition and for 3 distinct
# renditions. Usage: bench/engine-cpu.sh [seconds-per-scenario, default 60]. Linux only.
# Figures and the machine they were taken on: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -o -pl media-engine test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/engine-bench.classpath 2>/dev/null || \
  ./mvnw -q -B -pl media-engine test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/engine-bench.classpath
CP="media-engine/target/test-classes:media-engine/target/classes:$(cat media-engine/target/engine-bench.classpath)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA_HOME/bin/java" -cp "$CP" io.lunora.engine.bench.CpuBenchmark "${1:-60}"
