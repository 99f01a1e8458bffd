#!/usr/bin/env bash
# Run the benchmark on a throwaway PostgreSQL cluster, with wrk as the load generator.
#
#   scripts/bench-postgres.sh [bench.py arguments, e.g. --scale 100 --seconds 5]
#
# Installs Debian's wrk package when wrk is missing (as root; otherwise it asks you to).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v wrk >/dev/null 2>&1; then
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "wrk not found; install Debian's 'wrk' package (sudo apt-get install wrk)." >&2
        exit 1
    fi
    echo "Installing wrk from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
exec "$HERE/with-postgres.sh" uv run --locked python bench/bench.py "$@"
