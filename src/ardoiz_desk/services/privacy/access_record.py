"""One person's record for the right of access (RGPD art. 15): everything this base holds
about them — their file, the duplicates merged into it, activities, notes, follow-ups."""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

from sqlalchemy import select

from ardoiz_desk.services.files import atomic_path
from ardoiz_desk.services.people.participants import age_band
from ardoiz_desk.services.reports import labels as lb
from ardoiz_desk.services.sites.sites import this_site
from ardoiz_desk.services.validation import NotFoundError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import (
    Activity,
    Agent,
    Attendance,
    FollowUp,
    Participant,
    Site,
    synced_fields,
)

MAX_MERGE_HOPS = 20


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _person_fields(p: Participant, sites: dict[str, str], today: dt.date) -> dict[str, Any]:
    out: dict[str, Any] = {"id": p.id}
    for name in synced_fields(Participant):
        out[name] = _plain(getattr(p, name))
    out["site"] = sites.get(p.site_id or "", "")
    out["tranche_age"] = age_band(p.annee_naissance, today)
    return out


def _survivor(session, participant_id: str) -> Participant:
    row = session.get(Participant, participant_id)
    if row is None:
        raise NotFoundError(f"Participant introuvable : {participant_id}")
    for _ in range(MAX_MERGE_HOPS):
        if not row.merged_into:
            break
        nxt = session.get(Participant, row.merged_into)
        if nxt is None:
            break
        row = nxt
    return row


def _activities(session, ids: list[str], sites, agents) -> list[dict[str, Any]]:
    stmt = (
        select(Activity, Attendance)
        .join(Attendance, Attendance.activity_id == Activity.id)
        .where(Attendance.participant_id.in_(ids), Attendance.deleted.is_(False))
        .where(Activity.deleted.is_(False))
        .order_by(Activity.date, Activity.id)
    )
    return [
        {
            "date": act.date.isoformat(),
            "type": act.kind,
            "titre_atelier": act.titre_atelier,
            "duree_minutes": act.duree_minutes,
            "thematiques": list(act.thematiques),
            "materiel": list(act.materiel),
            "type_lieu": act.type_lieu,
            "site": sites.get(act.site_id or "", ""),
            "agent": agents.get(act.agent_id or "", ""),
            "autonomie": att.autonomie or act.autonomie,
            "premiere_fois": att.premiere_fois,
            "note": att.note,
        }
        for act, att in session.execute(stmt)
    ]


def _followups(session, ids: list[str]) -> list[dict[str, Any]]:
    stmt = (
        select(FollowUp)
        .where(FollowUp.participant_id.in_(ids), FollowUp.deleted.is_(False))
        .order_by(FollowUp.due_on)
    )
    return [
        {
            "date_prevue": f.due_on.isoformat(),
            "motif": f.reason,
            "fait": f.done,
            "fait_le": _plain(f.done_on),
        }
        for f in session.scalars(stmt)
    ]


def person_record(ws: Workspace, participant_id: str) -> dict[str, Any]:
    """Return everything held about one person (following merges to the surviving file)."""
    today = ws.today()
    site = this_site(ws)
    with ws.store.session() as session:
        person = _survivor(session, participant_id)
        sites = dict(session.execute(select(Site.id, Site.name)).all())
        agents = dict(session.execute(select(Agent.id, Agent.name)).all())
        duplicates = list(
            session.scalars(select(Participant).where(Participant.merged_into == person.id))
        )
        ids = [person.id] + [d.id for d in duplicates]
        return {
            "genere_le": today.isoformat(),
            "detenu_par": {"replica": ws.replica_id, "site": site.name if site else ""},
            "personne": _person_fields(person, sites, today),
            "doublons_fusionnes": [_person_fields(d, sites, today) for d in duplicates],
            "activites": _activities(session, ids, sites, agents),
            "rendez_vous": _followups(session, ids),
        }


def write_person_json(record: dict[str, Any], path: str | os.PathLike[str]) -> None:
    """Write a person's record as indented UTF-8 JSON, atomically."""
    text = json.dumps(record, ensure_ascii=False, indent=2, default=str)
    with atomic_path(path) as tmp:
        tmp.write_text(text + "\n", encoding="utf-8")


def person_display_name(record: dict[str, Any]) -> str:
    """Return 'Prénom NOM', or a neutral phrase for an erased person."""
    person = record["personne"]
    if person.get("erased"):
        return "Personne effacée (RGPD)"
    return f"{person.get('prenom', '')} {str(person.get('nom', '')).upper()}".strip()


def person_summary_lines(
    record: dict[str, Any], w: lb.Wording = lb.FRENCH
) -> list[tuple[str, str]]:
    """Return the person's file as (label, value) pairs for a printed record, in French
    unless a wording says otherwise (the PDF in the English window)."""
    t = w.t
    p = record["personne"]
    year = p.get("annee_naissance")
    notice = p.get("notice_given_on")
    return [
        (t("Nom"), str(p.get("nom") or "")),
        (t("Prénom"), str(p.get("prenom") or "")),
        (t("Année de naissance"), str(year) if year else ""),
        (t("Commune"), f"{p.get('commune') or ''} {p.get('commune_code_postal') or ''}".strip()),
        (t("Code INSEE"), str(p.get("commune_code_insee") or "")),
        (t("Téléphone"), str(p.get("telephone") or "")),
        (t("E-mail"), str(p.get("email") or "")),
        (t("Genre"), w.label(lb.label(lb.GENRE_LABELS, p.get("genre")))),
        (t("Statut social"), w.label(lb.label(lb.STATUT_LABELS, p.get("statut_social")))),
        (t("Site"), str(p.get("site") or "")),
        (
            t("Notice d'information remise le"),
            lb.french_date(dt.date.fromisoformat(notice)) if notice else "",
        ),
        (t("Tablette"), w.label(lb.label(lb.TABLET_LABELS, p.get("tablet_status") or "none"))),
        (t("Autonomie"), w.label(lb.AUTONOMY_LABELS.get(p.get("autonomie") or "", ""))),
        (t("Notes"), str(p.get("notes") or "")),
    ]
