#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests; scripts/test.sh starts one for the whole run and
# exports its superuser URL as KASSA_TEST_PG_URL (kassa_testkit::pg::shared() then uses it):
#   pg-cluster.sh start DIR [PORT]   initdb in DIR/data and start the server on 127.0.0.1:PORT
#                                    (a free port when not given); prints the superuser URL
#                                    postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres
#   pg-cluster.sh stop DIR           stop it (pg_ctl stop -m fast); the caller removes DIR
# The same cluster as kassa_testkit::pg's Cluster::start(): password logins over TCP
# (scram-sha-256), UTF8 with the C locale, no durability (fsync=off), its Unix socket in DIR/sock.
# The server's programs come from KASSA_PG_BIN, else the highest /usr/lib/postgresql/*/bin,
# else pg_config --bindir. PostgreSQL refuses to run as root: as root, DIR belongs to the
# postgres user and initdb/pg_ctl run as it (runuser), so DIR must be reachable by that user
# (a folder under /tmp).
set -euo pipefail

log() { printf 'pg-cluster: %s\n' "$*" >&2; }
die() {
  log "$*"
  exit 1
}
usage() { die "usage: pg-cluster.sh start DIR [PORT] | stop DIR"; }

# The caller's PGDATA, PGPORT, PGSSLMODE… must not change the cluster.
for var in $(compgen -e); do
  if [[ "$var" == PG* ]]; then unset "$var"; fi
done

server_bin() {
  if [[ -n "${KASSA_PG_BIN:-}" ]]; then
    [[ -x "$KASSA_PG_BIN/initdb" && -x "$KASSA_PG_BIN/pg_ctl" ]] ||
      die "KASSA_PG_BIN is $KASSA_PG_BIN, but there is no initdb and pg_ctl in it"
    echo "$KASSA_PG_BIN"
    return
  fi
  local bin="" b
  # The highest version's: sort -V orders 9.6 < 15 < 16.
  for b in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V); do
    if [[ -x "$b/initdb" && -x "$b/pg_ctl" ]]; then bin=$b; fi
  done
  if [[ -z "$bin" ]] && command -v pg_config >/dev/null 2>&1; then
    bin=$(pg_config --bindir)
    [[ -x "$bin/initdb" && -x "$bin/pg_ctl" ]] || bin=""
  fi
  [[ -n "$bin" ]] ||
    die "PostgreSQL's server is not installed (no initdb under /usr/lib/postgresql/*/bin or from pg_config --bindir): run scripts/setup-debian.sh, or set KASSA_PG_BIN to the folder with initdb and pg_ctl"
  echo "$bin"
}

# Runs one of the server's programs in DIR, as postgres when root.
as_server() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd "$DIR" && runuser -u postgres -- "$@")
  else
    (cd "$DIR" && "$@")
  fi
}

# A port below Linux's ephemeral range (32768-) that nothing listens on.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "found no free port on 127.0.0.1 between 20000 and 32000"
}

start() {
  local bin password port options tries
  bin=$(server_bin)
  [[ -e "$DIR/data" ]] && die "$DIR/data exists: start takes a new or empty folder"
  mkdir -p "$DIR/sock"
  chmod 700 "$DIR"
  password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  printf '%s' "$password" >"$DIR/pwfile"
  if [[ $(id -u) -eq 0 ]]; then
    id -u postgres >/dev/null 2>&1 ||
      die "PostgreSQL refuses to run as root, and there is no postgres user to run it as (the package postgresql creates it): run scripts/setup-debian.sh"
    chown -R postgres:postgres "$DIR"
    runuser -u postgres -- test -w "$DIR" ||
      die "the postgres user cannot reach $DIR: use a folder under /tmp"
  fi
  as_server "$bin/initdb" -D "$DIR/data" -U postgres --pwfile="$DIR/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync >/dev/null
  options="-k $DIR/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  # A port may be taken between the check and the server's bind: then try another.
  for tries in 1 2 3 4 5; do
    port=${PORT:-$(free_port)}
    if as_server "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -o "-p $port $options" \
      -w -t 60 start >/dev/null; then
      echo "postgres://postgres:$password@127.0.0.1:$port/postgres"
      return
    fi
    if [[ -n "${PORT:-}" ]] || ((tries == 5)) || ! tail -n 5 "$DIR/server.log" | grep -q 'could not bind'; then
      break
    fi
  done
  log "PostgreSQL did not start on 127.0.0.1:$port; its log ($DIR/server.log) ends:"
  tail -n 10 "$DIR/server.log" >&2 || true
  exit 1
}

stop() {
  [[ -f "$DIR/data/postmaster.pid" ]] || return 0
  as_server "$(server_bin)/pg_ctl" -D "$DIR/data" stop -m fast -w -t 60 >/dev/null
}

(($# >= 2)) || usage
CMD=$1
DIR=$(realpath -m "$2")
PORT=${3:-}
case "$CMD" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
