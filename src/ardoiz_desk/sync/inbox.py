"""Which files of a shared folder are bundles ready to import, and which to leave alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

BUNDLE_SUFFIX = ".ardoiz"
_PARTIAL = re.compile(
    r"(\.(part|partial|tmp|temp|crdownload|download)$)|(^\.~)|(^~\$)|(^\.syncthing\.)"
    r"|(^\.~lock\.)|(\.~[^.]*$)",
    re.IGNORECASE,
)
_CONFLICT = re.compile(r"(\(conflicted copy)|(\.sync-conflict-)|( \(conflict)", re.IGNORECASE)


@dataclass(frozen=True)
class InboxEntry:
    """A file found in an inbox: ready, or skipped with a reason (French)."""

    path: Path
    skipped_reason: str = ""


def classify(path: Path) -> str | None:
    """Return why a file must be skipped, '' for a bundle to import, None if not a bundle."""
    name = path.name
    if _CONFLICT.search(name):
        return "copie de conflit créée par le logiciel de partage (Nextcloud, Syncthing…)"
    if _PARTIAL.search(name):
        if BUNDLE_SUFFIX in name.lower() or name.startswith((".~", ".syncthing.")):
            return "fichier partiel : transfert ou écriture en cours"
        return None
    if name.lower().endswith(BUNDLE_SUFFIX):
        return ""
    return None


def scan_folder(folder: Path) -> list[InboxEntry]:
    """List the bundles of a folder (recursively), oldest first, with skipped files flagged."""
    entries: list[tuple[float, InboxEntry]] = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        reason = classify(path)
        if reason is None:
            continue
        entries.append((path.stat().st_mtime, InboxEntry(path, reason)))
    entries.sort(key=lambda e: (e[0], str(e[1].path)))
    return [e for _t, e in entries]
