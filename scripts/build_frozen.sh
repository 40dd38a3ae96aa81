#!/usr/bin/env bash
# Build the one-folder PyInstaller program from build.spec and prove it runs:
# --self-test (migrates a temporary base, opens the window offscreen) must exit 0,
# and `check` must migrate a fresh base from the migrations carried inside the build.
# Usage: scripts/build_frozen.sh   (uses .venv/bin/pyinstaller; prints size and time)
set -euo pipefail

cd "$(dirname "$0")/.."
PYINSTALLER="${PYINSTALLER:-.venv/bin/pyinstaller}"
DIST="dist/ardoiz-desk"
EXE="$DIST/ardoiz-desk"

started=$(date +%s)
"$PYINSTALLER" --noconfirm --log-level WARN \
    --workpath build/pyinstaller --distpath dist build.spec
built=$(date +%s)

# A Qt library left out by build.spec while a bundled module or plugin links to it would
# only fail when that part is first used: refuse the build instead.
unresolved=$(cd "$DIST/_internal" && for lib in PySide6/*.so* PySide6/Qt/lib/*.so* PySide6/Qt/plugins/*/*.so; do
    LD_LIBRARY_PATH="$PWD:$PWD/PySide6/Qt/lib" ldd "$lib" 2>/dev/null | grep -E "libQt6[^ ]* => not found" | sed "s|^|$lib: |"
done || true)
if [[ -n "$unresolved" ]]; then
    echo "build_frozen: Qt libraries missing from the build:" >&2
    echo "$unresolved" >&2
    exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Run from outside the checkout so nothing can be found there by accident.
(cd "$scratch" && QT_QPA_PLATFORM=offscreen "$OLDPWD/$EXE" --self-test) || {
    echo "build_frozen: --self-test of the built program failed" >&2
    exit 1
}
# A new encrypted installation (SQLCipher inside the build), then `check` on it.
export ARDOIZ_DESK_BASE_PASSPHRASE="contrôle construction tablette Buëch 2026"
(cd "$scratch" && "$OLDPWD/$EXE" --data-dir "$scratch/data" init --site-code MSAP-BUILD \
    --site-name Build >/dev/null && "$OLDPWD/$EXE" --data-dir "$scratch/data" check) || {
    echo "build_frozen: 'init' + 'check' of a fresh encrypted base with the built program failed" >&2
    exit 1
}
ls "$DIST/_internal" | grep -q '^sqlcipher3' || {
    echo "build_frozen: sqlcipher3 (the encrypted base's driver) is missing from the build" >&2
    exit 1
}
test -f "$DIST/_internal/PySide6/Qt/translations/qtbase_fr.qm" || {
    echo "build_frozen: Qt's French translation (qtbase_fr.qm) is missing" >&2
    exit 1
}

size=$(du -sh "$DIST" | cut -f1)
echo "build_frozen: ok — $DIST is $size, built in $((built - started)) s"
