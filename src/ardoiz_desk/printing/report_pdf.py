"""PDF documents drawn by Qt: the funders' report (figures, charts, tables) and one
person's record (right of access). Both take plain data from the services."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication

from ardoiz_desk.printing import charts as charts
from ardoiz_desk.printing.pdf_layout import (
    BORDER,
    GAP,
    HEADER_BG,
    MUTED,
    STRIPE_BG,
    Block,
    PdfDocument,
    charts_block,
    font,
    heading,
    table_blocks,
    text_block,
)
from ardoiz_desk.services.exports.writing import report_title
from ardoiz_desk.services.files import atomic_path
from ardoiz_desk.services.privacy.access_record import person_display_name, person_summary_lines
from ardoiz_desk.services.reports import labels as lb
from ardoiz_desk.services.reports.figures import Report
from ardoiz_desk.services.reports.tables import key_figures, report_tables, scope_lines

_app: QApplication | None = None


def tr(text: str) -> str:
    """Translate a string of the PDF documents."""
    return QCoreApplication.translate("ReportPdf", text)


def ensure_qt_app() -> QApplication:
    """Return the running QApplication, creating an offscreen one (for the command line)."""
    global _app
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QApplication(["ardoiz-desk"])
        app = _app
    return app  # type: ignore[return-value]


def _key_figures_block(doc: PdfDocument, report: Report) -> Block:
    figures = key_figures(report)
    columns, box_h = 4, 58.0
    rows = (len(figures) + columns - 1) // columns
    box_w = (doc.width - GAP * (columns - 1)) / columns

    def paint(p: QPainter, rect: QRectF) -> None:
        for i, (name, value) in enumerate(figures):
            x = rect.x() + (i % columns) * (box_w + GAP)
            y = rect.y() + (i // columns) * (box_h + GAP / 2)
            box = QRectF(x, y, box_w, box_h)
            p.fillRect(box, STRIPE_BG)
            p.setPen(QPen(BORDER, 0.6))
            p.drawRect(box)
            text = f"{value:.1f}".replace(".", ",") if isinstance(value, float) else str(value)
            p.setFont(font(16, bold=True))
            p.setPen(HEADER_BG)
            p.drawText(box.adjusted(6, 4, -6, -24), Qt.AlignmentFlag.AlignLeft, text)
            p.setFont(font(8))
            p.setPen(MUTED)
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            p.drawText(box.adjusted(6, 4, -6, -5), flags | int(Qt.TextFlag.TextWordWrap), name)

    return Block(rows * (box_h + GAP / 2), paint)


def _definitions(doc: PdfDocument) -> Block:
    text = tr(
        "Définitions. Personnes accompagnées : personnes distinctes présentes à au moins un "
        "atelier ou accompagnement de la période (doublons fusionnés comptés une fois). "
        "Nouvelles : première présence jamais enregistrée dans la période ; déjà suivies : "
        "présentes avant la période. Participants anonymes : somme déclarée par activité. "
        "Tablettes prises en main : personnes ayant eu une séance individuelle de prise en "
        "main sur tablette dans la période et disposant d'une tablette (personnelle ou "
        "prêtée). Agents formés : agents distincts ayant suivi une formation dans la période."
    )
    return text_block(doc, text, font(7.5, italic=True), MUTED)


def _report_blocks(doc: PdfDocument, report: Report) -> None:
    doc.add(text_block(doc, tr("Pilote Ardoiz — rapport d'activité"), font(20, bold=True)))
    doc.add(*table_blocks(doc, (tr("Périmètre"), ""), scope_lines(report)))
    doc.add(heading(doc, tr("Chiffres clés")), _key_figures_block(doc, report))
    doc.add(charts_block([charts.monthly_chart(report, 9)], doc.width, 300))
    doc.add(heading(doc, tr("Activités"), page_break=True))
    doc.add(
        charts_block(
            [
                charts.kinds_chart(report, 8),
                charts.pie_chart(tr("Genre"), report.genres, lb.GENRE_LABELS, 8),
            ],
            doc.width,
            250,
        )
    )
    doc.add(charts_block([_theme_chart(report)], doc.width, 290))
    doc.add(
        charts_block(
            [
                charts.counts_chart(
                    tr("Durée des activités"), report.duration_bands, lb.DURATION_BAND_LABELS, 8
                ),
                charts.counts_chart(tr("Lieux"), report.place_types, lb.TYPE_LIEU_LABELS, 8),
            ],
            doc.width,
            200,
        )
    )
    doc.add(heading(doc, tr("Personnes accompagnées"), page_break=True))
    doc.add(
        charts_block(
            [charts.counts_chart(tr("Tranches d'âge"), report.age_bands, lb.AGE_BAND_LABELS, 8)],
            doc.width,
            220,
        )
    )
    doc.add(charts_block([charts.autonomy_chart(report, 8)], doc.width, 260))
    first = True
    for table in report_tables(report)[1:]:
        doc.add(heading(doc, table.title, page_break=first))
        doc.add(*table_blocks(doc, table.headers, table.rows))
        first = False
    doc.add(_definitions(doc))


def _theme_chart(report: Report):
    return charts.counts_chart(tr("Thématiques"), report.themes, lb.THEME_LABELS, 8)


def render_report_pdf(report: Report, path: str | os.PathLike[str]) -> int:
    """Write the funders' report as PDF, atomically; return the number of pages."""
    ensure_qt_app()
    edited = tr("Édité le {date}").format(date=lb.french_date(report.generated_on))
    with atomic_path(path) as tmp:
        doc = PdfDocument(str(tmp), report_title(report), "Ardoiz Desk", edited)
        _report_blocks(doc, report)
        return doc.save()


