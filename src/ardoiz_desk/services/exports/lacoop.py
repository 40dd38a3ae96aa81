"""Export for La Coop de la médiation numérique: its beneficiary import template (sheet
"Bénéficiaires", data from row 4) and an activities sheet with its headers and labels."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from ardoiz_desk.services.exports.csv_format import write_rows_csv
from ardoiz_desk.services.exports.xlsx_format import (
    TITLE_FONT,
    fit_columns,
    save_workbook,
    set_cell,
    write_header,
    write_rows,
)
from ardoiz_desk.services.people.participants import age_band
from ardoiz_desk.services.reports import labels as lb
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import Activity, Attendance, Participant, Site, listed_participant

BENEFICIARIES_SHEET = "Bénéficiaires"
ACTIVITIES_SHEET = "Activités"
BENEFICIARY_HEADERS = (
    "Nom",
    "Prénom",
    "Année de naissance",
    "Commune",
    "Code INSEE",
    "Code postal",
    "N° de téléphone",
    "E-mail",
    "Genre",
    "Notes supplémentaires",
)
BENEFICIARY_TITLE = "Import de bénéficiaires — La Coop de la médiation numérique"
BENEFICIARY_HINT = (
    "Une ligne par bénéficiaire à partir de la ligne 4. Nom et prénom obligatoires ; "
    "genre : Féminin, Masculin ou Non communiqué."
)
HEADER_ROW = 3
FIRST_DATA_ROW = 4
ACTIVITY_HEADERS = (
    "Date",
    "Type",
    "Nombre de participants",
    "Bénéficiaire",
    "Canaux d’accompagnement",
    "Lieu",
    "Durée (min)",
    "Nom de l’atelier",
    "Matériel numérique utilisé",
    "Thématique(s) d’accompagnement",
    "Nom de la démarche administrative",
    "Niveau d’autonomie du bénéficiaire",
    "Niveau de l’atelier",
    "Le bénéficiaire est-il orienté vers une autre structure ?",
    "La démarche est-elle finalisée ?",
    "Structure de redirection",
    "Commune de résidence du bénéficiaire",
    "Genre du bénéficiaire",
    "Tranche d’âge du bénéficiaire",
    "Statut du bénéficiaire",
    "Notes supplémentaires",
)
ANONYMOUS = "Anonyme"


@dataclass(frozen=True)
class LaCoopExport:
    """What a La Coop export wrote."""

    beneficiaries: int
    activities: int


def beneficiary_rows(ws: Workspace, site_id: str | None = None) -> list[tuple]:
    """Return live, named beneficiaries as La Coop's template columns, by name."""
    stmt = (
        select(Participant)
        .where(
            *listed_participant(),
        )
        .order_by(Participant.nom, Participant.prenom, Participant.id)
    )
    if site_id:
        stmt = stmt.where(Participant.site_id == site_id)
    with ws.store.session() as session:
        return [
            (
                p.nom,
                p.prenom,
                p.annee_naissance,
                p.commune,
                p.commune_code_insee,
                p.commune_code_postal,
                p.telephone,
                p.email,
                lb.label(lb.GENRE_LABELS, p.genre),
                p.notes,
            )
            for p in session.scalars(stmt)
        ]


def _lines(values: Sequence[str]) -> str:
    return "\n".join(values)


def _people(session, ids: set[str]) -> dict[str, Participant]:
    rows = {p.id: p for p in session.scalars(select(Participant).where(Participant.id.in_(ids)))}
    targets = {p.merged_into for p in rows.values() if p.merged_into} - rows.keys()
    if targets:
        rows |= {
            p.id: p for p in session.scalars(select(Participant).where(Participant.id.in_(targets)))
        }
    return {pid: rows.get(p.merged_into, p) if p.merged_into else p for pid, p in rows.items()}


