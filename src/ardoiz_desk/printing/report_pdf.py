"""PDF documents drawn by Qt: the funders' report (figures, charts, tables) and one
person's record (right of access). Both take plain data from the services."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ardoiz_desk.printing import charts as charts
from ardoiz_desk.printing.flow_pdf import FlowDocument
from ardoiz_desk.printing.words import wording
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


def _definitions() -> str:
    return tr(
        "Définitions. Personnes accompagnées : personnes distinctes présentes à au moins un "
        "atelier ou accompagnement de la période (doublons fusionnés comptés une fois). "
        "Nouvelles : première présence jamais enregistrée dans la période ; déjà suivies : "
        "présentes avant la période. Participants anonymes : somme déclarée par activité. "
        "Tablettes prises en main : personnes ayant eu une séance individuelle de prise en "
        "main sur tablette dans la période et disposant d'une tablette (personnelle ou "
        "prêtée). Agents formés : agents distincts ayant suivi une formation dans la période."
    )


def report_title(report: Report) -> str:
    """The report's title line, in the window's language."""
    w = wording()
    period = lb.period_label(report.start, report.end, w)
    if report.site_label == lb.ALL_SITES:
        return tr("Pilote Ardoiz — rapport d'activité, {period}").format(period=period)
    return tr("Pilote Ardoiz — rapport d'activité — {site}, {period}").format(
        site=report.site_label, period=period
    )


def report_document(report: Report) -> FlowDocument:
    """The funders' report as a document: scope, key figures, charts, then every table."""
    w = wording()
    edited = tr("Édité le {date}").format(date=lb.french_date(report.generated_on))
    doc = FlowDocument(report_title(report), "Ardoiz Desk", edited)
    doc.add_title(tr("Pilote Ardoiz — rapport d'activité"))
    doc.add_table((tr("Périmètre"), ""), scope_lines(report, w))
    doc.add_heading(tr("Chiffres clés"))
    doc.add_tiles(key_figures(report, w))
    doc.add_charts([charts.monthly_chart(report, 9)], 300)
    doc.add_heading(tr("Activités"), new_page=True)
    doc.add_charts([charts.kinds_chart(report, 8), charts.genres_chart(report, 8)], 250)
    doc.add_charts([charts.themes_chart(report, 8)], 290)
    doc.add_charts([charts.durations_chart(report, 8), charts.places_chart(report, 8)], 200)
    doc.add_heading(tr("Personnes accompagnées"), new_page=True)
    doc.add_charts([charts.ages_chart(report, 8)], 220)
    doc.add_charts([charts.autonomy_chart(report, 8)], 260)
    for i, table in enumerate(report_tables(report, w)[1:]):
        doc.add_heading(table.title, new_page=i == 0)
        doc.add_table(table.headers, table.rows)
    doc.add_paragraph(_definitions(), small=True)
    return doc


def render_report_pdf(report: Report, path: str | os.PathLike[str]) -> int:
    """Write the funders' report as PDF, atomically; return the number of pages."""
    ensure_qt_app()
    doc = report_document(report)
    with atomic_path(path) as tmp:
        return doc.save(str(tmp))


def person_document(record: dict[str, Any]) -> FlowDocument:
    """One person's record as a document: what is held, activities, follow-ups."""
    edited = tr("Édité le {date}").format(date=lb.french_date(_date(record["genere_le"])))
    doc = FlowDocument(tr("Fiche personnelle"), "Ardoiz Desk", edited)
    doc.add_title(tr("Fiche personnelle — droit d'accès (RGPD)"))
    held = record["detenu_par"]
    intro = tr(
        "{name}. Ce document reprend tout ce que cette installation d'Ardoiz Desk "
        "(site : {site}) enregistre sur cette personne, au {date}."
    ).format(
        name=person_display_name(record),
        site=held.get("site") or tr("non précisé"),
        date=lb.french_date(_date(record["genere_le"])),
    )
    doc.add_paragraph(intro)
    doc.add_heading(tr("Informations enregistrées"))
    doc.add_table((tr("Champ"), tr("Valeur")), person_summary_lines(record, wording()))
    duplicates = record["doublons_fusionnes"]
    if duplicates:
        doc.add_heading(tr("Fiches en double fusionnées dans celle-ci"))
        rows = [
            (d["nom"], d["prenom"], d["annee_naissance"] or "", d["commune"]) for d in duplicates
        ]
        headers = (tr("Nom"), tr("Prénom"), tr("Année de naissance"), tr("Commune"))
        # A year is no quantity: written as it is, without a thousands separator.
        doc.add_table(headers, [(n, p, str(y), c) for n, p, y, c in rows])
    doc.add_heading(tr("Activités suivies"))
    doc.add_table(_activity_headers(), _activity_rows(record) or [_none_row(7)])
    doc.add_heading(tr("Rendez-vous de suivi"))
    doc.add_table(_followup_headers(), _followup_rows(record) or [_none_row(4)])
    return doc


def render_person_pdf(record: dict[str, Any], path: str | os.PathLike[str]) -> int:
    """Write one person's record as PDF, atomically; return the number of pages."""
    ensure_qt_app()
    doc = person_document(record)
    with atomic_path(path) as tmp:
        return doc.save(str(tmp))


def _date(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _none_row(n: int) -> tuple:
    return (tr("Aucun"), *([""] * (n - 1)))


def _activity_headers() -> tuple[str, ...]:
    return (
        tr("Date"),
        tr("Type"),
        tr("Durée (min)"),
        tr("Thématiques"),
        tr("Site"),
        tr("Autonomie"),
        tr("Note"),
    )


def _activity_rows(record: dict[str, Any]) -> list[tuple]:
    w = wording()
    return [
        (
            lb.french_date(_date(a["date"])),
            w.label(lb.label(lb.KIND_LABELS, a["type"])),
            a["duree_minutes"],
            ", ".join(w.label(lb.label(lb.THEME_LABELS, t)) for t in a["thematiques"]),
            a["site"],
            w.label(lb.AUTONOMY_LABELS.get(a["autonomie"] or "", "")),
            a["note"],
        )
        for a in record["activites"]
    ]


def _followup_headers() -> tuple[str, ...]:
    return (tr("Date prévue"), tr("Motif"), tr("Fait"), tr("Fait le"))


def _followup_rows(record: dict[str, Any]) -> list[tuple]:
    return [
        (
            lb.french_date(_date(f["date_prevue"])),
            f["motif"],
            tr("Oui") if f["fait"] else tr("Non"),
            lb.french_date(_date(f["fait_le"])) if f["fait_le"] else "",
        )
        for f in record["rendez_vous"]
    ]
