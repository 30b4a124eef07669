#!/usr/bin/env bash
# Runs the README's curl walkthrough against the built app, started as the README says,
# so the documented commands are known to work.
set -euo pipefail
port=${WALKTHROUGH_PORT:-3918}
data=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$data"' EXIT

DATA_DIR="$data" PORT="$port" LOG_LEVEL=warn DEADLINE_WORKER_INTERVAL_MS=2000 \
  DEADLINE_OVERRIDES='{"jarva-1":{"fortroendelakare":{"checkIn":"PT10S","actionDeadline":"PT20S"}}}' \
  node dist/apps/api/apps/api/src/main.js &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 0.2
done

script=$(awk '/<!-- walkthrough:start -->/{on=1; next} /<!-- walkthrough:end -->/{on=0} on && !/^```/' README.md)
output=$(API="http://127.0.0.1:$port" bash -euo pipefail -c "$script")
grep -q '"title":"Eskalerad uppföljning"' <<<"$output" || { echo "walkthrough: no escalated task in the team queue"; exit 1; }
grep -q '"kind":"escalation"' <<<"$output" || { echo "walkthrough: no escalation notification"; exit 1; }
echo "walkthrough: the README's curl commands took a case from impuls to escalation"
