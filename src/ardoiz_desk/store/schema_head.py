"""The schema revision this app writes, known without loading Alembic.

Start-up compares it with the base's ``alembic_version`` in one query and loads Alembic
(a third of a second) only when the base needs creating or upgrading. A test keeps this
constant equal to the head of ``migrations/``.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

SCHEMA_HEAD = "0007"


class SchemaTooNewError(RuntimeError):
    """The base was written by a newer version of the app."""

    def __init__(self, found: str, known: str) -> None:
        self.found = found
        self.known = known
        super().__init__(
            f"this base is at schema {found}, written by a newer Ardoiz Desk; "
            f"this version knows schemas up to {known}: install the newer version"
        )


def stored_revision(engine: Engine) -> str | None:
    """Return the revision recorded in a base, or None for a new or unversioned one."""
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
