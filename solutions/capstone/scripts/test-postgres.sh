#!/usr/bin/env bash
# Run the TaskHub test suite on a throwaway PostgreSQL cluster (CI calls this).
#
#   scripts/test-postgres.sh [pytest arguments...]
#
# TASKHUB_REQUIRE_POSTGRES=1 makes a missing or unreachable PostgreSQL fail the run rather
# than skip it. The cluster is started and removed by with-postgres.sh.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export TASKHUB_REQUIRE_POSTGRES=1
exec "$HERE/with-postgres.sh" uv run --frozen pytest "$@"
