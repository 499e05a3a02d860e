#!/usr/bin/env bash
# What the module costs a product page: the reference store is started twice from the built test
# classpath with full JIT, once with the module and once with smartlists.enabled=false (same store,
# same data, same products), then wrk on loopback (16 connections) hits the product pages of both,
# alternating on/off runs, and the script prints each run's requests/s and the on/off ratio, and
# beside it each store's process CPU per request (user + system from /proc, over the same run):
# the throughput ratio is what the issue targets, the CPU ratio is steadier on a shared machine.
# The module-on store is measured only after its start-up rebuild of the signals ended, and both
# warm up for 60 s so C2 has compiled the hot paths (a shorter warm-up charged JIT work to the page).
#
#   scripts/page-cost.sh                 # 3 alternating pairs of 20 s after a 60 s warm-up each
#   ROUNDS=5 DURATION=30s scripts/page-cost.sh
#
# The demo's traffic replay is switched off in both stores (it would load only the module-on one).
# Requests cycle through the first $PRODUCTS visible products of the demo catalogue and 1,000 visitor
# cookies, so widgets, views and card caches see a realistic mix. Needs wrk (apt-get install -y wrk).
# The whole run is bounded: about 2 x WARMUP + 2 x ROUNDS x DURATION plus the two start-ups.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-60s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PRODUCTS=${PRODUCTS:-200}
PORT_ON=${PORT_ON:-18181}
PORT_OFF=${PORT_OFF:-18182}
BUILD=${SL_BUILD_DIR:-target}
HEAP=${HEAP:-2g}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

work=$(mktemp -d /tmp/smartlists-page-cost.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building the test classpath in $BUILD ..." >&2
./mvnw -q -B -ntp -Dsl.build.dir="$BUILD" test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2
cp="$BUILD/test-classes:$BUILD/classes:$(cat "$work/cp.txt")"

start() { # port enabled log
  java -Xmx"$HEAP" -cp "$cp" io.smartlists.demo.DemoStoreApplication \
    --server.port="$1" --smartlists.enabled="$2" --demo.replay.enabled=false \
    --logging.level.root=WARN --logging.level.io.smartlists.engine=INFO >"$3" 2>&1 &
  pids+=($!)
}
start "$PORT_ON" true "$work/on.log"
start "$PORT_OFF" false "$work/off.log"

# the product pages: visible products of the demo catalogue
awk -F, -v max="$PRODUCTS" 'NR > 1 && $10 == "true" && $11 == "false" && n++ < max { print $1 }' \
  src/test/resources/demo-data/products.csv >"$work/products.txt"
first=$(head -1 "$work/products.txt")

ready() { # port marker log pid
  for _ in $(seq 1 600); do
    if ! kill -0 "$4" 2>/dev/null; then
      echo "store on port $1 stopped; its log ($3):" >&2; tail -40 "$3" >&2; exit 1
    fi
    if curl -fsS "http://127.0.0.1:$1/product/$first" 2>/dev/null | grep -q "$2"; then return 0; fi
    sleep 1
  done
  echo "store on port $1 did not become ready" >&2; exit 1
}
ready "$PORT_ON" 'class="sl-widget"' "$work/on.log" "${pids[0]}" # the module renders widgets
ready "$PORT_OFF" 'data-product-id' "$work/off.log" "${pids[1]}"
# widgets render from the first request on (fallback lists), but the start-up rebuild of the
# signals runs in the background for a while: measuring before it ends would charge its CPU to the
# page. Wait for the engine's "signals rebuilt" line.
for _ in $(seq 1 900); do grep -q 'signals rebuilt' "$work/on.log" && break; sleep 1; done
grep -q 'signals rebuilt' "$work/on.log" || { echo "the module's start-up rebuild did not end" >&2; exit 1; }

{
  echo 'local products = {'
  sed 's/.*/"&",/' "$work/products.txt"
  echo '}'
  cat <<'LUA'
local visitors = {}
math.randomseed(42)
for i = 1, 1000 do
  visitors[i] = string.format("%08x-%04x-4%03x-a%03x-%012x", math.random(0, 0x7fffffff),
    math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff), math.random(0, 0xffffffff))
end
local n = 0
request = function()
  n = n + 1
  local p = products[(n % #products) + 1]
  local v = visitors[((n * 7) % #visitors) + 1]
  return wrk.format("GET", "/product/" .. p, { ["Cookie"] = "sl_vid=" .. v })
end
LUA
} >"$work/pages.lua"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system, in clock ticks
TICK_MS=$(echo "1000 / $(getconf CLK_TCK)" | bc -l)

run() { # port duration [pid] -> "requests/s cpu-ms-per-request" (the store's process CPU)
  local c0 c1 out
  c0=$(cpu_ticks "${3:-self}")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" -s "$work/pages.lua" "http://127.0.0.1:$1")
  c1=$(cpu_ticks "${3:-self}")
  if grep -q Non-2xx <<<"$out"; then grep Non-2xx <<<"$out" | sed 's/^/non-2xx: /' >&2; fi
  awk -v ticks="$((c1 - c0))" -v tick="$TICK_MS" '
    /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 }
    END { printf "%s %.3f\n", rps, (n > 0 ? ticks * tick / n : 0) }' <<<"$out"
}

echo "warming up both stores ($WARMUP each) ..." >&2
run "$PORT_ON" "$WARMUP" "${pids[0]}" >/dev/null
run "$PORT_OFF" "$WARMUP" "${pids[1]}" >/dev/null

echo "round  module-on req/s  module-off req/s  ratio  on CPU ms/req  off CPU ms/req  CPU ratio"
sum_on=0; sum_off=0; cpu_on=0; cpu_off=0
for r in $(seq 1 "$ROUNDS"); do
  if (( r % 2 )); then
    read -r on con < <(run "$PORT_ON" "$DURATION" "${pids[0]}")
    read -r off coff < <(run "$PORT_OFF" "$DURATION" "${pids[1]}")
  else
    read -r off coff < <(run "$PORT_OFF" "$DURATION" "${pids[1]}")
    read -r on con < <(run "$PORT_ON" "$DURATION" "${pids[0]}")
  fi
  printf '%5d  %15.1f  %16.1f  %5.2f  %13.3f  %14.3f  %9.2f\n' "$r" "$on" "$off" \
    "$(echo "$on / $off" | bc -l)" "$con" "$coff" "$(echo "$coff / $con" | bc -l)"
  sum_on=$(echo "$sum_on + $on" | bc -l); sum_off=$(echo "$sum_off + $off" | bc -l)
  cpu_on=$(echo "$cpu_on + $con" | bc -l); cpu_off=$(echo "$cpu_off + $coff" | bc -l)
done
printf 'ratio (sum of on / sum of off over %d alternating rounds): %.2f\n' "$ROUNDS" \
  "$(echo "$sum_on / $sum_off" | bc -l)"
printf 'CPU ratio (off CPU per request / on CPU per request, same rounds): %.2f\n' \
  "$(echo "$cpu_off / $cpu_on" | bc -l)"
