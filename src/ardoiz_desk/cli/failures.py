"""What went wrong outside the program — disk, folder, base, key — in one English line.

The exit codes are the command line's contract (README "Exit codes"):

==== =========================================================================
0    success
1    unexpected failure (details in the log, never personal data)
2    invalid input
3    the base was written by a newer version
4    not found
5    ``check``: the base is not sound
6    the data folder (or a file given) cannot be written: read-only, no right,
     or a file where a folder is expected
7    the disk is full: nothing was written
8    the data folder is unreachable: removed drive, I/O error
9    the base is busy: another program holds its write lock too long
10   no installation in the data folder: run ``init`` first
11   the base is encrypted and no key, or a wrong one, was given
130  interrupted (Ctrl+C)
141  the reader of the output went away (``| head``): quiet
==== =========================================================================
"""

from __future__ import annotations

import errno

EXIT_UNEXPECTED = 1
EXIT_NOT_WRITABLE = 6
EXIT_DISK_FULL = 7
EXIT_UNREACHABLE = 8
EXIT_LOCKED = 9
EXIT_NO_INSTALLATION = 10
EXIT_BASE_KEY = 11
EXIT_BROKEN_PIPE = 141

_OS_ERRORS = {
    errno.ENOSPC: ("no space left on the disk{where}: nothing was written", EXIT_DISK_FULL),
    errno.EDQUOT: ("disk quota exceeded{where}: nothing was written", EXIT_DISK_FULL),
    errno.EROFS: ("read-only file system{where}: nothing was written", EXIT_NOT_WRITABLE),
    errno.EACCES: ("permission denied{where}: nothing was written", EXIT_NOT_WRITABLE),
    errno.EPERM: ("permission denied{where}: nothing was written", EXIT_NOT_WRITABLE),
    errno.ENOTDIR: ("a file stands where a folder is expected{where}", EXIT_NOT_WRITABLE),
    errno.EEXIST: ("a file stands where a folder is expected{where}", EXIT_NOT_WRITABLE),
    errno.EIO: ("input/output error{where}: is the drive still connected?", EXIT_UNREACHABLE),
    errno.ENXIO: ("device gone{where}: is the drive still connected?", EXIT_UNREACHABLE),
    errno.ENODEV: ("device gone{where}: is the drive still connected?", EXIT_UNREACHABLE),
    errno.ENOENT: ("no such file or folder{where}", EXIT_UNREACHABLE),
}

# What SQLite says (through SQLAlchemy's OperationalError) -> one line and an exit code.
_BASE_ERRORS = (
    ("database or disk is full", "the disk is full: nothing was written", EXIT_DISK_FULL),
    (
        "database is locked",
        "the base is busy (another program is writing it): nothing was written; try again",
        EXIT_LOCKED,
    ),
    (
        "readonly database",
        "the data folder is read-only: nothing was written",
        EXIT_NOT_WRITABLE,
    ),
    (
        "unable to open database file",
        "the base cannot be opened: the data folder is unreachable or not writable",
        EXIT_UNREACHABLE,
    ),
    (
        "disk i/o error",
        "disk input/output error: is the drive still connected? nothing was written",
        EXIT_UNREACHABLE,
    ),
    (
        "file is not a database",
        "the base cannot be read with this key (or is not an Ardoiz Desk base)",
        EXIT_BASE_KEY,
    ),
)


def describe(exc: BaseException) -> tuple[str, int] | None:
    """Return (one English line, exit code) for a failure of the surroundings, else None."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found = _describe_one(current)
        if found:
            return found
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None


def _describe_one(exc: BaseException) -> tuple[str, int] | None:
    if isinstance(exc, OSError) and exc.errno in _OS_ERRORS:
        template, code = _OS_ERRORS[exc.errno]
        where = f" ({exc.filename})" if exc.filename else ""
        return template.format(where=where), code
    text = str(exc).lower()
    if type(exc).__name__ in ("OperationalError", "DatabaseError"):
        for needle, line, code in _BASE_ERRORS:
            if needle in text:
                return line, code
    return None
