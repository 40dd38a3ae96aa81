"""Erasure (RGPD): empty every personal field of a person, here and, through bundles, everywhere.

Erasure is absorbing: the merge (sync/rules.py) lets ``erased`` win whatever the stamps and
drops personal values that arrive later for an erased person, so no bundle, earlier or
later, can bring them back.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ardoiz_desk.services.audit import record_event
from ardoiz_desk.services.validation import NotFoundError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import Attendance, FollowUp, Participant
from ardoiz_desk.sync.rules import blank_personal_values
from ardoiz_desk.sync.state import purge_conflicts_of


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure emptied."""

    participant_ids: tuple[str, ...]
    attendances_blanked: int
    followups_removed: int
    already_erased: bool


def erase_participant(ws: Workspace, participant_id: str) -> ErasureResult:
    """Erase a person (and the duplicate records merged into them); idempotent."""
    with ws.store.session() as session:
        person = session.get(Participant, participant_id)
        if person is None:
            raise NotFoundError(f"Participant introuvable : {participant_id}")
        already = bool(person.erased)
        duplicates = session.scalars(
            select(Participant).where(Participant.merged_into == participant_id)
        ).all()
        people = [person, *duplicates]
        blanked = removed = 0
        for row in people:
            _erase_row(row)
            blanked += _blank_attendances(session, row.id)
            removed += _remove_followups(session, row.id)
        session.flush()
        ids = tuple(p.id for p in people)
        purge_conflicts_of(session.connection(), ids)
    record_event(ws, "erase", participants=list(ids), attendances=blanked, followups=removed)
    return ErasureResult(ids, blanked, removed, already)


def _erase_row(row: Participant) -> None:
    row.erased = True
    for name, blank in blank_personal_values(Participant).items():
        if getattr(row, name) != blank:
            setattr(row, name, blank)


def _blank_attendances(session, participant_id: str) -> int:
    blanks = blank_personal_values(Attendance)
    count = 0
    for row in session.scalars(
        select(Attendance).where(Attendance.participant_id == participant_id)
    ):
        for name, blank in blanks.items():
            if getattr(row, name) != blank:
                setattr(row, name, blank)
                count += 1
    return count


def _remove_followups(session, participant_id: str) -> int:
    rows = session.scalars(
        select(FollowUp).where(
            FollowUp.participant_id == participant_id, FollowUp.deleted.is_(False)
        )
    ).all()
    for row in rows:
        row.deleted = True
        row.reason = ""
    return len(rows)
