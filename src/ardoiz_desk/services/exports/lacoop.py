"""Export for La Coop de la médiation numérique: its beneficiaries import file (sheet
"Bénéficiaires", rows 1-3 never read, data from row 4) and its accompaniments sheet.

La Coop inserts every row it imports (no de-duplication): a replica-local ledger
(``store/ledgers.py``) remembers who was written, and by default an export carries only
people never exported before. Values are written exactly as typed (text cells typed as
text); a value La Coop would drop or flag is left out of the file and listed beforehand
(:mod:`ardoiz_desk.services.exports.lacoop_check`).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from ardoiz_desk.services.exports.lacoop_activities import ACCOMPANIMENT_HEADERS, accompaniments
from ardoiz_desk.services.exports.lacoop_check import Dropped, beneficiary_cells
from ardoiz_desk.services.exports.xlsx_format import (
    TITLE_FONT,
    fit_columns,
    save_workbook,
    set_cell,
    write_header,
    write_rows,
)
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.ledgers import LaCoopExportMark
from ardoiz_desk.store.models import Participant, listed_participant

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
EXTENSION = ".xlsx"


@dataclass(frozen=True)
class LaCoopPlan:
    """What an export would write, shown before writing: who is new, who was exported."""

    rows: list[tuple] = field(default_factory=list)  # the beneficiaries' cells, by name
    participant_ids: list[str] = field(default_factory=list)
    already_exported: int = 0  # left out: in an earlier La Coop file (unless everyone)
    dropped: list[Dropped] = field(default_factory=list)  # values left out, and why

    @property
    def new(self) -> int:
        """How many people the file carries."""
        return len(self.rows)


@dataclass(frozen=True)
class LaCoopExport:
    """What a La Coop export wrote."""

    beneficiaries: int
    activities: int
    already_exported: int = 0
    dropped: int = 0


def check_extension(path: str | os.PathLike[str]) -> None:
    """La Coop reads .xlsx only: refuse any other ending (the file would lie about itself)."""
    if Path(path).suffix.lower() != EXTENSION:
        raise ValidationError(
            {"path": f"Fichier La Coop : l'extension doit être {EXTENSION} (reçu « {path} »)."}
        )


def plan_lacoop(ws: Workspace, site_id: str | None = None, everyone: bool = False) -> LaCoopPlan:
    """Who the next La Coop file carries (never-exported people, or everyone), and why any
    value of theirs is left out."""
    stmt = select(Participant).where(*listed_participant())
    if site_id:
        stmt = stmt.where(Participant.site_id == site_id)
    stmt = stmt.order_by(Participant.nom, Participant.prenom, Participant.id)
    rows, ids, dropped, already = [], [], [], 0
    with ws.store.session() as session:
        exported = set(session.scalars(select(LaCoopExportMark.participant_id)))
        for person in session.scalars(stmt):
            if person.id in exported and not everyone:
                already += 1
                continue
            cells, left_out = beneficiary_cells(person, ws.today().year)
            if cells is None:
                dropped.extend(left_out)
                continue
            rows.append(cells)
            ids.append(person.id)
            dropped.extend(left_out)
    return LaCoopPlan(rows, ids, already, dropped)


def mark_exported(ws: Workspace, participant_ids: list[str], when: str) -> None:
    """Remember in the ledger that these people were written to a La Coop file."""
    with ws.store.session() as session:
        for pid in participant_ids:
            mark = session.get(LaCoopExportMark, pid)
            if mark is None:
                session.add(
                    LaCoopExportMark(
                        participant_id=pid, first_exported_at=when, last_exported_at=when
                    )
                )
            else:
                mark.last_exported_at, mark.times = when, mark.times + 1


def _beneficiaries_sheet(wb: Workbook, rows: list[tuple]) -> None:
    sheet = wb.active
    sheet.title = BENEFICIARIES_SHEET
    set_cell(sheet, 1, 1, BENEFICIARY_TITLE)
    sheet.cell(1, 1).font = TITLE_FONT
    set_cell(sheet, 2, 1, BENEFICIARY_HINT)
    sheet.cell(2, 1).font = Font(italic=True)
    write_header(sheet, HEADER_ROW, BENEFICIARY_HEADERS)
    write_rows(sheet, FIRST_DATA_ROW, rows)
    fit_columns(sheet, from_row=HEADER_ROW)
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"


def write_lacoop_xlsx(
    ws: Workspace,
    path: str | os.PathLike[str],
    site_id: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    everyone: bool = False,
    plan: LaCoopPlan | None = None,
) -> LaCoopExport:
    """Write La Coop's workbook atomically, then mark its people in the ledger."""
    check_extension(path)
    plan = plan or plan_lacoop(ws, site_id, everyone)
    activities = list(accompaniments(ws, site_id, start, end))
    wb = Workbook()
    _beneficiaries_sheet(wb, plan.rows)
    acts = wb.create_sheet(ACTIVITIES_SHEET)
    write_header(acts, 1, ACCOMPANIMENT_HEADERS)
    write_rows(acts, 2, activities)
    fit_columns(acts)
    acts.freeze_panes = "A2"
    save_workbook(wb, path)
    mark_exported(ws, plan.participant_ids, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    return LaCoopExport(plan.new, len(activities), plan.already_exported, len(plan.dropped))
