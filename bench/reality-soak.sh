#!/usr/bin/env bash
# The media engine soaked against peers it did not write (Debian's ffmpeg, GStreamer, nginx-rtmp)
# on a machine kept busy by stress-ng, the primary killed every ~45 s. Prints slate insertions per
# hour with healthy sources, failover time p50/p95 and stop time p95 (RealitySoak's javadoc says
# how each is measured). Usage: bench/reality-soak.sh [minutes, default 20]. Linux, as root for
# the network namespace; needs the Debian packages listed in .ci/run. Figures: docs/benchmarks.md.
#
# The sources run in a network namespace behind a veth pair with tc netem (jitter and loss on the
# SRT path) when the kernel allows it; otherwise on loopback through the rig's user-space links
# (ImpairedLink: the same delay, jitter and loss on the sources' datagrams), and the report says so.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
MINUTES="${1:-20}"
NETEM="${REALITY_NETEM:-delay 20ms 10ms distribution normal loss 0.5%}"

./mvnw -q -B -o -pl media-engine test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/engine-bench.classpath 2>/dev/null || \
  ./mvnw -q -B -pl media-engine test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/engine-bench.classpath
CP="media-engine/target/test-classes:media-engine/target/classes:$(cat media-engine/target/engine-bench.classpath)"

NS="lunora-soak-$$"
HOST_IF="lsoak$$h"
PEER_IF="lsoak$$p"
network_props=()
cleanup() {
  ip netns del "$NS" 2>/dev/null || true
  ip link del "$HOST_IF" 2>/dev/null || true
}
trap cleanup EXIT
if ip netns add "$NS" 2>/dev/null \
  && ip link add "$HOST_IF" type veth peer name "$PEER_IF" \
  && ip link set "$PEER_IF" netns "$NS" \
  && ip addr add 10.77.0.1/30 dev "$HOST_IF" && ip link set "$HOST_IF" up \
  && ip netns exec "$NS" ip addr add 10.77.0.2/30 dev "$PEER_IF" \
  && ip netns exec "$NS" ip link set "$PEER_IF" up && ip netns exec "$NS" ip link set lo up \
  && { modprobe sch_netem 2>/dev/null || true; ip netns exec "$NS" tc qdisc add dev "$PEER_IF" root netem $NETEM; }; then
  network_props=(-Dreality.peer-netns="$NS" -Dreality.engine-host=10.77.0.1
    "-Dreality.network=netns + veth, netem on the sources' side: $NETEM")
else
  echo "network namespace or tc netem not permitted here (kernel without sch_netem?): sources on loopback, jitter and loss from the rig's user-space links"
  cleanup
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -Dlogging.pattern.console= -Dreality.fast-decode=true "${network_props[@]}" -cp "$CP" io.lunora.engine.reality.RealitySoak "$MINUTES"

