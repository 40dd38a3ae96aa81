"""The ids of everyone erased here, kept outside the base so a restore can erase them again.

A backup taken before an erasure still holds the person; restoring it must not bring them
back. Every erasure (asked here, by retention, or received in a bundle) appends the erased
ids — ids only, never a name — to ``erased-ids.txt`` in the data folder; a restore erases
again every one of them the restored base still holds.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

ERASED_IDS_FILENAME = "erased-ids.txt"


def erased_ids_path(data_dir: Path) -> Path:
    """Return the file listing the ids erased in this data folder."""
    return data_dir / ERASED_IDS_FILENAME


def remember_erased(data_dir: Path, ids: Iterable[str]) -> None:
    """Append erased ids to the data folder's list (one per line, flushed to disk)."""
    fresh = sorted(set(ids) - erased_ids(data_dir))
    if not fresh:
        return
    path = erased_ids_path(data_dir)
    with open(path, "a", encoding="ascii") as handle:
        handle.write("".join(f"{i}\n" for i in fresh))
        handle.flush()
        os.fsync(handle.fileno())
    if os.name == "posix":
        path.chmod(0o600)


def erased_ids(data_dir: Path) -> set[str]:
    """Return every id erased in this data folder (empty when none)."""
    try:
        text = erased_ids_path(data_dir).read_text(encoding="ascii")
    except FileNotFoundError:
        return set()
    return {line.strip() for line in text.splitlines() if line.strip()}
