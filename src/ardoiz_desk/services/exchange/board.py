"""The territory board: what each site holds, how far behind it is, which erasures it confirmed.

The coordinator knows what a site holds from the last version vector the site sent
(:mod:`~ardoiz_desk.services.exchange.mailbox` acknowledgements, joined with the peer's
known vector). A row is *not yet received* by a site when its newest stamp is above the
site's vector entry for the stamp's replica; an erasure is *confirmed* by a site once the
site's vector holds the stamp of the ``erased`` field. Rows are bucketed by replica and
sorted once, so each site costs a few binary searches: the board of 200 sites stays fast.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select, union_all

from ardoiz_desk.services.exchange import mailbox as mb
from ardoiz_desk.services.exchange.territory import COORDINATOR, PENDING, REVOKED, territory_info
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.hlc import parse_stamp, stamp_replica
from ardoiz_desk.store.models import SYNCED_MODELS, Participant
from ardoiz_desk.sync import state
from ardoiz_desk.sync.rules import join_version_vectors


@dataclass(frozen=True)
class BoardLine:
    """One site of the territory, as the coordinator sees it."""

    replica_id: str
    site_code: str
    site_name: str
    role: str
    status: str  # trusted | pending | revoked
    last_bundle_at: str  # when its newest bundle was written (ISO), "" if never
    newest_change_at: str  # wall time of the newest change held from it (ISO), "" if none
    behind: int  # rows held here that it has not received yet
    pending_bundles: int  # its bundles held for approval
    unconfirmed_erasures: tuple[str, ...]  # participant ids it has not confirmed erasing
    silent_days: int | None  # days since its last bundle (None: never heard of)
    silent: bool  # silent for longer than the setting


@dataclass(frozen=True)
class ErasureState:
    """An erasure, and the sites that have not confirmed it yet."""

    participant_id: str
    erased_at: str  # ISO, from the erasure's stamp
    unconfirmed_by: tuple[str, ...]  # site codes (or replica ids)


@dataclass(frozen=True)
class TerritoryBoard:
    """The territory board at one moment."""

    territory: str
    at: str
    silent_after_days: int
    lines: tuple[BoardLine, ...]
    erasures: tuple[ErasureState, ...]


def stamp_time(stamp: str) -> str:
    """Return a stamp's wall time as ISO text (UTC, seconds)."""
    if not stamp:
        return ""
    wall = parse_stamp(stamp).wall_ms / 1000
    return dt.datetime.fromtimestamp(wall, dt.UTC).replace(microsecond=0).isoformat()


def _buckets(conn) -> dict[str, list[str]]:
    """Newest stamp of every synchronised row, by replica, sorted."""
    parts = [select(m.__table__.c.updated_hlc) for m in SYNCED_MODELS]  # type: ignore[attr-defined]
    buckets: dict[str, list[str]] = defaultdict(list)
    for (stamp,) in conn.execute(union_all(*parts)):
        if stamp:
            buckets[stamp[-16:]].append(stamp)
    for values in buckets.values():
        values.sort()
    return buckets


def _erasures(conn) -> list[tuple[str, str]]:
    """(participant id, stamp of its erasure) of every erased record."""
    table = Participant.__table__
    stmt = select(table.c.id, table.c.stamps, table.c.updated_hlc).where(table.c.erased.is_(True))
    return sorted(
        (pid, (stamps or {}).get("erased", updated)) for pid, stamps, updated in conn.execute(stmt)
    )


def _behind(buckets: Mapping[str, list[str]], vv: Mapping[str, str]) -> int:
    return sum(len(v) - bisect.bisect_right(v, vv.get(r, "")) for r, v in buckets.items())


def _silence(last: str, now: dt.datetime) -> int | None:
    when = mb.parse_time(last)
    return None if when is None else max(0, (now - when).days)


def territory_board(ws: Workspace, now: dt.datetime | None = None) -> TerritoryBoard:
    """Compute the board (coordination only)."""
    info = territory_info(ws)
    if info is None or info.role != COORDINATOR:
        raise ValidationError(
            {"role": "Le tableau du territoire est tenu par la coordination seulement."}
        )
    now = now or dt.datetime.now(dt.UTC)
    threshold = mb.silent_days(ws)
    with ws.store.session() as session:
        conn = session.connection()
        peers = state.list_peers(conn)
        acks = mb.acknowledgements(conn)
        held = state.held_bundles(conn)
        buckets = _buckets(conn)
        erasures = _erasures(conn)
    pending: dict[str, int] = defaultdict(int)
    for row in held:
        pending[row["origin_replica"]] += 1
    lines = []
    missing: dict[str, list[str]] = defaultdict(list)
    for p in peers:
        if p.replica_id == ws.replica_id:
            continue
        ack = acks.get(p.replica_id) or {}
        vv = join_version_vectors(p.known_vv or {}, ack.get("version_vector") or {})
        member = p.status not in (PENDING, REVOKED)
        unconfirmed = tuple(
            pid for pid, stamp in erasures if member and vv.get(stamp_replica(stamp), "") < stamp
        )
        for pid in unconfirmed:
            missing[pid].append(p.site_code or p.replica_id)
        own = buckets.get(p.replica_id, [])
        last = ack.get("bundle_created_at") or p.last_bundle_at
        days = _silence(last, now)
        silent_for = days if days is not None else _silence(p.added_at, now)
        lines.append(
            BoardLine(
                p.replica_id,
                p.site_code,
                p.site_name,
                p.role,
                p.status,
                last,
                stamp_time(own[-1]) if own else "",
                _behind(buckets, vv) if member else 0,
                pending.get(p.replica_id, 0),
                unconfirmed,
                days,
                p.status != REVOKED and (silent_for or 0) > threshold,
            )
        )
    states = tuple(
        ErasureState(pid, stamp_time(stamp), tuple(missing.get(pid, ()))) for pid, stamp in erasures
    )
    return TerritoryBoard(
        info.name, now.replace(microsecond=0).isoformat(), threshold, tuple(lines), states
    )
