"""The audit trail: a replica-local, append-only log of exports, imports, merges and
erasures, one JSON object per line in ``<data_dir>/audit.log``. It is never synchronised."""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from pathlib import Path
from typing import Any

from ardoiz_desk.services.workspace import Workspace

AUDIT_FILENAME = "audit.log"
_lock = threading.Lock()


def audit_path(data_dir: Path) -> Path:
    """Return the audit log of a data folder."""
    return data_dir / AUDIT_FILENAME


def record_event(ws: Workspace, action: str, **details: Any) -> dict[str, Any]:
    """Append one event (UTC time, replica, action, details) and flush it to disk."""
    event = {
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "replica": ws.replica_id,
        "action": action,
        "details": details,
    }
    line = json.dumps(event, ensure_ascii=False, default=str, sort_keys=True) + "\n"
    path = audit_path(ws.data_dir)
    # Created readable by its owner only (POSIX), like every file of the data folder.
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with _lock, open(fd, "a", encoding="utf-8") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    return event


def read_events(data_dir: Path) -> list[dict[str, Any]]:
    """Return every event of the audit log, oldest first (skipping a torn last line)."""
    path = audit_path(data_dir)
    if not path.exists():
        return []
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return events
