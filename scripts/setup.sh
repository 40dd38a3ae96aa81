#!/usr/bin/env bash
# Install what Ardoiz Desk needs on Debian 12, idempotently:
#   1. the Debian packages Qt needs (offscreen and a real X window), fonts, Xvfb, binutils
#      (PyInstaller), poppler-utils, the AT-SPI bus with Debian's pyatspi (accessibility
#      test) — only those missing, `apt-get update` only then;
#   2. a virtual environment in .venv with the project installed editable, with its dev tools.
# Run it again at will: it does nothing when all is in place (and pyproject.toml unchanged).
# Environment: PYTHON (default python3, 3.11 or newer), SKIP_SYSTEM_PACKAGES=1 to skip step 1.
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
VENV=".venv"

SYSTEM_PACKAGES=(
    # Qt offscreen and fonts (without fonts every glyph is a box)
    libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
    fonts-dejavu-core
    # a real window, also under Xvfb
    xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
    # real key presses on that X screen (tests), and whole-screen pictures (screenshots.py)
    xdotool imagemagick
    # the accessibility-tree test: an AT-SPI bus and Debian's pyatspi (what Orca reads)
    at-spi2-core python3-pyatspi dbus-x11 gir1.2-atspi-2.0
    # PyInstaller build; PDF checks of the reports
    binutils poppler-utils
    # Debian's python3 needs these to make a venv
    python3 python3-venv
)

missing_packages() {
    local pkg status
    for pkg in "${SYSTEM_PACKAGES[@]}"; do
        status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
        [[ "$status" == "installed" ]] || echo "$pkg"
    done
}

install_system_packages() {
    if ! command -v dpkg-query >/dev/null; then
        echo "setup: not a Debian system; install the equivalents of: ${SYSTEM_PACKAGES[*]}" >&2
        return 0
    fi
    local missing
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} == 0)); then
        echo "setup: system packages already present"
        return 0
    fi
    local sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    echo "setup: installing ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

make_venv() {
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
        echo "setup: $PYTHON is older than Python 3.11" >&2
        exit 1
    }
    [[ -x "$VENV/bin/python" ]] || "$PYTHON" -m venv "$VENV"
    # Reinstall only when the project's metadata changed since the last successful install.
    local stamp="$VENV/.ardoiz-setup" want
    want=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && "$VENV/bin/python" -c 'import ardoiz_desk' 2>/dev/null; then
        echo "setup: $VENV already up to date"
        return 0
    fi
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e '.[dev]'
    echo "$want" >"$stamp"
    echo "setup: $VENV ready ($("$VENV/bin/ardoiz-desk" --version))"
}

if [[ "${SKIP_SYSTEM_PACKAGES:-0}" != 1 ]]; then
    install_system_packages
fi
make_venv
