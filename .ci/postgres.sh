#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests on the production database (the *Postgres* tests and
# the multi-node harness). Usage:
#   env="$(.ci/postgres.sh start)" && eval "$env"   exports SL_PGDATA, SL_PGPORT and
#                                                   SMARTLISTS_TEST_POSTGRES_URL; exits non-zero
#                                                   (and leaves nothing behind) when it cannot start
#   .ci/postgres.sh halt "$SL_PGDATA"               stops the server, keeps the cluster (outage test)
#   .ci/postgres.sh resume "$SL_PGDATA"             starts it again on the same port
#   .ci/postgres.sh stop "$SL_PGDATA"               stops it and deletes the cluster
# The port is SL_PGPORT when set (it must be free); otherwise the first free port from 25432 on that
# no other cluster of this script holds (running or halted).
#
# Why 25432 and not 55432: a port inside the kernel's ephemeral range
# (/proc/sys/net/ipv4/ip_local_port_range, 32768-60999 on Linux) is also handed out as the local
# port of outgoing connections. While a cluster is halted, any loopback client (the harness's HTTP
# traffic, a JDBC pool, another build) may get its port as a source port, and the server cannot
# bind it again ("could not bind IPv4 address: Address already in use") until that connection and
# its TIME_WAIT are gone (60 s and more): that is why `resume` failed in CI. Ports below the range
# are never handed out that way, so only a listening server can hold them.
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

# a port recorded by another cluster of this script that still exists: kept for it while halted
port_claimed() {
  local f
  for f in /tmp/smartlists-pg.*/sl_port; do
    [ -f "$f" ] && [ "$(cat "$f" 2>/dev/null)" = "$1" ] && return 0
  done
  return 1
}

# the first candidate ports: below the ephemeral range when there is room, else above it
default_ports() {
  local low high
  read -r low high </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || { low=32768; high=60999; }
  if [ "$low" -gt 25531 ]; then
    seq 25432 25531
  elif [ "$high" -lt 65435 ]; then
    seq $((high + 1)) $((high + 100))
  else
    echo "postgres.sh: the ephemeral port range $low-$high leaves no room; resume may fail" >&2
    seq 25432 25531
  fi
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
      candidates=($(default_ports))
    fi
    port=""
    for p in "${candidates[@]}"; do
      if port_busy "$p"; then
        echo "postgres.sh: port $p is busy" >&2
        continue
      fi
      if [ -z "${SL_PGPORT:-}" ] && port_claimed "$p"; then
        echo "postgres.sh: port $p belongs to a halted cluster" >&2
        continue
      fi
      # another process may take the port between the check and the start: then try the next one
      if server_start "$data" "$p"; then
        port=$p
        break
      fi
      echo "postgres.sh: PostgreSQL did not start on port $p (see $data/server.log)" >&2
      grep -m1 'could not bind' "$data/server.log" >&2 || sed -n '$p' "$data/server.log" >&2 || true
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
    # fast: open sessions are cut off, the shutdown checkpoint is written, and pg_ctl returns once
    # postmaster.pid is gone (-w), so a resume finds no old postmaster
    as_postgres "$(pg_bin)/pg_ctl" -D "$2" -m fast -w -t 120 stop >&2
    ;;
  resume)
    port=$(cat "$2/sl_port")
    # with the port below the ephemeral range nothing but a server can hold it; should something
    # still hold it (a port outside that range by SL_PGPORT), wait for it for up to 90 s (a
    # TIME_WAIT lasts 60 s) and say who holds it
    deadline=$((SECONDS + 90))
    attempt=0
    while :; do
      attempt=$((attempt + 1))
      if server_start "$2" "$port"; then
        [ "$attempt" -eq 1 ] || echo "postgres.sh: resumed on attempt $attempt" >&2
        exit 0
      fi
      echo "postgres.sh: resume attempt $attempt failed" >&2
      if [ "$SECONDS" -ge "$deadline" ]; then
        break
      fi
      if tail -n 5 "$2/server.log" | grep -q 'could not bind'; then
        ss -tanp 2>/dev/null | awk -v p=":$port" '$4 ~ p"$"' | head -n 5 >&2 || true
      fi
      sleep 3
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
