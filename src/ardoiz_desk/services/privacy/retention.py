"""Retention (RGPD): anonymise the people not seen for longer than the retention period.

"Last contact" is the latest of: the last activity the person attended, and the last
write to their record (the wall time of its newest clock stamp). Anonymising is the
absorbing erasure of services.erasure, so it travels to every site through bundles; the
activities and head counts stay for the statistics.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.services.settings import retention_months
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.hlc import parse_stamp
from ardoiz_desk.store.models import Activity, Attendance, Participant, listed_participant


@dataclass(frozen=True)
class RetentionCandidate:
    """A person whose data is past the retention period."""

    participant_id: str
    display_name: str
    last_contact: dt.date


def months_before(day: dt.date, months: int) -> dt.date:
    """Return the same day ``months`` calendar months earlier (clamped to the month's end)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def _stamp_date(stamp: str) -> dt.date:
    return dt.datetime.fromtimestamp(parse_stamp(stamp).wall_ms / 1000, dt.UTC).date()


def _record_of(participant) -> object:
    """The record a row counts for: the one it was merged into, else itself."""
    return func.coalesce(participant.merged_into, participant.id)


def _last_contacts(session) -> dict[str, dt.date]:
    """Return each record's last contact, its merged duplicates' presences and edits included."""
    person = aliased(Participant)
    record = _record_of(person)
    seen = session.execute(
        select(record, func.max(Activity.date))
        .select_from(Attendance)
        .join(Activity, Activity.id == Attendance.activity_id)
        .join(person, person.id == Attendance.participant_id)
        .where(Attendance.deleted.is_(False), Activity.deleted.is_(False))
        .group_by(record)
    )
    last = {rid: day for rid, day in seen}
    edits = session.execute(select(record, func.max(person.updated_hlc)).group_by(record))
    for rid, stamp in edits:
        edited = _stamp_date(stamp)
        last[rid] = max(last.get(rid, edited), edited)
    return last


def retention_preview(ws: Workspace, months: int | None = None) -> list[RetentionCandidate]:
    """List the live, not yet erased people whose last contact is older than the period.

    A record's last contact covers the duplicates merged into it: someone registered twice
    and seen last week under the other record is not anonymised.
    """
    months = months or retention_months(ws)
    cutoff = months_before(ws.today(), months)
    people = (
        select(Participant.id, Participant.prenom, Participant.nom)
        .where(
            *listed_participant(),
        )
        .order_by(Participant.nom, Participant.prenom)
    )
    out = []
    with ws.store.session() as session:
        last = _last_contacts(session)
        for pid, prenom, nom in session.execute(people):
            contact = last[pid]
            if contact < cutoff:
                out.append(RetentionCandidate(pid, f"{prenom} {nom.upper()}".strip(), contact))
    return out


def apply_retention(
    ws: Workspace,
    candidates: list[RetentionCandidate],
    progress: Callable[[int, int, str], None] | None = None,
) -> int:
    """Anonymise the previewed people (each one checked again); return how many were erased."""
    still_due = {c.participant_id for c in retention_preview(ws)}
    chosen = [c for c in candidates if c.participant_id in still_due]
    for done, candidate in enumerate(chosen, 1):
        erase_participant(ws, candidate.participant_id)
        if progress:
            progress(done, len(chosen), candidate.display_name)
    record_event(ws, "retention", erased=len(chosen), months=retention_months(ws))
    return len(chosen)
