#!/usr/bin/env bash
# Viewer load benchmark: GET /api/streams/live through the gateway from 200 concurrent clients
# (requests/s, p50/p99), and chat delivery latency to 500 open SSE connections. Starts its own
# stack on loopback (dynamodb, auth-service, viewer-service, gateway-service; free ports in the
# 187xx range, a temporary LUNORA_HOME), runs bench/ViewerLoad.java, stops the stack.
# Usage: bench/viewer-load.sh [clients=200] [seconds=30] [connections=500] [viewers=25] [messages=20]
# The gateway's shipped rate limits stay on: each load client connects from its own loopback
# address (127.0.0.x), so it is a distinct caller, as distinct viewers would be. Linux only
# (the whole 127.0.0.0/8 is loopback). Figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export LUNORA_HOME="${BENCH_HOME:-$(mktemp -d /tmp/lunora-viewer-bench.XXXXXX)}"
export LUNORA_DATA_DIR="$LUNORA_HOME/data"
export LUNORA_SERVICES="dynamodb auth-service viewer-service gateway-service"
export LUNORA_DYNAMODB_PORT=18700 LUNORA_AUTH_PORT=18701 LUNORA_SOURCE_PORT=18702 LUNORA_DESTINATION_PORT=18703 \
  LUNORA_PRESET_PORT=18704 LUNORA_STREAMING_PORT=18705 LUNORA_VIEWER_PORT=18706 LUNORA_ENGINE_PORT=18707 \
  LUNORA_GATEWAY_PORT=18708 LUNORA_SMTP_PORT=18709
export LUNORA_ADMIN_PASSWORD="Bench-Admin-Initial-1"
cleanup() { ./lunora down >/dev/null 2>&1 || true; }
trap cleanup EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
./lunora up
BENCH_VIEWER_URL="http://127.0.0.1:$LUNORA_VIEWER_PORT" "$JAVA_HOME/bin/java" -Xmx1g bench/ViewerLoad.java \
  --gateway="http://localhost:$LUNORA_GATEWAY_PORT" --auth="http://127.0.0.1:$LUNORA_AUTH_PORT" --data-dir="$LUNORA_DATA_DIR" \
  --clients="${1:-200}" --seconds="${2:-30}" --connections="${3:-500}" --viewers="${4:-25}" --messages="${5:-20}"
