"""Export use cases: write a report, La Coop's files or a person's record, and log each
export in the audit trail. (PDFs are drawn by Qt in the GUI layer, which calls
:func:`log_export` once the file is written.)"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from ardoiz_desk.services.exports.csv_format import write_tables_csv
from ardoiz_desk.services.exports.lacoop import LaCoopExport, LaCoopPlan, write_lacoop_xlsx
from ardoiz_desk.services.exports.xlsx_format import write_tables_xlsx
from ardoiz_desk.services.privacy.access_record import person_record, write_person_json
from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.reports.figures import Report
from ardoiz_desk.services.reports.labels import ALL_SITES, period_label
from ardoiz_desk.services.reports.tables import report_tables
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace


class ExportInsideDataFolderError(ValidationError):
    """An export was to be written inside the data folder, where it would sit in clear."""

    def __init__(self) -> None:
        super().__init__(
            {
                "fichier": "Choisissez un emplacement hors du dossier de données : la base y "
                "est chiffrée, alors qu'un export est un fichier en clair destiné à en sortir."
            },
            {
                "fichier": "exports are not written inside the data folder (the base there is "
                "encrypted at rest; an export is a clear file meant to leave it): "
                "choose another place"
            },
        )


def refuse_inside_data_folder(ws: Workspace, path: str | os.PathLike[str]) -> None:
    """Refuse an export path inside the data folder (every export passes here first)."""
    target = Path(path).expanduser().resolve()
    folder = Path(ws.data_dir).expanduser().resolve()
    if target == folder or folder in target.parents:
        raise ExportInsideDataFolderError()


def report_title(report: Report) -> str:
    """Return the report's title line, in French."""
    where = "" if report.site_label == ALL_SITES else f" — {report.site_label}"
    return f"Pilote Ardoiz — rapport d'activité{where}, {period_label(report.start, report.end)}"


def _scope(report: Report) -> dict[str, Any]:
    return {
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "site": report.site_label,
        "agent": report.agent_label,
        "stage": report.stage,
    }


def log_export(ws: Workspace, kind: str, path: str | os.PathLike[str], **details: Any) -> None:
    """Record in the audit trail that a file was exported."""
    record_event(ws, f"export.{kind}", file=str(Path(path).resolve()), **details)


def log_report_export(
    ws: Workspace, report: Report, fmt: str, path: str | os.PathLike[str]
) -> None:
    """Record a report export (any format) in the audit trail."""
    log_export(ws, f"report.{fmt}", path, **_scope(report))


def export_report(ws: Workspace, report: Report, fmt: str, path: str | os.PathLike[str]) -> Path:
    """Write a report as CSV or XLSX and log the export."""
    refuse_inside_data_folder(ws, path)
    tables = report_tables(report)
    if fmt == "csv":
        write_tables_csv(path, report_title(report), tables)
    elif fmt == "xlsx":
        write_tables_xlsx(path, report_title(report), tables)
    else:
        raise ValueError(f"Format de rapport inconnu : {fmt}")
    log_report_export(ws, report, fmt, path)
    return Path(path)


def export_lacoop(
    ws: Workspace,
    path: str | os.PathLike[str],
    *,
    site_id: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    everyone: bool = False,
    plan: LaCoopPlan | None = None,
) -> LaCoopExport:
    """Write La Coop's workbook (.xlsx only), mark its people exported, log the export.

    By default the file carries only people never exported to La Coop (``everyone``: all);
    ``plan`` is the one shown to the agent beforehand (see ``lacoop.plan_lacoop``).
    """
    refuse_inside_data_folder(ws, path)
    result = write_lacoop_xlsx(ws, path, site_id, start, end, everyone=everyone, plan=plan)
    log_export(
        ws,
        "lacoop.xlsx",
        path,
        site=site_id,
        beneficiaries=result.beneficiaries,
        already_exported=result.already_exported,
        values_left_out=result.dropped,
        activities=result.activities,
        everyone=everyone,
    )
    return result


def export_person_json(
    ws: Workspace, participant_id: str, path: str | os.PathLike[str]
) -> dict[str, Any]:
    """Write one person's record as JSON (right of access) and log the export."""
    refuse_inside_data_folder(ws, path)
    record = person_record(ws, participant_id)
    write_person_json(record, path)
    log_export(ws, "person.json", path, participant=record["personne"]["id"])
    return record
