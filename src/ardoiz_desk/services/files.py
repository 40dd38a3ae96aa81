"""What every file written shares: atomic writes, and neutralised spreadsheet formulas."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ardoiz_desk.paths import PART_SUFFIX
from ardoiz_desk.store.cipher import make_private_dir

# A cell starting with one of these is run as a formula by Excel or LibreOffice
# (OWASP "CSV injection"): such text is prefixed with an apostrophe to stay text.
FORMULA_STARTERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Return text that cannot run as a spreadsheet formula; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTERS):
        return "'" + value
    return value


@contextmanager
def atomic_path(path: str | os.PathLike[str], *, make_parent: bool = True) -> Iterator[Path]:
    """Yield ``NAME.part`` beside the target; on success it replaces the target.

    One documented name (docs/bundle-format.md): a kill leaves at most one NAME.part per
    target, overwritten by the next write and, in the data folder, removed at next start.
    ``make_parent=False`` for a removable or shared folder: if it is gone (a USB stick
    pulled), writing fails rather than recreating it on the local disk.
    """
    target = Path(path)
    if make_parent:
        make_private_dir(target.parent)
    tmp_path = target.with_name(target.name + PART_SUFFIX)
    tmp_path.unlink(missing_ok=True)
    # What the app writes may hold personal data: readable by its owner only (POSIX).
    tmp_path.touch(mode=0o600)
    try:
        yield tmp_path
        _fsync(tmp_path)
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_atomically(
    path: str | os.PathLike[str], data: bytes | str, *, make_parent: bool = True
) -> Path:
    """Write a whole file through a temporary name and a rename; a reader never sees half."""
    with atomic_path(path, make_parent=make_parent) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
    return Path(path)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