def _person_blocks(doc: PdfDocument, record: dict[str, Any]) -> None:
    doc.add(text_block(doc, tr("Fiche personnelle — droit d'accès (RGPD)"), font(18, bold=True)))
    held = record["detenu_par"]
    intro = tr(
        "{name}. Ce document reprend tout ce que cette installation d'Ardoiz Desk "
        "(site : {site}) enregistre sur cette personne, au {date}."
    ).format(
        name=person_display_name(record),
        site=held.get("site") or tr("non précisé"),
        date=lb.french_date(_date(record["genere_le"])),
    )
    doc.add(text_block(doc, intro, font(9.5)))
    doc.add(heading(doc, tr("Informations enregistrées")))
    doc.add(*table_blocks(doc, (tr("Champ"), tr("Valeur")), person_summary_lines(record)))
    duplicates = record["doublons_fusionnes"]
    if duplicates:
        doc.add(heading(doc, tr("Fiches en double fusionnées dans celle-ci")))
        rows = [
            (d["nom"], d["prenom"], d["annee_naissance"] or "", d["commune"]) for d in duplicates
        ]
        doc.add(*table_blocks(doc, ("Nom", "Prénom", "Année de naissance", "Commune"), rows))
    doc.add(heading(doc, tr("Activités suivies")))
    doc.add(*table_blocks(doc, _activity_headers(), _activity_rows(record) or [_none_row(7)]))
    doc.add(heading(doc, tr("Rendez-vous de suivi")))
    doc.add(*table_blocks(doc, _followup_headers(), _followup_rows(record) or [_none_row(4)]))


def _date(iso: str):
    import datetime as dt

    return dt.date.fromisoformat(iso)


def _none_row(n: int) -> tuple:
    return (tr("Aucun"), *([""] * (n - 1)))


def _activity_headers() -> tuple[str, ...]:
    return ("Date", "Type", "Durée (min)", "Thématiques", "Site", "Autonomie", "Note")


def _activity_rows(record: dict[str, Any]) -> list[tuple]:
    return [
        (
            lb.french_date(_date(a["date"])),
            lb.label(lb.KIND_LABELS, a["type"]),
            a["duree_minutes"],
            ", ".join(lb.label(lb.THEME_LABELS, t) for t in a["thematiques"]),
            a["site"],
            lb.AUTONOMY_LABELS.get(a["autonomie"] or "", ""),
            a["note"],
        )
        for a in record["activites"]
    ]


def _followup_headers() -> tuple[str, ...]:
    return ("Date prévue", "Motif", "Fait", "Fait le")


def _followup_rows(record: dict[str, Any]) -> list[tuple]:
    return [
        (
            lb.french_date(_date(f["date_prevue"])),
            f["motif"],
            "Oui" if f["fait"] else "Non",
            lb.french_date(_date(f["fait_le"])) if f["fait_le"] else "",
        )
        for f in record["rendez_vous"]
    ]


def render_person_pdf(record: dict[str, Any], path: str | os.PathLike[str]) -> int:
    """Write one person's record as PDF, atomically; return the number of pages."""
    ensure_qt_app()
    edited = tr("Édité le {date}").format(date=lb.french_date(_date(record["genere_le"])))
    with atomic_path(path) as tmp:
        doc = PdfDocument(str(tmp), tr("Fiche personnelle"), "Ardoiz Desk", edited)
        _person_blocks(doc, record)
        return doc.save()
