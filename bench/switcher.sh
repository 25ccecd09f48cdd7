#!/usr/bin/env bash
# The switcher's packet path alone (synthetic TS, no FFmpeg): packets/s it sustains and the latency
# it adds at 3 x 8 Mbit/s. Usage: bench/switcher.sh [seconds, default 10] [git ref to compare, e.g. main].
# With a ref, the same benchmark class is also compiled and run against that commit's switcher
# (in a temporary worktree), so "before" and "after" come from one machine and one run.
# Figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SECONDS_PER_RUN="${1:-10}"
BENCH=media-engine/src/test/java/io/lunora/engine/bench/SwitcherBenchmark.java

run_in() { # $1: checkout, $2: label
  (cd "$1" && ./mvnw -q -B -o -pl media-engine test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/switcher-bench.classpath 2>&1 | grep -E "ERROR" || true)
  local cp="$1/media-engine/target/test-classes:$1/media-engine/target/classes:$(cat "$1/media-engine/target/switcher-bench.classpath")"
  echo "== $2"
  "$JAVA_HOME/bin/java" -cp "$cp" io.lunora.engine.bench.SwitcherBenchmark "$SECONDS_PER_RUN"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ $# -ge 2 ]; then
  BEFORE="$(mktemp -d)/before"
  git worktree add -q --detach "$BEFORE" "$2"
  trap 'git worktree remove --force "$BEFORE"' EXIT
  mkdir -p "$BEFORE/$(dirname "$BENCH")"
  cp "$BENCH" "$BEFORE/$BENCH"
  run_in "$BEFORE" "before ($2, $(git rev-parse --short "$2"))"
fi
run_in "$PWD" "after (working tree, $(git rev-parse --short HEAD))"
