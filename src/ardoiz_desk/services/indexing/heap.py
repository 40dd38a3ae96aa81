"""Give memory back to the system after a large load (the search indexes').

Loading an index reads the whole participants table through SQLite's page cache (up to
``store.engine.CACHE_KIB`` per connection) and makes many short-lived Python objects; once
it is built, what was freed stays mapped in the process unless it is handed back.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any


@cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here, not at start

    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None  # glibc (not musl)
    except OSError:
        return None


def give_back_free_memory() -> bool:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``); else nothing.

    Windows' heap gives large freed blocks back by itself. True when something was returned.
    """
    libc = _libc()
    return bool(libc.malloc_trim(0)) if libc is not None else False


def shrink_sqlite_cache(connection: Any) -> None:
    """Free the unused part of a SQLite connection's page cache (``PRAGMA shrink_memory``)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA shrink_memory")
