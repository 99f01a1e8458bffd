#!/usr/bin/env bash
# Run the benchmark on a throwaway PostgreSQL cluster.
#
#   scripts/bench-postgres.sh [bench.py arguments, e.g. --scale 100]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$HERE/with-postgres.sh" uv run --frozen python bench/bench.py "$@"
