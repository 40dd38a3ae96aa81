#!/usr/bin/env bash
# Install what is needed (scripts/setup.sh, idempotent), start a local PostgreSQL server for
# the coordinator-on-PostgreSQL test (scripts/postgres.sh; skipped where it cannot run),
# then run the whole test suite headless. Extra arguments go to pytest,
# e.g. `scripts/test.sh -m "not slow"`.
set -euo pipefail

cd "$(dirname "$0")/.."
scripts/setup.sh
if [[ -z "${ARDOIZ_TEST_POSTGRES_URL:-}" ]]; then
    if url=$(scripts/postgres.sh); then
        export ARDOIZ_TEST_POSTGRES_URL="$url"
    else
        echo "test: no PostgreSQL server here; the PostgreSQL test will be skipped" >&2
    fi
fi
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q "$@"
