"""Copying a live SQLite base safely: the backup API (which sees the WAL), then a rename."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def copy_database(src: Path, dest: Path) -> Path:
    """Copy a live base to dest through a ``.part`` file and an atomic rename; return dest."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(tmp)
        try:
            source.backup(out)
        finally:
            out.close()
    finally:
        source.close()
    tmp.replace(dest)
    return dest
