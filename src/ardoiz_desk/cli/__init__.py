"""The ``ardoiz-desk`` command line: the stable contract for coordinators and scripts.

Each group of sub-commands lives in its own module with a ``register(subparsers)``
function; :data:`COMMAND_MODULES` lists them. Exit code 0 on success; otherwise non-zero
with a one-line reason on stderr. The command line talks to services and printing only:
opening the window (no sub-command, or ``--self-test``) is the program's entry's business
(:mod:`ardoiz_desk.entry`), which hands :func:`main` a :class:`Window` to open.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ardoiz_desk import __version__
from ardoiz_desk.cli.errors import CommandError, base_secrets, database_url
from ardoiz_desk.cli.failures import EXIT_BROKEN_PIPE
from ardoiz_desk.paths import ENV_DATABASE_URL, resolve_data_dir

COMMAND_MODULES = (
    "ardoiz_desk.cli.setup",
    "ardoiz_desk.cli.participants",
    "ardoiz_desk.cli.activities",
    "ardoiz_desk.cli.health",
    "ardoiz_desk.cli.reports",
    "ardoiz_desk.cli.bundles",
    "ardoiz_desk.cli.sync",
    "ardoiz_desk.cli.retention",
    "ardoiz_desk.cli.duplicates",
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Window:
    """How to open the window: ``open(data_dir, lang)`` and ``self_test()``, exit codes."""

    open: Callable[[Path, str | None], int]
    self_test: Callable[[], int]


def _global_options(add_help: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ardoiz-desk",
        description="Ardoiz Desk: offline-first desk app for the Ardoiz senior tablet pilot.",
        add_help=add_help,
    )
    parser.add_argument("--version", action="version", version=f"ardoiz-desk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder (default: $ARDOIZ_DESK_DATA_DIR, else the user data folder)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="a PostgreSQL base for a large coordinator (postgresql+psycopg://…; "
        "default: $ARDOIZ_DESK_DATABASE_URL, else the SQLite base in the data folder)",
    )
    parser.add_argument(
        "--base-passphrase-file",
        metavar="FILE",
        help="file holding the base passphrase, where no credential store keeps the base key "
        "(default: $ARDOIZ_DESK_BASE_PASSPHRASE)",
    )
    parser.add_argument(
        "--base-recovery-key-file",
        metavar="FILE",
        help="file holding the recovery key of the recovery sheet (opens the base without "
        "its passphrase)",
    )
    parser.add_argument("--verbose", action="store_true", help="log debug details to the log file")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="migrate a temporary base, open the window offscreen, exit",
    )
    parser.add_argument(
        "--lang", choices=("fr", "en"), help="window language (default: saved setting, else French)"
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command."""
    parser = _global_options()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None, window: Window | None = None) -> int:
    """Run the command line; with no sub-command, open the ``window`` (if given)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # Opening the window needs none of the sub-commands (nor the data layer they import):
    # parse the global options alone first, so the window appears sooner.
    args, rest = _global_options(add_help=False).parse_known_args(argv)
    if rest or args.self_test:
        args = build_parser().parse_args(argv)
    else:
        args.command = None
    try:
        if (args.self_test or args.command is None) and window is None:
            raise CommandError("no command given (the window opens from ardoiz_desk.entry)", 2)
        if args.self_test:
            return window.self_test()
        data_dir = resolve_data_dir(args.data_dir)
        from ardoiz_desk.logging_setup import configure_logging

        configure_logging(data_dir, args.verbose)
        secrets = (_secret(args.base_passphrase_file), _secret(args.base_recovery_key_file))
        if args.command is None:
            with base_secrets(*secrets):  # the window unlocks the base with them too
                return window.open(data_dir, args.lang)
        url = args.database_url or os.environ.get(ENV_DATABASE_URL) or None
        with database_url(url), base_secrets(*secrets):
            code = int(args.handler(args, data_dir) or 0)
        sys.stdout.flush()  # a closed pipe shows up here, still inside the try
        return code
    except CommandError as exc:
        print(f"ardoiz-desk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("ardoiz-desk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except Exception as exc:  # a last resort: one line for the user, the trace in the log
        return _one_line(exc)


def _secret(path: str | None) -> str | None:
    """Read a passphrase or recovery key file (first line, trimmed)."""
    if not path:
        return None
    try:
        lines = open(path, encoding="utf-8").read().splitlines()  # noqa: SIM115
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}", 2) from exc
    return lines[0].strip() if lines else None


def _quiet_broken_pipe() -> int:
    """The reader went away (``| head``): stop quietly, as other Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE


def _one_line(exc: Exception) -> int:
    """Say what failed in one English line; log the type and place, never the values."""
    from ardoiz_desk.cli.failures import describe

    described = describe(exc)
    if described is not None:
        line, code = described
        log.error("command failed: %s (%s)", line, type(exc).__name__)
        print(f"ardoiz-desk: {line}", file=sys.stderr)
        return code
    # The log gets the type and where it happened, never the message: it may quote values.
    where = "".join(traceback.format_tb(exc.__traceback__))
    log.error("command failed: %s\n%s", type(exc).__name__, where)
    print(f"ardoiz-desk: {type(exc).__name__}: {exc}".splitlines()[0], file=sys.stderr)
    return 1
