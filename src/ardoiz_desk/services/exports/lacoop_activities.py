"""La Coop's accompaniments sheet: the columns, order and wording of La Coop's own export of
a mediator's activities (``features/activites/use-cases/list/export/
buildAccompagnementsWorksheet.ts``, self export, no V1 column): one row per person
accompanied, "Participants" 1 or k/n; autonomy (or the workshop's level) as stars k/3.

Our agents' trainings (``formation``) are not La Coop activities and stay out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from ardoiz_desk.services.people.participants import age_band
from ardoiz_desk.services.vocabulary import (
    AGE_BAND_LABELS,
    ANONYMOUS_BREAKDOWN,
    ANONYMOUS_LABEL,
    AUTONOMIES,
    GENRE_LABELS,
    KIND_LABELS,
    MATERIEL_LABELS,
    NIVEAUX,
    NOT_GIVEN,
    STATUT_LABELS,
    STRUCTURE_LABELS,
    THEME_LABELS,
    TYPE_LIEU_LABELS,
    label,
)
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.hlc import parse_stamp
from ardoiz_desk.store.models import Activity, Attendance, Participant, Site

ACCOMPANIMENT_HEADERS = (
    "Date",
    "Enregistré le",
    "Dernière modification le",
    "Type",
    "Participants",
    "Bénéficiaire",
    "Canaux d’accompagnement",
    "Nom du lieu",
    "Adresse",
    "Commune",
    "Code postal",
    "Code Insee",
    "Durée (min)",
    "Nom de l’atelier",
    "Matériel numérique utilisé",
    "Thématique(s) d’accompagnement",
    "Tags",
    "Nom de la démarche administrative",
    "Niveau d’autonomie (ou de l’atelier)",
    "Bénéficiaire réorienté",
    "Structure de redirection",
    "Commune du bénéficiaire",
    "Code postal du bénéficiaire",
    "Code Insee du bénéficiaire",
    "Genre du bénéficiaire",
    "Tranche d’âge du bénéficiaire",
    "Statut du bénéficiaire",
    "Notes supplémentaires",
    "ID CRA",
)
LA_COOP_KINDS = ("individuel", "collectif")
LINE = "\n"  # La Coop's intra-cell line break
ORIENTED = {"oui": "Oui", "non": "Non"}  # La Coop: booleanToYesNoLabel; not asked: empty


@dataclass(frozen=True)
class Accompanied:
    """One person accompanied in an activity, as La Coop's row describes them."""

    name: str
    commune: str = ""
    code_postal: str = ""
    code_insee: str = ""
    genre: str = NOT_GIVEN
    tranche_age: str = NOT_GIVEN
    statut_social: str = NOT_GIVEN
    autonomie: str | None = None


def la_coop_time(stamp: str) -> str:
    """A clock stamp as La Coop writes a time: '15/06/2026 à 14:05' (local time)."""
    moment = dt.datetime.fromtimestamp(parse_stamp(stamp).wall_ms / 1000)
    return moment.strftime("%d/%m/%Y à %H:%M")


def _created_and_modified(act: Activity) -> tuple[str, str]:
    created = min([act.updated_hlc, *(act.stamps or {}).values()])
    modified = la_coop_time(act.updated_hlc)
    return la_coop_time(created), "" if modified == la_coop_time(created) else modified


def _stars(act: Activity, autonomy: str | None) -> str:
    if autonomy in AUTONOMIES:
        return f"{AUTONOMIES.index(autonomy) + 1}/{len(AUTONOMIES)}"
    if act.niveau in NIVEAUX:
        return f"{NIVEAUX.index(act.niveau) + 1}/{len(NIVEAUX)}"
    return ""


def anonymous_people(act: Activity) -> list[Accompanied]:
    """The activity's anonymous participants, one each, their breakdown handed out in order."""
    total = act.participants_anonymes
    families = {}
    for family, codes in ANONYMOUS_BREAKDOWN.items():
        counts = (act.anonymes or {}).get(family) or {}
        handed = [code for code in codes for _ in range(int(counts.get(code, 0)))]
        families[family] = (handed + [NOT_GIVEN] * total)[:total]
    return [
        Accompanied(
            ANONYMOUS_LABEL,
            genre=families["genre"][i],
            tranche_age=families["tranche_age"][i],
            statut_social=families["statut_social"][i],
        )
        for i in range(total)
    ]


