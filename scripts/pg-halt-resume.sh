#!/usr/bin/env bash
# Checks that .ci/postgres.sh can halt and resume its cluster again and again while loopback
# clients churn through the kernel's ephemeral ports (what the multi-node harness's traffic and
# JDBC pools do during its outage test). Usage:
#   scripts/pg-halt-resume.sh [CYCLES] [SCRIPT]   (default 30 cycles of .ci/postgres.sh)
# SCRIPT lets you compare another version of postgres.sh (e.g. `git show a533ac7:.ci/postgres.sh`).
# Needs python3 for the churn (about 100 short connections a second on 127.0.0.1, each closed by
# the client, so its source port stays in TIME_WAIT for 60 s). Prints one line per cycle, then the
# number of cycles whose first resume attempt failed and of those that did not come back at all.
set -euo pipefail
cd "$(dirname "$0")/.."
cycles=${1:-30}
script=${2:-.ci/postgres.sh}

python3 - <<'PY' &
import socket, threading, time
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0)); srv.listen(512)
def accept():
    while True:
        c, _ = srv.accept(); c.recv(1); c.close()
threading.Thread(target=accept, daemon=True).start()
while True:
    t0 = time.time()
    for _ in range(10):
        try:
            s = socket.socket(); s.connect(srv.getsockname()); s.close()
        except OSError:
            pass
    time.sleep(max(0, 0.1 - (time.time() - t0)))
PY
churn=$!
env="$(bash "$script" start)"
eval "$env"
trap 'kill $churn 2>/dev/null || true; bash "$script" stop "$SL_PGDATA"' EXIT
echo "cluster $SL_PGDATA on port $SL_PGPORT"
sleep 20 # let TIME_WAIT sockets pile up
retried=0
failed=0
for i in $(seq 1 "$cycles"); do
  bash "$script" halt "$SL_PGDATA" 2>/dev/null
  sleep 1
  t0=$(date +%s%N)
  log=$(bash "$script" resume "$SL_PGDATA" 2>&1) && rc=0 || rc=$?
  ms=$((($(date +%s%N) - t0) / 1000000))
  attempts=$(grep -c 'resume attempt' <<<"$log" || true)
  [ "$attempts" -eq 0 ] || retried=$((retried + 1))
  if [ "$rc" -ne 0 ]; then
    failed=$((failed + 1))
    # bring it back for the next cycle, however long that takes
    until bash "$script" resume "$SL_PGDATA" >/dev/null 2>&1; do sleep 5; done
  fi
  tw=$(ss -tan state time-wait | wc -l)
  echo "cycle $i: resume rc $rc in $ms ms, $attempts failed attempts, $tw sockets in TIME_WAIT"
done
echo "$cycles cycles: $retried needed more than one attempt, $failed did not come back"
