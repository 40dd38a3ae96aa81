"""What the window and the command line print: a funders' report in any format, a person's
record as PDF or JSON. Each writes the file, then the one audit line that says it was written
(the services write CSV, XLSX and JSON; the PDFs are drawn here, by Qt)."""

from __future__ import annotations

import os
from pathlib import Path

from ardoiz_desk.services.exchange.board import TerritoryBoard
from ardoiz_desk.services.exports.writing import (
    export_person_json,
    export_report,
    log_export,
    log_report_export,
    refuse_inside_data_folder,
)
from ardoiz_desk.services.privacy.access_record import person_record
from ardoiz_desk.services.reports.figures import Report
from ardoiz_desk.services.workspace import Workspace

REPORT_FORMATS = ("csv", "xlsx", "pdf")
RECORD_FORMATS = ("json", "pdf")


def print_report_pdf(ws: Workspace, report: Report, path: str | os.PathLike[str]) -> Path:
    """Draw the report as PDF (charts included) and log the export; return the path."""
    refuse_inside_data_folder(ws, path)
    from ardoiz_desk.printing.report_pdf import render_report_pdf  # QtCharts: on demand

    render_report_pdf(report, path)
    log_report_export(ws, report, "pdf", path)
    return Path(path)


def write_report(ws: Workspace, report: Report, fmt: str, path: str | os.PathLike[str]) -> Path:
    """Write the report as CSV, XLSX or PDF and log the export once."""
    if fmt == "pdf":
        return print_report_pdf(ws, report, path)
    return export_report(ws, report, fmt, path)


def record_format(path: str | os.PathLike[str]) -> str:
    """Return the record format a file name asks for: 'json' for .json, else 'pdf'."""
    return "json" if Path(path).suffix.lower() == ".json" else "pdf"


def write_person_record(
    ws: Workspace, participant_id: str, path: str | os.PathLike[str], fmt: str | None = None
) -> Path:
    """Write everything held about one person as JSON or PDF and log the export once.

    Without ``fmt`` the file's ending decides; a PDF without the ``.pdf`` ending gets it.
    """
    path = Path(path)
    if fmt is None:
        fmt = record_format(path)
        if fmt == "pdf" and path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
    if fmt == "json":
        export_person_json(ws, participant_id, path)
        return path
    if fmt != "pdf":
        raise ValueError(f"unknown record format: {fmt}")
    refuse_inside_data_folder(ws, path)
    from ardoiz_desk.printing.report_pdf import render_person_pdf  # QtCharts: on demand

    record = person_record(ws, participant_id)
    render_person_pdf(record, path)
    log_export(ws, "person.pdf", path, participant=record["personne"]["id"])
    return path


def print_territory_board(
    ws: Workspace, board: TerritoryBoard, path: str | os.PathLike[str]
) -> Path:
    """Draw the territory board as PDF (for the RGPD file) and log the export once."""
    refuse_inside_data_folder(ws, path)
    from ardoiz_desk.printing.territory_pdf import render_board_pdf

    render_board_pdf(board, path)
    unconfirmed = sum(1 for e in board.erasures if e.unconfirmed_by)
    log_export(
        ws,
        "territory-board.pdf",
        path,
        sites=len(board.lines),
        erasures=len(board.erasures),
        unconfirmed_erasures=unconfirmed,
    )
    return Path(path)
