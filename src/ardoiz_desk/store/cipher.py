"""Encryption at rest: the base is a SQLCipher file opened with a raw 256-bit key.

The key is random, made once per installation (``services/safekeeping/base_key.py`` keeps it in the
operating system's credential store or wraps it under a passphrase). SQLCipher gets it as
a *raw* key (``PRAGMA key = "x'…'"``), so opening a connection pays no key derivation: the
passphrase's scrypt is paid once per process. The WAL, the backups and every copy made here
are encrypted with the same key; a thief of the laptop reads nothing without it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlcipher3 import dbapi2

#: The first bytes of a clear (unencrypted) SQLite file.
SQLITE_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32

DatabaseError = dbapi2.DatabaseError


class WrongBaseKeyError(Exception):
    """The key does not open this base (wrong key, or not an Ardoiz Desk base)."""


def key_pragmas(key: bytes) -> list[str]:
    """Return the statements that unlock a connection with a raw key."""
    if len(key) != KEY_BYTES:
        raise ValueError("a base key is 32 bytes")
    # SQLCipher logs a failed page check to stderr: the caller says it in one line instead.
    # Memory security (wiping every freed allocation) is off by default since SQLCipher 4.5
    # and costs writes dearly: said explicitly so that no build turns it on. Key material
    # is wiped by SQLCipher whatever this setting.
    return [
        "PRAGMA cipher_log_level = NONE",
        "PRAGMA cipher_memory_security = OFF",
        f"PRAGMA key = \"x'{key.hex()}'\"",
    ]


def unlock(dbapi_connection: Any, key: bytes) -> None:
    """Give a fresh SQLCipher connection its key (before any other statement)."""
    cursor = dbapi_connection.cursor()
    for statement in key_pragmas(key):
        cursor.execute(statement)
    cursor.close()


def connect(path: Path, key: bytes | None, *, readonly: bool = False) -> Any:
    """Open a SQLCipher connection on a file (key None: a clear file); check the key works."""
    target = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    conn = sqlcipher3.connect(target, uri=True)
    try:
        if key is not None:
            unlock(conn, key)
        else:
            conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        if "not a database" not in str(exc):
            raise  # a folder that cannot be written, a disk error: not a key problem
        raise WrongBaseKeyError(str(exc)) from exc
    return conn


def is_clear_base(path: Path) -> bool:
    """True when a file is a clear (unencrypted) SQLite base."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def export_encrypted(source: Any, dest: Path, key: bytes) -> None:
    """Write the whole of an open connection's base into a new file encrypted with key."""
    source.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", (str(dest),))
    try:
        source.execute("SELECT sqlcipher_export('enc')").fetchall()
    finally:
        source.execute("DETACH DATABASE enc")


def make_private_dir(folder: Path) -> None:
    """Create a folder and any missing parent, each readable by its owner only (POSIX)."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)  # a racing process may have made it
    if not folder.is_dir():
        folder.mkdir()  # a file stands there: raise the usual error


def private_file(path: Path) -> None:
    """Make a file readable by its owner only (POSIX)."""
    if os.name == "posix" and path.exists():
        path.chmod(0o600)
