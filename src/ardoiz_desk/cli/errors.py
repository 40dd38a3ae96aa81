"""The command line's error type and run context (kept light: no data layer imported)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: The server base (PostgreSQL) this command works on, if not the data folder's SQLite.
DATABASE_URL: ContextVar[str | None] = ContextVar("database_url", default=None)


@contextmanager
def database_url(url: str | None) -> Iterator[None]:
    """Run a command against a server base by URL (None: the data folder's SQLite)."""
    token = DATABASE_URL.set(url)
    try:
        yield
    finally:
        DATABASE_URL.reset(token)


class CommandError(Exception):
    """A command failed for a reason the user can act on."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code
