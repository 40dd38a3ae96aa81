"""Copying a live base safely: the backup API (which sees the WAL), then a rename.

The copy is encrypted with the same key as the base (SQLCipher's backup API copies
encrypted pages between two connections keyed alike), and readable by its owner only.
"""

from __future__ import annotations

from pathlib import Path

from ardoiz_desk.store.cipher import connect, make_private_dir, private_file


def copy_database(src: Path, dest: Path, key: bytes | None) -> Path:
    """Copy a live base to dest through a ``.part`` file and an atomic rename; return dest."""
    make_private_dir(dest.parent)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    source = connect(src, key, readonly=True)
    try:
        out = connect(tmp, key)
        try:
            source.backup(out)
        finally:
            out.close()
    finally:
        source.close()
    private_file(tmp)
    tmp.replace(dest)
    return dest
