"""Erasure as stamped writes, and erasure following ``merged_into`` redirect chains.

A merge of duplicates is a replicated redirect (``merged_into``), and sites may merge
concurrently: D -> K on one site, K -> E on another. Erasing a person must erase every
record whose redirect chain reaches them (:func:`redirected_into`, loop-safe), and a record
redirected into someone already erased (by a site not yet aware) must not stay live.

So after each applied import, in the import's own transaction, every live record whose
chain reaches an erased record is erased here with ordinary stamped writes (the replica's
clock), so that erasure travels on in later bundles like any edit and every replica
converges. Only participants with ``merged_into`` set are candidates, which keeps it cheap.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from ardoiz_desk.store.engine import REMOTE_APPLY
from ardoiz_desk.store.models import FollowUp, Participant
from ardoiz_desk.sync.rules import PERSON_KEY, blank_personal_values, person_linked_models
from ardoiz_desk.sync.state import purge_conflicts_of

log = logging.getLogger(__name__)
_CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _redirects(conn: Connection) -> list[tuple[str, str, bool]]:
    """Return (id, merged_into, erased) of every record redirected somewhere."""
    table = Participant.__table__
    stmt = select(table.c.id, table.c.merged_into, table.c.erased).where(
        table.c.merged_into.is_not(None)
    )
    return [(rid, target, bool(erased)) for rid, target, erased in conn.execute(stmt)]


def _reaching(redirects: Iterable[tuple[str, str, Any]], targets: set[str]) -> set[str]:
    """Return the records (targets excluded) whose redirect chain reaches a target."""
    children: dict[str, list[str]] = defaultdict(list)
    for rid, target, _erased in redirects:
        children[target].append(rid)
    found: set[str] = set()
    stack = list(targets)
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in found and child not in targets:
                found.add(child)
                stack.append(child)
    return found


def redirected_into(conn: Connection, person_id: str) -> set[str]:
    """Return every record whose ``merged_into`` chain reaches this person (loop-safe)."""
    return _reaching(_redirects(conn), {person_id})


def live_redirected_to_erased(conn: Connection) -> set[str]:
    """Return the records not erased whose ``merged_into`` chain reaches an erased record."""
    redirects = _redirects(conn)
    if not redirects:
        return set()
    erased = {rid for rid, _target, gone in redirects if gone}
    table = Participant.__table__
    targets = sorted({target for _rid, target, _gone in redirects} - erased)
    for chunk in _chunks(targets):
        erased.update(
            conn.scalars(select(table.c.id).where(table.c.id.in_(chunk), table.c.erased.is_(True)))
        )
    live = {rid for rid, _target, gone in redirects if not gone}
    return _reaching(redirects, erased) & live


def erase_people(session: Session, person_ids: Iterable[str]) -> tuple[int, int]:
    """Erase people with stamped writes; return (personal values blanked, follow-ups removed).

    Each person is marked erased with every personal field emptied; every row that belongs
    to them (any synchronised model with a ``participant_id`` column) has its personal
    fields emptied, and their follow-ups are removed.
    """
    ids = sorted(set(person_ids))
    blanks = blank_personal_values(Participant)
    for chunk in _chunks(ids):
        for row in session.scalars(select(Participant).where(Participant.id.in_(chunk))):
            row.erased = True
            for name, blank in blanks.items():
                if getattr(row, name) != blank:
                    setattr(row, name, blank)
    blanked = removed = 0
    for model in person_linked_models():
        model_blanks = blank_personal_values(model)
        column = getattr(model, PERSON_KEY)
        for chunk in _chunks(ids):
            for row in session.scalars(select(model).where(column.in_(chunk))):
                if model is FollowUp and not row.deleted:
                    row.deleted = True
                    removed += 1
                for name, blank in model_blanks.items():
                    if getattr(row, name) != blank:
                        setattr(row, name, blank)
                        blanked += model is not FollowUp
    return blanked, removed


def erase_redirected_to_erased(session: Session) -> set[str]:
    """Erase the live records whose redirect chain reaches an erased one; return their ids.

    Called by an import, inside its transaction, after the clock has observed the bundle.
    """
    conn = session.connection()
    ids = live_redirected_to_erased(conn)
    if not ids:
        return ids
    # Ordinary stamped writes: the erasure must travel on like a local edit.
    session.info[REMOTE_APPLY] = False
    try:
        erase_people(session, ids)
        session.flush()
    finally:
        session.info[REMOTE_APPLY] = True
    purge_conflicts_of(conn, ids)
    log.info("erased %d record(s) merged into an erased person", len(ids))
    return ids
