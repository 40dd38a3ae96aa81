"""Follow-ups: who needs to be seen again, and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ardoiz_desk.services.validation import Checker, NotFoundError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import FollowUp, Participant


@dataclass(frozen=True)
class FollowUpView:
    """A follow-up with the participant's name, for lists."""

    id: str
    participant_id: str
    participant_name: str
    due_on: dt.date
    reason: str
    done: bool
    overdue: bool


def add_followup(
    ws: Workspace, participant_id: str, due_on: dt.date, reason: str = ""
) -> FollowUpView:
    """Plan a follow-up for a participant."""
    c = Checker()
    reason = c.text("reason", "Motif", reason, max_len=300)
    c.raise_if_any()
    with ws.store.session() as session:
        person = session.get(Participant, participant_id)
        if person is None or person.deleted:
            raise NotFoundError(f"Participant introuvable : {participant_id}")
        if person.erased:
            c.fail(
                "participant_id",
                "Cette personne a été effacée (RGPD) : aucun suivi ne peut lui être ajouté.",
            )
            c.raise_if_any()
        row = FollowUp(
            participant_id=participant_id, due_on=due_on, reason=reason, site_id=person.site_id
        )
        session.add(row)
        session.flush()
        return _view(row, person, ws.today())


def _view(row: FollowUp, person: Participant, today: dt.date) -> FollowUpView:
    return FollowUpView(
        row.id,
        row.participant_id,
        f"{person.prenom} {person.nom.upper()}".strip(),
        row.due_on,
        row.reason,
        row.done,
        not row.done and row.due_on < today,
    )


def followups_due(
    ws: Workspace,
    *,
    within_days: int = 7,
    participant_id: str | None = None,
    include_done: bool = False,
) -> list[FollowUpView]:
    """Return follow-ups overdue or due within the next days, soonest first."""
    today = ws.today()
    stmt = (
        select(FollowUp, Participant)
        .join(Participant, Participant.id == FollowUp.participant_id)
        .where(
            FollowUp.deleted.is_(False),
            Participant.deleted.is_(False),
            Participant.erased.is_(False),
        )
        .order_by(FollowUp.due_on, FollowUp.id)
    )
    if participant_id:
        stmt = stmt.where(FollowUp.participant_id == participant_id)
    else:
        stmt = stmt.where(FollowUp.due_on <= today + dt.timedelta(days=within_days))
    if not include_done:
        stmt = stmt.where(FollowUp.done.is_(False))
    with ws.store.session() as session:
        return [_view(f, p, today) for f, p in session.execute(stmt)]


def mark_followup_done(ws: Workspace, followup_id: str, done: bool = True) -> None:
    """Mark a follow-up done (or not done again)."""
    with ws.store.session() as session:
        row = session.get(FollowUp, followup_id)
        if row is None or row.deleted:
            raise NotFoundError(f"Suivi introuvable : {followup_id}")
        row.done = done
        row.done_on = ws.today() if done else None
