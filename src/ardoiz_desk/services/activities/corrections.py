"""Correct or delete a recorded activity: open it as the form's input, write back only
what the agent changed, or lay a tombstone that travels in bundles."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from ardoiz_desk.services.activities.sessions import (
    ActivityInput,
    ActivityView,
    AttendeeInput,
    _attendance,
    get_activity,
    validate_activity,
)
from ardoiz_desk.services.validation import NotFoundError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import (
    Activity,
    Agent,
    AgentTraining,
    Attendance,
    FollowUp,
    Participant,
    attendance_id,
    training_id,
)


class ActivityNotFound(NotFoundError):
    """An activity asked for does not exist, or was deleted."""

    def __init__(self, activity_id: str) -> None:
        super().__init__(
            f"Activité introuvable : {activity_id}", f"no such activity: {activity_id}"
        )


def attendee_names(ws: Workspace, ids: Sequence[str]) -> dict[str, str]:
    """'Prénom NOM' of the people present, by participant id."""
    if not ids:
        return {}
    with ws.store.session() as session:
        rows = session.execute(
            select(Participant.id, Participant.prenom, Participant.nom).where(
                Participant.id.in_(list(ids))
            )
        ).all()
    return {pid: f"{prenom} {nom.upper()}".strip() for pid, prenom, nom in rows}


def _live_activity(session, activity_id: str) -> Activity:
    row = session.get(Activity, activity_id)
    if row is None or row.deleted:
        raise ActivityNotFound(activity_id)
    return row


def activity_input(ws: Workspace, activity_id: str) -> ActivityInput:
    """Return a recorded activity as the form's input (to open it for correction)."""
    with ws.store.session() as session:
        row = _live_activity(session, activity_id)
        present = session.scalars(
            select(Attendance)
            .where(Attendance.activity_id == activity_id, Attendance.deleted.is_(False))
            .order_by(Attendance.participant_id)
        ).all()
        trained = session.scalars(
            select(AgentTraining.agent_id).where(
                AgentTraining.activity_id == activity_id, AgentTraining.deleted.is_(False)
            )
        ).all()
        return ActivityInput(
            kind=row.kind,
            date=row.date,
            duree_minutes=row.duree_minutes,
            thematiques=tuple(sorted(row.thematiques)),
            materiel=tuple(sorted(row.materiel)),
            type_lieu=row.type_lieu,
            site_id=row.site_id,
            agent_id=row.agent_id,
            titre_atelier=row.titre_atelier,
            niveau=row.niveau,
            autonomie=row.autonomie,
            oriente=row.oriente,
            structure_de_redirection=row.structure_de_redirection,
            precisions_demarche=row.precisions_demarche,
            lieu_commune=row.lieu_commune,
            lieu_code_postal=row.lieu_code_postal,
            lieu_code_insee=row.lieu_code_insee,
            notes=row.notes,
            participants_anonymes=row.participants_anonymes,
            anonymes=dict(row.anonymes or {}),
            tags=tuple(sorted(row.tags)),
            attendees=tuple(
                AttendeeInput(a.participant_id, a.premiere_fois, a.note, a.autonomie)
                for a in present
            ),
            trained_agent_ids=tuple(sorted(trained)),
        )


_ACTIVITY_FIELDS = (
    "kind",
    "date",
    "duree_minutes",
    "thematiques",
    "materiel",
    "type_lieu",
    "site_id",
    "agent_id",
    "titre_atelier",
    "niveau",
    "autonomie",
    "oriente",
    "structure_de_redirection",
    "precisions_demarche",
    "lieu_commune",
    "lieu_code_postal",
    "lieu_code_insee",
    "notes",
    "participants_anonymes",
    "anonymes",
    "tags",
)


def _same(a: object, b: object) -> bool:
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return sorted(a) == sorted(b)
    return a == b


