"""Shared pieces of the command line."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ardoiz_desk.cli.errors import BASE_SECRETS, DATABASE_URL, CommandError
from ardoiz_desk.cli.failures import EXIT_BASE_KEY, EXIT_NO_INSTALLATION
from ardoiz_desk.services.exchange import BundleError
from ardoiz_desk.services.safekeeping import base_key
from ardoiz_desk.services.validation import NotFoundError, ValidationError
from ardoiz_desk.services.workspace import (
    BaseKeyError,
    NoInstallationError,
    SchemaTooNewError,
    Unlock,
    Workspace,
    open_workspace,
)


def base_unlock() -> Unlock:
    """What the user gave to unlock the base (files given on the command line; else env)."""
    passphrase, recovery_key = BASE_SECRETS.get()
    return Unlock(passphrase=passphrase, recovery_key=recovery_key)


def base_key_of(data_dir: Path) -> bytes:
    """Return the (closed) base's key, as a restore needs it."""
    try:
        return base_key.unlock_key(data_dir, base_unlock())
    except BaseKeyError as exc:
        raise CommandError(str(exc), EXIT_BASE_KEY) from exc


@contextmanager
def workspace(data_dir: Path, *, create: bool = False) -> Iterator[Workspace]:
    """Open the workspace, turning expected failures into one-line CommandErrors.

    Only ``init`` creates an installation: elsewhere a folder with no base is refused.
    """
    try:
        ws = open_workspace(data_dir, DATABASE_URL.get(), unlock=base_unlock(), create=create)
    except SchemaTooNewError as exc:
        raise CommandError(str(exc), 3) from exc
    except NoInstallationError as exc:
        raise CommandError(str(exc), EXIT_NO_INSTALLATION) from exc
    except BaseKeyError as exc:
        raise CommandError(str(exc), EXIT_BASE_KEY) from exc
    except ValidationError as exc:  # a new base's passphrase is too weak
        raise CommandError(f"invalid input: {exc}", 2) from exc
    try:
        yield ws
    except ValidationError as exc:
        raise CommandError(f"invalid input: {exc.english_line()}", 2) from exc
    except NotFoundError as exc:
        raise CommandError(getattr(exc, "english", None) or str(exc), 4) from exc
    finally:
        ws.close()


def add_command(
    sub: argparse._SubParsersAction, name: str, help_text: str, handler
) -> argparse.ArgumentParser:
    """Add a sub-command whose handler takes (args, data_dir)."""
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=handler)
    return parser


EXIT_REFUSED = 6


@contextmanager
def bundle_workspace(data_dir: Path) -> Iterator[Workspace]:
    """Open the workspace; a refused bundle becomes a one-line error."""
    try:
        with workspace(data_dir) as ws:
            yield ws
    except BundleError as exc:
        raise CommandError(exc.message, EXIT_REFUSED) from exc