def _person_cells(people: list[Participant], today: dt.date) -> list[str]:
    def name(p: Participant) -> str:
        full = f"{p.prenom} {p.nom.upper()}".strip()
        return full if full and not p.erased else ANONYMOUS

    return [
        _lines([name(p) for p in people]),
        _lines([f"{p.commune_code_postal} {p.commune}".strip() or "-" for p in people]),
        _lines([lb.label(lb.GENRE_LABELS, p.genre) for p in people]),
        _lines([lb.label(lb.AGE_BAND_LABELS, age_band(p.annee_naissance, today)) for p in people]),
        _lines([lb.label(lb.STATUT_LABELS, p.statut_social) for p in people]),
    ]


def activity_rows(
    ws: Workspace,
    site_id: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[tuple]:
    """Return beneficiary activities (trainings left out) in La Coop's columns, by date."""
    stmt = (
        select(Activity)
        .where(Activity.deleted.is_(False), Activity.kind.in_(("individuel", "collectif")))
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
        presences = select(Attendance).where(Attendance.deleted.is_(False))
        for att in session.scalars(presences):
            if att.activity_id in present:
                present[att.activity_id].append(att)
        people = _people(session, {a.participant_id for rows in present.values() for a in rows})
        return [_activity_row(a, present[a.id], people, sites, today) for a in acts]


def _activity_row(act: Activity, atts: list[Attendance], people, sites, today) -> tuple:
    persons = [people[a.participant_id] for a in atts if a.participant_id in people]
    persons = sorted((p for p in persons if not p.deleted), key=lambda p: (p.nom, p.prenom, p.id))
    autonomy = next((a.autonomie for a in atts if a.autonomie), None) or act.autonomie
    site = sites.get(act.site_id)
    place = f"{site.name}, {site.commune_code_postal} {site.commune}".strip(", ") if site else ""
    individual = act.kind == "individuel"
    name, commune, genre, age, statut = _person_cells(persons, today)
    return (
        act.date,
        lb.KIND_LABELS[act.kind],
        len(persons) + act.participants_anonymes,
        name,
        lb.label(lb.TYPE_LIEU_LABELS, act.type_lieu),
        place,
        act.duree_minutes,
        act.titre_atelier,
        _lines([lb.label(lb.MATERIEL_LABELS, m) for m in act.materiel]),
        _lines([lb.label(lb.THEME_LABELS, t) for t in act.thematiques]),
        "",
        lb.AUTONOMY_LABELS.get(autonomy or "", "") if individual else "",
        lb.NIVEAU_LABELS.get(act.niveau or "", ""),
        ("Oui" if act.oriente_vers_structure else "Non") if individual else "",
        "",
        act.structure_de_redirection,
        commune,
        genre,
        age,
        statut,
        act.notes,
    )


def write_lacoop_xlsx(
    ws: Workspace,
    path: str | os.PathLike[str],
    site_id: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> LaCoopExport:
    """Write the La Coop workbook (beneficiaries template + activities), atomically."""
    beneficiaries = beneficiary_rows(ws, site_id)
    activities = activity_rows(ws, site_id, start, end)
    wb = Workbook()
    sheet = wb.active
    sheet.title = BENEFICIARIES_SHEET
    set_cell(sheet, 1, 1, BENEFICIARY_TITLE)
    sheet.cell(1, 1).font = TITLE_FONT
    set_cell(sheet, 2, 1, BENEFICIARY_HINT)
    sheet.cell(2, 1).font = Font(italic=True)
    write_header(sheet, HEADER_ROW, BENEFICIARY_HEADERS)
    write_rows(sheet, FIRST_DATA_ROW, beneficiaries)
    fit_columns(sheet, from_row=HEADER_ROW)
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    acts = wb.create_sheet(ACTIVITIES_SHEET)
    write_header(acts, 1, ACTIVITY_HEADERS)
    write_rows(acts, 2, activities)
    fit_columns(acts)
    acts.freeze_panes = "A2"
    save_workbook(wb, path)
    return LaCoopExport(len(beneficiaries), len(activities))


def write_beneficiaries_csv(
    ws: Workspace, path: str | os.PathLike[str], site_id: str | None = None
) -> int:
    """Write the beneficiaries in La Coop's columns as a French Excel CSV; return the count."""
    rows = beneficiary_rows(ws, site_id)
    write_rows_csv(path, BENEFICIARY_HEADERS, rows)
    return len(rows)
