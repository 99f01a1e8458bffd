#!/usr/bin/env bash
# Run a command next to a throwaway PostgreSQL cluster.
#
#   scripts/with-postgres.sh COMMAND [ARGS...]
#
# Starts a private cluster under /tmp on 127.0.0.1 (port TASKHUB_PG_PORT, default 55432),
# creates the taskhub role and the taskhub_test database, runs COMMAND with
# TASKHUB_TEST_DATABASE_URL, TASKHUB_BENCH_DATABASE_URL and WORKBOOK_POSTGRES_URL pointing at
# it, then stops the cluster and deletes it, whatever happened. PostgreSQL refuses to run as root: as root the
# server runs as the "postgres" system user. Debian's postgresql package is installed when
# the binaries are missing.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${TASKHUB_PG_PORT:-55432}"

find_pg_bin() {
    local candidate
    candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$candidate" && -x "$candidate/pg_ctl" ]]; then
        echo "$candidate"
    fi
}

PG_BIN="${PG_BIN:-$(find_pg_bin)}"
if [[ -z "$PG_BIN" ]]; then
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "PostgreSQL binaries not found; install Debian's 'postgresql' package." >&2
        exit 1
    fi
    echo "Installing PostgreSQL from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    PG_BIN="$(find_pg_bin)"
fi

if [[ "$(id -u)" -eq 0 ]]; then
    PG_USER="postgres"
    if ! id "$PG_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
    fi
    as_pg() { runuser -u "$PG_USER" -- "$@"; }
else
    as_pg() { "$@"; }
fi

DATA_DIR="$(mktemp -d /tmp/taskhub-pg.XXXXXX)"
[[ "$(id -u)" -eq 0 ]] && chown "$PG_USER" "$DATA_DIR"

cleanup() {
    as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$DATA_DIR"
}
trap cleanup EXIT

as_pg "$PG_BIN/initdb" -D "$DATA_DIR/data" -U postgres --auth=trust --encoding=UTF8 \
    --no-locale >/dev/null
# Durability is pointless for a throwaway cluster; turning it off makes the suite faster.
as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" -l "$DATA_DIR/server.log" -w -o \
    "-p $PORT -k $DATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off \
     -c synchronous_commit=off -c full_page_writes=off" start >/dev/null

psql_admin() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql_admin -d postgres -c "CREATE ROLE taskhub LOGIN PASSWORD 'taskhub'"
psql_admin -d postgres -c "CREATE DATABASE taskhub_test OWNER taskhub"

export TASKHUB_TEST_DATABASE_URL="postgresql+psycopg://taskhub:taskhub@127.0.0.1:${PORT}/taskhub_test"
export TASKHUB_BENCH_DATABASE_URL="$TASKHUB_TEST_DATABASE_URL"
# The workbook's SQL checks (week 05) also run on PostgreSQL when this libpq URL is set.
export WORKBOOK_POSTGRES_URL="postgresql://taskhub:taskhub@127.0.0.1:${PORT}/taskhub_test"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:${PORT}" >&2

cd "$PROJECT_DIR"
status=0
"$@" || status=$?
exit "$status"
