#!/usr/bin/env bash
# Shared helper of the load and soak scripts: builds the reference store's classpath once and
# starts the store on loopback in the background. Source it, then:
#   store_start PORT [extra JVM options...]   -> sets STORE_PID, waits until /actuator/health is 200
#   store_stop                                 -> stops the store started by store_start
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CP_FILE="$ROOT/target/store-classpath.txt"

store_classpath() {
  if [[ ! -s "$CP_FILE" || "$ROOT/pom.xml" -nt "$CP_FILE" ]]; then
    (cd "$ROOT" && ./mvnw -q -B test-compile dependency:build-classpath \
      -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test)
  fi
  echo "$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$CP_FILE")"
}

store_start() {
  local port="$1"
  shift
  local cp
  cp="$(store_classpath)"
  STORE_LOG="$ROOT/target/store-$port.log"
  java "$@" -cp "$cp" io.smartlists.demo.DemoStoreApplication \
    --server.address=127.0.0.1 --server.port="$port" >"$STORE_LOG" 2>&1 &
  STORE_PID=$!
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$STORE_PID" 2>/dev/null; then
      echo "the store exited; see $STORE_LOG" >&2
      return 1
    fi
    sleep 1
  done
  echo "the store did not start within 240 s; see $STORE_LOG" >&2
  return 1
}

store_stop() {
  if [[ -n "${STORE_PID:-}" ]] && kill -0 "$STORE_PID" 2>/dev/null; then
    kill "$STORE_PID"
    wait "$STORE_PID" 2>/dev/null || true
  fi
}

# a product of the reference store that is visible to anonymous shoppers
store_product() {
  awk -F, 'NR > 1 && $10 == "true" && $11 == "false" { print $1; exit }' \
    "$ROOT/src/test/resources/demo-data/products.csv"
}
