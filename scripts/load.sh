#!/usr/bin/env bash
# Saturation load on the reference store, loopback only, bounded in time (issue 14 item 4):
# wrk on the product page, the cart and the JSON widget endpoint, DURATION each (default 60s),
# THREADS/CONNECTIONS (default 2/32). Prints requests/s, p50, p99, socket errors and non-2xx per
# target, and exits non-zero if any error or non-2xx response was seen.
#   scripts/load.sh                     # starts the reference store on 127.0.0.1:$PORT
#   DURATION=20s scripts/load.sh
# Needs wrk (Debian: apt-get install -y wrk). Run it with nice on a shared machine.
set -euo pipefail
source "$(dirname "$0")/store.sh"

PORT="${PORT:-18080}"
DURATION="${DURATION:-60s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }

trap store_stop EXIT
store_start "$PORT" -Xmx1g
PRODUCT="$(store_product)"
BASE="http://127.0.0.1:$PORT"
# warm-up (JIT, first rebuild)
wrk -t1 -c4 -d10s "$BASE/product/$PRODUCT" >/dev/null

failed=0
printf '%-10s %10s %10s %10s %8s %8s\n' target 'req/s' p50 p99 errors non2xx
for target in "product:/product/$PRODUCT" "cart:/cart" \
  "json:/smartlists/api/widget?placement=PRODUCT_PAGE&product=$PRODUCT"; do
  name="${target%%:*}"
  path="${target#*:}"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path")"
  rps="$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")"
  p50="$(awk '$1 == "50%" { print $2 }' <<<"$out")"
  p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
  errors="$(awk '/Socket errors/ { gsub(",", ""); s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) s += $i; print s }' <<<"$out")"
  non2xx="$(awk '/Non-2xx or 3xx/ { print $NF }' <<<"$out")"
  printf '%-10s %10s %10s %10s %8s %8s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}" "${non2xx:-0}"
  if [[ "${errors:-0}" != 0 || "${non2xx:-0}" != 0 ]]; then failed=1; fi
done
exit "$failed"
