"""One hash of the synchronised content of a base.

Independent of insertion order (rows are read by id) and of replica-local data (the
replica's identity, clock, search keys, ledgers). Two bases with the same synchronised
values print the same digest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ardoiz_desk.store.models import SYNCED_MODELS, synced_fields


def _canonical(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return sorted(value)
    return value


def content_digest(session: Session) -> str:
    """Return the SHA-256 of every synchronised row's synchronised fields, table by table."""
    hasher = hashlib.sha256()
    for model in SYNCED_MODELS:
        table = model.__table__  # type: ignore[attr-defined]
        fields = synced_fields(model)
        columns = [table.c.id, *(table.c[f] for f in fields)]
        hasher.update(f"#{table.name}\n".encode())
        result = session.execute(select(*columns).order_by(table.c.id)).yield_per(5000)
        for row in result:
            record = [_canonical(v) for v in row]
            hasher.update(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode())
            hasher.update(b"\n")
    return hasher.hexdigest()
