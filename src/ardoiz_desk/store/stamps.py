"""Compact per-field stamps.

A row stores ``updated_hlc`` (its newest stamp) and ``stamps``, which lists only the fields
whose stamp is older. So a row written once carries ``{}``, and a field missing from
``stamps`` was written at ``updated_hlc``. Use these helpers rather than reading
``stamps`` directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def expand_stamps(
    stamps: Mapping[str, str], updated_hlc: str, fields: Iterable[str]
) -> dict[str, str]:
    """Return the stamp of every field of a row."""
    return {f: stamps.get(f, updated_hlc) for f in fields}


def compact_stamps(full: Mapping[str, str]) -> tuple[dict[str, str], str]:
    """Return (stamps, updated_hlc) storing only the fields older than the newest stamp."""
    if not full:
        return {}, ""
    newest = max(full.values())
    return {f: s for f, s in full.items() if s != newest}, newest


def restamp(
    stamps: Mapping[str, str],
    updated_hlc: str,
    fields: Iterable[str],
    changed: Iterable[str],
    stamp: str,
) -> tuple[dict[str, str], str]:
    """Return the compact stamps of a row after ``changed`` fields were written at ``stamp``."""
    full = expand_stamps(stamps, updated_hlc, fields)
    for field in changed:
        full[field] = stamp
    return compact_stamps(full)
