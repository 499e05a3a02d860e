#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the full-stack test (PostgresFullStackTests) and prints
# the JDBC URL to export as SMARTLISTS_TEST_POSTGRES_URL. Usage: eval "$(.ci/postgres.sh start)";
# .ci/postgres.sh stop "$SL_PGDATA". Installs Debian's postgresql when it is missing.
set -euo pipefail
port=${SL_PGPORT:-55432}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

case "${1:-start}" in
  start)
    if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
      sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
      $sudo apt-get update -q >&2
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends postgresql >&2
    fi
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    data=$(mktemp -d /tmp/smartlists-pg.XXXXXX)
    chown postgres "$data" 2>/dev/null || sudo chown postgres "$data"
    as_postgres "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 >/dev/null
    as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1" start >&2
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres smartlists
    echo "export SL_PGDATA=$data"
    echo "export SMARTLISTS_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$port/smartlists?user=postgres'"
    ;;
  stop)
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    as_postgres "$bin/pg_ctl" -D "$2" -m fast stop >&2 || true
    rm -rf "$2"
    ;;
esac
