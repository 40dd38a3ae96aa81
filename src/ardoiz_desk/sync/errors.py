"""The one exception every bundle refusal raises, with a message a person can act on."""

from __future__ import annotations


class BundleError(Exception):
    """A bundle (or an enrolment file) was refused; the message is French and self-contained.

    ``reason`` is a short stable code for scripts and tests (``altered``, ``unknown-format``,
    ``newer-format``, ``newer-schema``, ``wrong-key``, ``other-territory``, ``clock``,
    ``references``, ``no-territory``, ``passphrase``...).
    """

    def __init__(self, message: str, reason: str = "invalid") -> None:
        super().__init__(message)
        self.reason = reason

    @property
    def message(self) -> str:
        """The French message shown to people."""
        return str(self)