def update_activity(
    ws: Workspace,
    activity_id: str,
    data: ActivityInput,
    *,
    based_on: ActivityInput | None = None,
) -> ActivityView:
    """Correct a recorded activity: fields, attendance (added, removed, observations),
    trained agents; all in one transaction, or nothing.

    With ``based_on`` (what the form showed when it was opened), only what the agent
    changed is written: an edit of another field imported meanwhile is kept, not undone.
    """
    cleaned = validate_activity(data, ws.today())
    base = based_on or activity_input(ws, activity_id)
    touched = {f for f in _ACTIVITY_FIELDS if not _same(getattr(data, f), getattr(base, f))}
    before = {a.participant_id: a for a in base.attendees}
    after = {a.participant_id: a for a in data.attendees}
    with ws.store.session() as session:
        activity = _live_activity(session, activity_id)
        for name in touched:
            if not _same(getattr(activity, name), cleaned[name]):
                setattr(activity, name, cleaned[name])
        for pid, attendee in after.items():
            old = before.get(pid)
            if old == attendee:
                continue
            person = session.get(Participant, pid)
            if person is None or person.deleted or person.erased:
                raise NotFoundError(f"Participant introuvable : {pid}")
            row = session.get(Attendance, attendance_id(activity_id, pid))
            if row is None:
                session.add(_attendance(activity, attendee))
            else:
                if row.deleted:
                    row.deleted = False
                for name, value, shown in (
                    ("premiere_fois", attendee.premiere_fois, old and old.premiere_fois),
                    ("note", attendee.note.strip(), old and old.note.strip()),
                    ("autonomie", attendee.autonomie, old and old.autonomie),
                ):
                    # Only what the agent changed: an observation imported meanwhile stays.
                    if (old is None or value != shown) and getattr(row, name) != value:
                        setattr(row, name, value)
            if attendee.autonomie and (old is None or old.autonomie != attendee.autonomie):
                person.autonomie = attendee.autonomie
            if attendee.next_appointment and (
                old is None or old.next_appointment != attendee.next_appointment
            ):
                session.add(
                    FollowUp(
                        participant_id=pid,
                        due_on=attendee.next_appointment,
                        reason=attendee.next_reason.strip()[:300] or "Prochain rendez-vous",
                        site_id=data.site_id,
                    )
                )
        for pid in before.keys() - after.keys():
            row = session.get(Attendance, attendance_id(activity_id, pid))
            if row is not None and not row.deleted:
                row.deleted = True
        trained_before, trained_after = set(base.trained_agent_ids), set(data.trained_agent_ids)
        for agent_id in trained_after - trained_before:
            if session.get(Agent, agent_id) is None:
                raise NotFoundError(f"Agent introuvable : {agent_id}")
            row = session.get(AgentTraining, training_id(activity_id, agent_id))
            if row is None:
                session.add(
                    AgentTraining(
                        id=training_id(activity_id, agent_id),
                        activity_id=activity_id,
                        agent_id=agent_id,
                    )
                )
            elif row.deleted:
                row.deleted = False
        for agent_id in trained_before - trained_after:
            row = session.get(AgentTraining, training_id(activity_id, agent_id))
            if row is not None and not row.deleted:
                row.deleted = True
        session.flush()
    return get_activity(ws, activity_id)


def delete_activity(ws: Workspace, activity_id: str) -> list[str]:
    """Delete an activity: a tombstone on it and on its attendance, carried by bundles.

    Returns the ids of the participants who were present (their journeys change).
    """
    with ws.store.session() as session:
        activity = _live_activity(session, activity_id)
        activity.deleted = True
        present = []
        for row in session.scalars(
            select(Attendance).where(
                Attendance.activity_id == activity_id, Attendance.deleted.is_(False)
            )
        ):
            row.deleted = True
            present.append(row.participant_id)
        for row in session.scalars(
            select(AgentTraining).where(
                AgentTraining.activity_id == activity_id, AgentTraining.deleted.is_(False)
            )
        ):
            row.deleted = True
        session.flush()
        return present
