"""The command line's error type and run context (kept light: no data layer imported)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: The server base (PostgreSQL) this command works on, if not the data folder's SQLite.
DATABASE_URL: ContextVar[str | None] = ContextVar("database_url", default=None)
#: What unlocks the encrypted base: (passphrase, recovery key) read from the given files.
BASE_SECRETS: ContextVar[tuple[str | None, str | None]] = ContextVar(
    "base_secrets", default=(None, None)
)


@contextmanager
def base_secrets(passphrase: str | None, recovery_key: str | None) -> Iterator[None]:
    """Run a command with the base passphrase or recovery key the user gave in files."""
    token = BASE_SECRETS.set((passphrase, recovery_key))
    try:
        yield
    finally:
        BASE_SECRETS.reset(token)


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
