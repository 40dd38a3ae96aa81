#!/usr/bin/env bash
# Install what is needed (scripts/setup.sh, idempotent), then run the whole test suite
# headless. Extra arguments go to pytest, e.g. `scripts/test.sh -m "not slow"`.
set -euo pipefail

cd "$(dirname "$0")/.."
scripts/setup.sh
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q "$@"
