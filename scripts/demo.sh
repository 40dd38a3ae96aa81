#!/usr/bin/env bash
# Install what is needed (scripts/setup.sh, idempotent), fill a separate demo data folder
# once (a site, an agent, 2000 participants with their activities), and open the window.
#   scripts/demo.sh [DATA_DIR]     default: $XDG_DATA_HOME/ardoiz-desk-demo
# Your real data folder is never touched. With no display, the window opens on a virtual
# one (Xvfb) and the script says so; stop it with Ctrl+C.
set -euo pipefail

cd "$(dirname "$0")/.."
scripts/setup.sh
DATA_DIR="${1:-${XDG_DATA_HOME:-$HOME/.local/share}/ardoiz-desk-demo}"
APP=(.venv/bin/ardoiz-desk --data-dir "$DATA_DIR")
# The base is encrypted; with no credential store (servers, CI, this VM) the demo folder is
# unlocked by a fixed demo passphrase, stated in the README. Demo data only.
export ARDOIZ_DESK_BASE_PASSPHRASE="${ARDOIZ_DESK_BASE_PASSPHRASE:-démo Ardoiz Sisteron tablette 2026}"

if [[ ! -f "$DATA_DIR/ardoiz-desk.sqlite3" ]]; then
    "${APP[@]}" init --site-code MSAP-SISTERON --agent "Camille Roux"
fi
"${APP[@]}" demo --participants 2000 --seed 1 --if-empty
"${APP[@]}" check
echo "demo: data in $DATA_DIR"
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    exec "${APP[@]}"
fi
echo "demo: no display here; the window runs on a virtual screen (Xvfb). Ctrl+C stops it."
exec xvfb-run -a "${APP[@]}"
