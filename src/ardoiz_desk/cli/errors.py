"""The command line's error type (kept light: importing it loads no data layer)."""

from __future__ import annotations


class CommandError(Exception):
    """A command failed for a reason the user can act on."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code
