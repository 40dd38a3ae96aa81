"""Shared pieces of the command line."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ardoiz_desk.cli.errors import DATABASE_URL, CommandError
from ardoiz_desk.services.validation import NotFoundError, ValidationError
from ardoiz_desk.services.workspace import SchemaTooNewError, Workspace, open_workspace


@contextmanager
def workspace(data_dir: Path) -> Iterator[Workspace]:
    """Open the workspace, turning expected failures into one-line CommandErrors."""
    try:
        ws = open_workspace(data_dir, DATABASE_URL.get())
    except SchemaTooNewError as exc:
        raise CommandError(str(exc), 3) from exc
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
