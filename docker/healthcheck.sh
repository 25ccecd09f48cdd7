#!/usr/bin/env bash
# Container health, judged as ./lunora judges it: the actuator's readiness group answers 200 and
# UP, or (a service without that group, e.g. the reactive gateway) /actuator/health does.
# Needs nothing but bash and coreutils: the Temurin JRE images carry no curl.
set -u
port="${LUNORA_PORT:?LUNORA_PORT is not set}"

get() {
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$1" "$port" >&3
  timeout 4 cat <&3
}

response=$(get /actuator/health/readiness) || exit 1
if ! [[ "$response" =~ ^HTTP/[0-9.]+\ 200 ]]; then
  response=$(get /actuator/health) || exit 1
fi
[[ "$response" =~ ^HTTP/[0-9.]+\ 200 ]] && [[ "$response" == *'"status":"UP"'* ]]
