"""The territory board as a PDF, for the funders' RGPD file: each site, and each erasure with
the sites that have not confirmed it yet. Takes the plain board from the services."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication

from ardoiz_desk.printing.flow_pdf import FlowDocument
from ardoiz_desk.printing.report_pdf import ensure_qt_app
from ardoiz_desk.services.exchange.board import TerritoryBoard
from ardoiz_desk.services.files import atomic_path


def tr(text: str) -> str:
    """Translate a string of the territory board PDF."""
    return QCoreApplication.translate("TerritoryPdf", text)


def _day(iso: str) -> str:
    """An ISO time as a French day and hour (UTC), or a dash."""
    if not iso:
        return "—"
    day, _, rest = iso.partition("T")
    y, m, d = day.split("-")
    return f"{d}/{m}/{y} {rest[:5]}".strip()


def _status(status: str) -> str:
    return {
        "trusted": tr("approuvé"),
        "pending": tr("en attente d'approbation"),
        "revoked": tr("révoqué"),
    }.get(status, status)


def _site_rows(board: TerritoryBoard) -> list[tuple]:
    rows = []
    for line in board.lines:
        silent = tr(" — silencieux") if line.silent else ""
        rows.append(
            (
                f"{line.site_code or line.replica_id}{silent}",
                _status(line.status),
                _day(line.last_bundle_at),
                _day(line.newest_change_at),
                line.behind,
                line.pending_bundles,
                len(line.unconfirmed_erasures),
            )
        )
    return rows


def render_board_pdf(board: TerritoryBoard, path: str | os.PathLike[str]) -> int:
    """Write the territory board as PDF, atomically; return the number of pages."""
    ensure_qt_app()
    edited = tr("Édité le {date} (UTC)").format(date=_day(board.at))
    doc = FlowDocument(tr("Tableau du territoire"), "Ardoiz Desk", edited)
    doc.add_title(tr("Tableau du territoire « {0} »").format(board.territory))
    doc.add_paragraph(
        tr(
            "Ce que chaque site détient, d'après le dernier vecteur de versions qu'il a "
            "envoyé. Un site est signalé silencieux après {0} jours sans paquet. Un "
            "effacement est confirmé par un site quand son vecteur montre qu'il le détient."
        ).format(board.silent_after_days)
    )
    doc.add_heading(tr("Sites"))
    headers = (
        tr("Site"),
        tr("Statut"),
        tr("Dernier paquet"),
        tr("Dernière modification reçue"),
        tr("Lignes en retard"),
        tr("Paquets en attente"),
        tr("Effacements non confirmés"),
    )
    doc.add_table(headers, _site_rows(board))
    doc.add_heading(tr("Effacements (RGPD)"))
    if not board.erasures:
        doc.add_paragraph(tr("Aucun effacement."))
    rows = [
        (
            e.participant_id,
            _day(e.erased_at),
            ", ".join(e.unconfirmed_by) if e.unconfirmed_by else tr("confirmé partout"),
        )
        for e in board.erasures
    ]
    if rows:
        headers = (tr("Fiche effacée"), tr("Effacée le"), tr("Pas encore confirmé par"))
        doc.add_table(headers, rows)
    with atomic_path(path) as tmp:
        return doc.save(str(tmp))
