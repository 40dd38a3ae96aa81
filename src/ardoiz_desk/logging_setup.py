"""Logging to a rotating file in the data folder, holding no personal data.

The log says what the program did and where it failed, never the values it handled: the
engines hide statement parameters (``hide_parameters``), the command line logs a failure's
type and place but not its message. Files rotate by size and are deleted once older than
:data:`LOG_KEEP_DAYS`, well under the shortest retention period of personal data.

Logging never stops the program: a data folder that is missing (the command will say so),
read-only or on a full disk leaves the log out, silently.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import time
import traceback
from pathlib import Path
from typing import Any

LOG_FILENAME = "ardoiz-desk.log"
#: Rotated logs older than this are deleted at start: shorter than the shortest retention
#: period an agent can set (one month), though logs hold no personal data anyway.
LOG_KEEP_DAYS = 28


def configure_logging(data_dir: Path, verbose: bool = False) -> Path | None:
    """Send logs to <data_dir>/logs/ardoiz-desk.log; return its path (None: no file log)."""
    # A failing handler (full disk, removed drive) must not print "--- Logging error ---".
    logging.raiseExceptions = False
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_ardoiz", False):
            root.removeHandler(handler)
            with contextlib.suppress(OSError):  # its disk is full or gone: nothing to lose
                handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    log_file = _open_log_file(data_dir)
    handler: logging.Handler
    if log_file is None:
        handler = logging.NullHandler()  # no file: and no traceback on stderr either
    else:
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(NoValuesFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._ardoiz = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return log_file


class NoValuesFormatter(logging.Formatter):
    """Writes where an exception happened and its type, never its message.

    An exception's message may quote what it failed on — a name, a phone number, a note —
    and a log outlives an erasure: every ``log.exception`` goes through here.
    """

    def format(self, record: logging.LogRecord) -> str:
        """Format a record, its exception always through :meth:`formatException`."""
        cached = record.exc_text  # another handler may have cached the full traceback
        record.exc_text = self.formatException(record.exc_info) if record.exc_info else None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:
        """File, line and function of each frame (not even the source line), and types."""
        _type, exc, tb = ei
        frames = [
            f'  File "{f.filename}", line {f.lineno}, in {f.name}\n'
            for f in traceback.extract_tb(tb)
        ]
        lines = ["Traceback (most recent call last):\n", *frames]
        chain = []
        seen: set[int] = set()
        while exc is not None and id(exc) not in seen:
            seen.add(id(exc))
            chain.append(type(exc).__name__)
            exc = exc.__cause__ or exc.__context__
        lines.append(" <- ".join(chain) + " (message not logged: it may quote personal data)")
        return "".join(lines)


def _open_log_file(data_dir: Path) -> Path | None:
    if not data_dir.is_dir():
        return None  # never create a data folder just to log into it
    log_dir = data_dir / "logs"
    log_file = log_dir / LOG_FILENAME
    try:
        log_dir.mkdir(exist_ok=True)
        if os.name == "posix":
            log_dir.chmod(0o700)
        prune_old_logs(log_dir)
        with open(log_file, "a", encoding="utf-8"):
            pass
        if os.name == "posix":
            log_file.chmod(0o600)
    except OSError:
        return None
    return log_file


def prune_old_logs(log_dir: Path, keep_days: int = LOG_KEEP_DAYS) -> list[Path]:
    """Delete log files last written more than keep_days ago; return them."""
    limit = time.time() - keep_days * 86_400
    removed = []
    for path in log_dir.glob(f"{LOG_FILENAME}*"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
