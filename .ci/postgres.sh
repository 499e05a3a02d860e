#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests on the production database (the *Postgres* tests and
# the multi-node harness). Usage:
#   env="$(.ci/postgres.sh start)" && eval "$env"   exports SL_PGDATA, SL_PGPORT and
#                                                   SMARTLISTS_TEST_POSTGRES_URL; exits non-zero
#                                                   (and leaves nothing behind) when it cannot start
#   .ci/postgres.sh halt "$SL_PGDATA"               stops the server, keeps the cluster (outage test)
#   .ci/postgres.sh resume "$SL_PGDATA"             starts it again on the same port
#   .ci/postgres.sh stop "$SL_PGDATA"               stops it and deletes the cluster
# The port is SL_PGPORT when set (it must be free); otherwise the first free port from 55432 on.
# Installs Debian's postgresql when it is missing.
set -euo pipefail

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1
}

port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

server_start() { # data port
  as_postgres "$(pg_bin)/pg_ctl" -D "$1" -l "$1/server.log" -w -t 60 \
    -o "-p $2 -k $1 -c listen_addresses=127.0.0.1" start >&2
}

case "${1:-start}" in
  start)
    if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
      sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
      $sudo apt-get update -q >&2
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends postgresql >&2
    fi
    bin=$(pg_bin)
    data=$(mktemp -d /tmp/smartlists-pg.XXXXXX)
    trap 'as_postgres "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$data"' ERR
    chown postgres "$data" 2>/dev/null || sudo chown postgres "$data"
    as_postgres "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 >/dev/null
    if [ -n "${SL_PGPORT:-}" ]; then
      candidates=("$SL_PGPORT")
    else
      candidates=($(seq 55432 55531))
    fi
    port=""
    for p in "${candidates[@]}"; do
      if port_busy "$p"; then
        echo "postgres.sh: port $p is busy" >&2
        continue
      fi
      # another process may take the port between the check and the start: then try the next one
      if server_start "$data" "$p"; then
        port=$p
        break
      fi
      echo "postgres.sh: PostgreSQL did not start on port $p (see $data/server.log)" >&2
      sed -n '$p' "$data/server.log" >&2 || true
    done
    if [ -z "$port" ]; then
      echo "postgres.sh: PostgreSQL could not start on any of: ${candidates[*]}" >&2
      false
    fi
    echo "$port" >"$data/sl_port"
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres smartlists
    echo "export SL_PGDATA=$data"
    echo "export SL_PGPORT=$port"
    echo "export SMARTLISTS_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$port/smartlists?user=postgres'"
    ;;
  halt)
    as_postgres "$(pg_bin)/pg_ctl" -D "$2" -m fast -w stop >&2
    ;;
  resume)
    # a restart right after a fast stop can be refused once (the old postmaster's lock or socket
    # not yet released): try three times, then show the server's log
    for attempt in 1 2 3; do
      if server_start "$2" "$(cat "$2/sl_port")"; then exit 0; fi
      echo "postgres.sh: resume attempt $attempt failed" >&2
      sleep 2
    done
    tail -n 30 "$2/server.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -n "${2:-}" ] && [ -d "$2" ]; then
      as_postgres "$(pg_bin)/pg_ctl" -D "$2" -m fast stop >&2 || true
      rm -rf "$2"
    fi
    ;;
  *)
    echo "usage: $0 start | halt DATA | resume DATA | stop DATA" >&2
    exit 2
    ;;
esac
