"""Record activities (workshops, individual sessions, agents' training) with attendance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from ardoiz_desk.services.people.communes import resolve_commune
from ardoiz_desk.services.validation import Checker, NotFoundError
from ardoiz_desk.services.vocabulary import (
    ACTIVITY_KINDS,
    ADMINISTRATIVE_THEME,
    ADMINISTRATIVE_THEME_LABELS,
    ALREADY_ACCOMPANIED,
    ANONYMOUS_BREAKDOWN,
    AUTONOMIES,
    MATERIELS,
    NIVEAUX,
    ORIENTE_LABELS,
    STRUCTURES_REDIRECTION,
    THEMATIQUES,
    TYPES_LIEU,
)
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

DURATION_PRESETS = (15, 30, 45, 60, 90, 120)
ARDOIZ_TAG = "Ardoiz"


@dataclass(frozen=True)
class AttendeeInput:
    """One person present, with what the agent observed."""

    participant_id: str
    premiere_fois: bool = False
    note: str = ""
    autonomie: str | None = None
    next_appointment: dt.date | None = None
    next_reason: str = ""


@dataclass(frozen=True)
class ActivityInput:
    """An activity as the agent records it (La Coop's CRA)."""

    kind: str
    date: dt.date
    duree_minutes: int
    thematiques: Sequence[str]
    materiel: Sequence[str] = ("tablette",)
    type_lieu: str = "lieu_activite"
    site_id: str | None = None
    agent_id: str | None = None
    titre_atelier: str = ""
    niveau: str | None = None
    autonomie: str | None = None
    oriente: str = ""  # "oui", "non", or "" when not asked
    structure_de_redirection: str = ""  # one of La Coop's 7 codes, when oriented
    precisions_demarche: str = ""  # the administrative procedure's name
    lieu_commune: str = ""  # the place's commune, when not at the site
    lieu_code_postal: str = ""
    lieu_code_insee: str = ""
    notes: str = ""
    participants_anonymes: int = 0
    anonymes: Mapping[str, object] = field(default_factory=dict)  # their breakdown
    tags: Sequence[str] = (ARDOIZ_TAG,)
    attendees: Sequence[AttendeeInput] = field(default_factory=tuple)
    trained_agent_ids: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class ActivityView:
    """A recorded activity and who attended."""

    id: str
    kind: str
    date: dt.date
    duree_minutes: int
    thematiques: tuple[str, ...]
    materiel: tuple[str, ...]
    type_lieu: str
    site_id: str | None
    agent_id: str | None
    titre_atelier: str
    niveau: str | None
    notes: str
    participants_anonymes: int
    participant_ids: tuple[str, ...]


def _check_many(
    c: Checker, name: str, label: str, values: Sequence[str], allowed: Sequence[str]
) -> list[str]:
    bad = [v for v in values if v not in allowed]
    if bad:
        c.fail(
            name, f"{label} : valeur inconnue « {bad[0]} ».", f"{label}: unknown value {bad[0]!r}."
        )
    return sorted(set(values))


def validate_activity(data: ActivityInput, today: dt.date) -> dict[str, object]:
    """Return the cleaned activity fields, or raise ValidationError (in French)."""
    c = Checker()
    c.choice("kind", "Type d'activité", data.kind, ACTIVITY_KINDS)
    if data.date > today + dt.timedelta(days=1):
        c.fail(
            "date",
            "Date : une activité ne peut pas être enregistrée dans le futur.",
            "date: an activity cannot be recorded in the future.",
        )
    if not 1 <= int(data.duree_minutes) <= 24 * 60:
        c.fail(
            "duree_minutes",
            "Durée : entre 1 minute et 24 heures.",
            "duration: between 1 minute and 24 hours.",
        )
    if not data.thematiques and data.kind != "formation":
        c.fail(
            "thematiques",
            "Thématiques : choisissez-en au moins une.",
            "themes: choose at least one.",
        )
    if data.participants_anonymes < 0 or data.participants_anonymes > 500:
        c.fail(
            "participants_anonymes",
            "Participants anonymes : entre 0 et 500.",
            "anonymous participants: between 0 and 500.",
        )
    cleaned: dict[str, object] = {
        "kind": data.kind,
        "date": data.date,
        "duree_minutes": int(data.duree_minutes),
        "thematiques": _check_many(c, "thematiques", "Thématique", data.thematiques, THEMATIQUES),
        "materiel": _check_many(c, "materiel", "Matériel", data.materiel, MATERIELS),
        "type_lieu": c.choice("type_lieu", "Lieu", data.type_lieu, TYPES_LIEU) or "lieu_activite",
        "site_id": data.site_id,
        "agent_id": data.agent_id,
        "titre_atelier": c.text(
            "titre_atelier", "Titre de l'atelier", data.titre_atelier, max_len=200
        ),
        "niveau": c.choice("niveau", "Niveau", data.niveau, NIVEAUX),
        "autonomie": c.choice("autonomie", "Autonomie", data.autonomie, AUTONOMIES),
        "notes": c.text("notes", "Notes", data.notes, max_len=4000, multiline=True),
        "participants_anonymes": int(data.participants_anonymes),
        "tags": sorted(set(data.tags)),
        **_orientation(c, data),
        **_procedure(c, data),
        **_place(c, data),
        "anonymes": _anonymous_breakdown(c, data.anonymes, int(data.participants_anonymes)),
    }
    for i, attendee in enumerate(data.attendees):
        c.text(
            f"attendees.{i}.note", "Note de présence", attendee.note, max_len=2000, multiline=True
        )
        c.choice(f"attendees.{i}.autonomie", "Autonomie observée", attendee.autonomie, AUTONOMIES)
        if attendee.next_appointment and attendee.next_appointment < data.date:
            c.fail(
                f"attendees.{i}.next_appointment",
                "Prochain rendez-vous : date antérieure à l'activité.",
            )
    if data.kind == "individuel" and len(data.attendees) > 1:
        c.fail(
            "attendees",
            "Un accompagnement individuel concerne une seule personne.",
            "an individual session concerns one person only.",
        )
    c.raise_if_any()
    return cleaned


def _orientation(c: Checker, data: ActivityInput) -> dict[str, str]:
    oriente = c.choice("oriente", "Orienté vers une structure", data.oriente, ORIENTE_LABELS) or ""
    structure = c.choice(
        "structure_de_redirection",
        "Structure de redirection",
        data.structure_de_redirection,
        STRUCTURES_REDIRECTION,
    )
    if structure and oriente != "oui":
        c.fail(
            "structure_de_redirection",
            "Structure de redirection : seulement quand la personne est orientée.",
        )
    return {"oriente": oriente, "structure_de_redirection": structure or ""}


def _procedure(c: Checker, data: ActivityInput) -> dict[str, str]:
    """La Coop: administrative themes and the procedure's name need the démarches theme."""
    name = c.text(
        "precisions_demarche",
        "Nom de la démarche administrative",
        data.precisions_demarche,
        max_len=200,
    )
    if ADMINISTRATIVE_THEME not in data.thematiques:
        if name:
            c.fail(
                "precisions_demarche",
                "Nom de la démarche : seulement avec la thématique « Aide aux démarches "
                "administratives ».",
            )
        if any(t in ADMINISTRATIVE_THEME_LABELS for t in data.thematiques):
            c.fail(
                "thematiques",
                "Thématiques administratives : seulement avec « Aide aux démarches "
                "administratives ».",
            )
    return {"precisions_demarche": name}


def _place(c: Checker, data: ActivityInput) -> dict[str, str]:
    """At home, remote or elsewhere, La Coop needs the commune (at the site: the site's),
    written as the official directory has it."""
    if data.type_lieu == "lieu_activite":
        return {"lieu_commune": "", "lieu_code_postal": "", "lieu_code_insee": ""}
    nom = c.text("lieu_commune", "Commune du lieu", data.lieu_commune, max_len=100)
    insee = (data.lieu_code_insee or "").strip().upper()
    postal = (data.lieu_code_postal or "").strip()
    given = {"lieu_commune": nom, "lieu_code_postal": postal, "lieu_code_insee": insee}
    if "lieu_commune" in c.errors:
        return given
    if not nom:
        c.fail("lieu_commune", "Commune du lieu : obligatoire à domicile, à distance ou ailleurs.")
        return given
    found = resolve_commune(nom, insee, postal)
    if found.error:
        c.fail("lieu_commune", f"Commune du lieu : {found.error}")
        return given
    return {
        "lieu_commune": found.nom,
        "lieu_code_postal": found.code_postal,
        "lieu_code_insee": found.code_insee,
    }


def _anonymous_breakdown(
    c: Checker, breakdown: Mapping[str, object], total: int
) -> dict[str, object]:
    """Counts per code, each family summing to at most the anonymous total (La Coop)."""
    cleaned: dict[str, object] = {}
    already = breakdown.get(ALREADY_ACCOMPANIED, 0) or 0
    if not isinstance(already, int) or not 0 <= already <= total:
        c.fail("anonymes", "Participants anonymes déjà accompagnés : entre 0 et le total.")
    elif already:
        cleaned[ALREADY_ACCOMPANIED] = already
    for family, codes in ANONYMOUS_BREAKDOWN.items():
        counts = breakdown.get(family) or {}
        if not isinstance(counts, Mapping):
            c.fail("anonymes", f"Participants anonymes : répartition « {family} » illisible.")
            continue
        unknown = [k for k in counts if k not in codes]
        values = [v for v in counts.values() if v]
        if unknown or any(not isinstance(v, int) or v < 0 for v in values):
            c.fail("anonymes", f"Participants anonymes : répartition « {family} » invalide.")
        elif sum(values) > total:
            c.fail(
                "anonymes",
                "Participants anonymes : la répartition dépasse le total des participants "
                "anonymes.",
            )
        kept = {k: v for k, v in counts.items() if v}
        if kept:
            cleaned[family] = dict(sorted(kept.items()))
    return cleaned


def record_activity(ws: Workspace, data: ActivityInput) -> ActivityView:
    """Store an activity, its attendance, follow-ups and trained agents in one transaction."""
    cleaned = validate_activity(data, ws.today())
    with ws.store.session() as session:
        activity = Activity(**cleaned)
        session.add(activity)
        session.flush()
        for attendee in data.attendees:
            person = session.get(Participant, attendee.participant_id)
            if person is None or person.deleted or person.erased:
                raise NotFoundError(f"Participant introuvable : {attendee.participant_id}")
            session.add(_attendance(activity, attendee))
            if attendee.autonomie:
                person.autonomie = attendee.autonomie
            if attendee.next_appointment:
                session.add(
                    FollowUp(
                        participant_id=person.id,
                        due_on=attendee.next_appointment,
                        reason=attendee.next_reason.strip()[:300] or "Prochain rendez-vous",
                        site_id=data.site_id,
                    )
                )
        for agent_id in data.trained_agent_ids:
            if session.get(Agent, agent_id) is None:
                raise NotFoundError(f"Agent introuvable : {agent_id}")
            session.add(
                AgentTraining(
                    id=training_id(activity.id, agent_id),
                    activity_id=activity.id,
                    agent_id=agent_id,
                )
            )
        session.flush()
        return ActivityView(
            activity.id,
            activity.kind,
            activity.date,
            activity.duree_minutes,
            tuple(activity.thematiques),
            tuple(activity.materiel),
            activity.type_lieu,
            activity.site_id,
            activity.agent_id,
            activity.titre_atelier,
            activity.niveau,
            activity.notes,
            activity.participants_anonymes,
            tuple(a.participant_id for a in data.attendees),
        )


def _attendance(activity: Activity, attendee: AttendeeInput) -> Attendance:
    return Attendance(
        id=attendance_id(activity.id, attendee.participant_id),
        activity_id=activity.id,
        participant_id=attendee.participant_id,
        premiere_fois=attendee.premiere_fois,
        note=attendee.note.strip(),
        autonomie=attendee.autonomie,
    )


@dataclass(frozen=True)
class JourneyStep:
    """One activity a participant attended, for the participant's journey."""

    activity_id: str
    date: dt.date
    kind: str
    stage: str
    duree_minutes: int
    titre_atelier: str
    autonomie: str | None
    note: str


def stage_of(kind: str, thematiques: Sequence[str], materiel: Sequence[str]) -> str:
    """Map an activity to the pilot's stage: formation, animation, prise_en_main or autre."""
    if kind == "formation":
        return "formation"
    if kind == "collectif" and "tablette" in materiel:
        return "animation"
    if kind == "individuel" and "tablette" in materiel:
        return "prise_en_main"
    return "autre"


def participant_journey(ws: Workspace, participant_id: str) -> list[JourneyStep]:
    """Return the activities a participant attended, oldest first."""
    stmt = (
        select(Activity, Attendance)
        .join(Attendance, Attendance.activity_id == Activity.id)
        .where(
            Attendance.participant_id == participant_id,
            Attendance.deleted.is_(False),
            Activity.deleted.is_(False),
        )
        .order_by(Activity.date, Activity.id)
    )
    with ws.store.session() as session:
        return [
            JourneyStep(
                act.id,
                act.date,
                act.kind,
                stage_of(act.kind, act.thematiques, act.materiel),
                act.duree_minutes,
                act.titre_atelier,
                att.autonomie or act.autonomie,
                att.note,
            )
            for act, att in session.execute(stmt)
        ]


def list_activities(
    ws: Workspace,
    *,
    since: dt.date | None = None,
    site_id: str | None = None,
    limit: int = 500,
    ids: Sequence[str] | None = None,
) -> list[ActivityView]:
    """Return recent activities (or the ones with these ids), newest first."""
    stmt = (
        select(Activity)
        .where(Activity.deleted.is_(False))
        .order_by(Activity.date.desc())
        .limit(limit)
    )
    if ids is not None:
        stmt = stmt.where(Activity.id.in_(list(ids)))
    if since:
        stmt = stmt.where(Activity.date >= since)
    if site_id:
        stmt = stmt.where(Activity.site_id == site_id)
    with ws.store.session() as session:
        rows = list(session.scalars(stmt))
        ids = [r.id for r in rows]
        present: dict[str, list[str]] = {i: [] for i in ids}
        if ids:
            for aid, pid in session.execute(
                select(Attendance.activity_id, Attendance.participant_id).where(
                    Attendance.activity_id.in_(ids), Attendance.deleted.is_(False)
                )
            ):
                present[aid].append(pid)
        return [
            ActivityView(
                r.id,
                r.kind,
                r.date,
                r.duree_minutes,
                tuple(r.thematiques),
                tuple(r.materiel),
                r.type_lieu,
                r.site_id,
                r.agent_id,
                r.titre_atelier,
                r.niveau,
                r.notes,
                r.participants_anonymes,
                tuple(present[r.id]),
            )
            for r in rows
        ]


def get_activity(ws: Workspace, activity_id: str) -> ActivityView:
    """Return one activity, or raise NotFoundError."""
    found = list_activities(ws, ids=[activity_id])
    if found:
        return found[0]
    raise NotFoundError(f"Activité introuvable : {activity_id}")
