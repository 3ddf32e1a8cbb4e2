#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests: a fresh cluster (initdb) listening on 127.0.0.1
# only, on a free port from 55432 up, trust authentication for the user "tiegraph", no
# durability (fsync off). ctest starts and stops it as a fixture (tests/store/CMakeLists.txt).
#
# usage: scripts/pg-test-server.sh start|stop|url [STATE_DIR]
#   start  stops a server left in STATE_DIR by an earlier run, starts a new one and writes
#          its URL to STATE_DIR/url ("postgresql://tiegraph@127.0.0.1:PORT/tiegraph")
#   stop   stops it and deletes the cluster; succeeds when none is running
#   url    prints the URL of the running server
# STATE_DIR defaults to $TG_PG_TEST_DIR, else build/pg-test. The cluster itself lives in a
# mktemp directory under /tmp (named in STATE_DIR/datadir), so the server user can reach it.
# PostgreSQL refuses to run as root: as root the server runs as the "postgres" system user
# (created by Debian's postgresql package); as anyone else it runs as that user.
set -euo pipefail

cmd=${1:-}
state=${2:-${TG_PG_TEST_DIR:-build/pg-test}}
user=tiegraph
database=tiegraph

die() {
  echo "pg-test-server: $*" >&2
  exit 1
}

# The folder holding initdb and pg_ctl: Debian keeps them in /usr/lib/postgresql/N/bin, off
# PATH. pg_config --bindir names it when the server of the same version is installed.
find_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir 2>/dev/null || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return
    fi
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return
    fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  die "no PostgreSQL server binaries (initdb, pg_ctl); install them with scripts/install-deps.sh"
}

# Runs a command as the server's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_server() {
  [ -f "$state/datadir" ] || return 0
  local data bindir
  data=$(cat "$state/datadir")
  bindir=$(cat "$state/bindir" 2>/dev/null || find_bindir)
  if [ -d "$data/cluster" ]; then
    as_owner "$bindir/pg_ctl" -D "$data/cluster" -m fast -w stop >/dev/null 2>&1 || true
  fi
  # The mktemp folder is ours; refuse to delete anything that does not look like it.
  case "$data" in
    /tmp/tg-pg.*) rm -rf "$data" ;;
    *) echo "pg-test-server: not deleting unexpected data dir '$data'" >&2 ;;
  esac
  rm -f "$state/datadir" "$state/bindir" "$state/url"
}

start_server() {
  local bindir data port log
  bindir=$(find_bindir)
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    die "running as root and there is no 'postgres' user to own the server"
  fi
  stop_server
  mkdir -p "$state"
  data=$(mktemp -d /tmp/tg-pg.XXXXXX)
  echo "$data" >"$state/datadir"
  echo "$bindir" >"$state/bindir"
  log="$state/server.log"
  : >"$log"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$data"
    chown postgres "$log"
  fi
  chmod 700 "$data"
  as_owner "$bindir/initdb" -D "$data/cluster" -U "$user" -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$state/initdb.log" 2>&1 || {
    cat "$state/initdb.log" >&2
    die "initdb failed"
  }
  # Loopback only, the socket in the private folder, and no durability: a test cluster.
  local started=0
  for port in $(seq 55432 55531); do
    port_in_use "$port" && continue
    if as_owner "$bindir/pg_ctl" -D "$data/cluster" -l "$log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
      >/dev/null 2>&1; then
      started=1
      break
    fi
    # Another process may have taken the port between the check and the start.
    grep -q "could not bind\|could not create listen socket" "$log" || break
  done
  if [ "$started" -ne 1 ]; then
    tail -n 20 "$log" >&2 || true
    die "the server did not start (log: $log)"
  fi
  as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$database" ||
    die "cannot create database $database"
  echo "postgresql://$user@127.0.0.1:$port/$database" >"$state/url"
  cat "$state/url"
}

case "$cmd" in
  start) start_server ;;
  stop) stop_server ;;
  url)
    [ -f "$state/url" ] || die "no server running for $state"
    cat "$state/url"
    ;;
  *)
    echo "usage: $0 start|stop|url [STATE_DIR]" >&2
    exit 2
    ;;
esac
