"""Collect what a bundle carries: every synchronised row, or only what a peer has not seen."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy import Connection

from ardoiz_desk.store.models import SYNCED_MODELS, synced_fields
from ardoiz_desk.sync.codec import CHUNK_ROWS, ROW_HEAD, encode_section
from ardoiz_desk.sync.container import Section
from ardoiz_desk.sync.rules import unseen_by
from ardoiz_desk.sync.wire_rows import TableIO

Progress = Callable[[int, int, str], None]


def delta_floor(peer_vv: Mapping[str, str], own_vv: Mapping[str, str]) -> str:
    """Return a stamp below which no row can hold anything the peer has not seen."""
    if any(replica not in peer_vv for replica in own_vv):
        return ""
    return min(peer_vv.values(), default="")


def collect_sections(
    conn: Connection,
    peer_vv: Mapping[str, str] | None,
    own_vv: Mapping[str, str],
    progress: Progress | None = None,
    *,
    raw: bool | None = None,
) -> tuple[list[Section], str]:
    """Return one section per synchronised table and the newest stamp they carry."""
    floor = delta_floor(peer_vv, own_vv) if peer_vv is not None else ""
    sections: list[Section] = []
    newest = ""
    for step, model in enumerate(SYNCED_MODELS):
        name = model.__tablename__  # type: ignore[attr-defined]
        if progress:
            progress(step, len(SYNCED_MODELS), name)
        columns = [*ROW_HEAD, *synced_fields(model)]
        rows = TableIO(conn, model, raw=raw).scan(columns, floor)
        if peer_vv is not None:
            rows = [r for r in rows if unseen_by(peer_vv, r[2], r[1])]
        if rows:
            newest = max(newest, max(r[1] for r in rows))
        # A large table spans several sections (format 3), so that a reader holds one
        # section's rows at a time.
        for start in range(0, max(len(rows), 1), CHUNK_ROWS):
            part = rows[start : start + CHUNK_ROWS]
            data = [list(c) for c in zip(*part, strict=True)] if part else [[] for _ in columns]
            sections.append(Section(name, len(part), encode_section(columns, data)))
        del rows
    return sections, newest