def _place(act: Activity, site: Site | None) -> tuple[str, str, str, str]:
    if act.type_lieu == "lieu_activite":
        if site is None:
            return "", "", "", ""
        return site.name, site.commune, site.commune_code_postal, site.commune_code_insee
    return "", act.lieu_commune, act.lieu_code_postal, act.lieu_code_insee


def accompaniment_rows(act: Activity, people: Sequence[Accompanied], site: Site | None):
    """La Coop's rows for one activity: one per person accompanied."""
    created, modified = _created_and_modified(act)
    place, commune, postal, insee = _place(act, site)
    n = len(people)
    for index, person in enumerate(people):
        yield (
            act.date,
            created,
            modified,
            KIND_LABELS[act.kind],
            1 if n == 1 else f"{index + 1}/{n}",
            person.name,
            TYPE_LIEU_LABELS.get(act.type_lieu, act.type_lieu),
            place,
            "",
            commune,
            postal,
            insee,
            act.duree_minutes,
            act.titre_atelier,
            LINE.join(label(MATERIEL_LABELS, m) for m in act.materiel),
            LINE.join(label(THEME_LABELS, t) for t in act.thematiques),
            LINE.join(act.tags or []),
            act.precisions_demarche,
            _stars(act, person.autonomie or act.autonomie),
            ORIENTED.get(act.oriente, ""),
            STRUCTURE_LABELS.get(act.structure_de_redirection, ""),
            person.commune,
            person.code_postal,
            person.code_insee,
            label(GENRE_LABELS, person.genre),
            label(AGE_BAND_LABELS, person.tranche_age),
            label(STATUT_LABELS, person.statut_social),
            act.notes if index == 0 else "",
            act.id,
        )


def _named(person: Participant, attendance: Attendance, today: dt.date) -> Accompanied:
    name = " ".join(x for x in (person.prenom, person.nom) if x) or ANONYMOUS_LABEL
    return Accompanied(
        name,
        person.commune,
        person.commune_code_postal,
        person.commune_code_insee,
        person.genre or NOT_GIVEN,
        age_band(person.annee_naissance, today),
        person.statut_social or NOT_GIVEN,
        attendance.autonomie,
    )


def _resolve_merged(session, ids: set[str]) -> dict[str, Participant]:
    rows = {p.id: p for p in session.scalars(select(Participant).where(Participant.id.in_(ids)))}
    targets = {p.merged_into for p in rows.values() if p.merged_into} - rows.keys()
    if targets:
        found = select(Participant).where(Participant.id.in_(targets))
        rows |= {p.id: p for p in session.scalars(found)}
    return {pid: rows.get(p.merged_into, p) if p.merged_into else p for pid, p in rows.items()}


def accompaniments(
    ws: Workspace,
    site_id: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Iterator[tuple]:
    """Every La Coop row of the period's activities (trainings left out), by date."""
    stmt = (
        select(Activity)
        .where(Activity.deleted.is_(False), Activity.kind.in_(LA_COOP_KINDS))
        .order_by(Activity.date, Activity.id)
    )
    if site_id:
        stmt = stmt.where(Activity.site_id == site_id)
    if start:
        stmt = stmt.where(Activity.date >= start)
    if end:
        stmt = stmt.where(Activity.date <= end)
    today = ws.today()
    with ws.store.session() as session:
        acts = list(session.scalars(stmt))
        sites = {s.id: s for s in session.scalars(select(Site))}
        present: dict[str, list[Attendance]] = {a.id: [] for a in acts}
        for att in session.scalars(select(Attendance).where(Attendance.deleted.is_(False))):
            if att.activity_id in present:
                present[att.activity_id].append(att)
        ids = {a.participant_id for rows in present.values() for a in rows}
        people = _resolve_merged(session, ids)
        rows = []
        for act in acts:
            named = [
                (people[a.participant_id], a)
                for a in present[act.id]
                if a.participant_id in people and not people[a.participant_id].deleted
            ]
            named.sort(key=lambda pa: (pa[0].nom, pa[0].prenom, pa[0].id))
            accompanied = [_named(p, a, today) for p, a in named] + anonymous_people(act)
            rows.extend(accompaniment_rows(act, accompanied, sites.get(act.site_id)))
    yield from rows
