"""The import preview in words: who each bundle adds, changes, deletes or erases.

People by name, activities by date and title, follow-ups by due date, person and reason;
the first names of each list then « … et N autres »; the other tables (presences, sites,
agents) as counts in words. Read-only rich text for the pane's detail view.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QLocale

from ardoiz_desk.gui.exchange.wording import counts_text, file_label, site_label, totals
from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.table_model import fr_date
from ardoiz_desk.services.exchange.import_report import BundleOutcome
from ardoiz_desk.services.exchange.preview_rows import RowChanges, RowLabel

#: Tables the detail names row by row; the others are told as counts.
NAMED = ("participants", "activities", "followups")


def tr(text: str) -> str:
    """Translate a string of the import preview."""
    return QCoreApplication.translate("ImportPreview", text)


def _headings() -> dict[tuple[str, str], str]:
    return {
        ("participants", "added"): tr("Personnes ajoutées ({0})"),
        ("participants", "changed"): tr("Personnes modifiées ({0})"),
        ("participants", "deleted"): tr("Personnes supprimées ({0})"),
        ("participants", "erased"): tr("Personnes effacées ({0})"),
        ("activities", "added"): tr("Activités ajoutées ({0})"),
        ("activities", "changed"): tr("Activités modifiées ({0})"),
        ("activities", "deleted"): tr("Activités supprimées ({0})"),
        ("followups", "added"): tr("Suivis ajoutés ({0})"),
        ("followups", "changed"): tr("Suivis modifiés ({0})"),
        ("followups", "deleted"): tr("Suivis supprimés ({0})"),
    }


def date_text(day: dt.date | None) -> str:
    """A date as the window writes them (15/06/2026)."""
    return fr_date(day)


def row_text(table: str, row: RowLabel) -> str:
    """One row in words: « Hélène DUPRÉ », « 12/06/2026 Atelier tablette », a follow-up."""
    if table == "participants":
        return row.name or tr("(sans nom)")
    if table == "activities":
        what = row.title or voc.kinds().get(row.kind, "")
        return f"{date_text(row.date)} {what}".strip()
    who = row.name or tr("(sans nom)")
    text = tr("{0} pour {1}").format(date_text(row.date), who)
    return f"{text} — {row.title}" if row.title else text


def list_text(rc: RowChanges) -> str:
    """The named rows of one list, then how many more."""
    names = [row_text(rc.table, r) for r in rc.shown]
    if rc.table == "participants":
        names.sort(key=str.casefold)
    text = " ; ".join(names) if rc.table != "participants" else ", ".join(names)
    more = rc.total - len(rc.shown)
    if more > 0:
        text += " " + tr("… et {0} autres").format(QLocale().toString(more))
    return text


def _others(outcome: BundleOutcome) -> str:
    """What the tables not named row by row bring, as counts in words (« 12 présences »).

    An applied import's outcome names nobody (its report is a file): all its tables are
    counted.
    """
    parts = []
    skip = NAMED if outcome.status == "preview" else ()
    for name, label in (
        ("new", tr("nouveau : {0}")),
        ("updated", tr("modifié : {0}")),
        ("deleted", tr("supprimé : {0}")),
        ("erased", tr("effacé : {0}")),
    ):
        counts = {t: n for t, n in totals([outcome], name).items() if t not in skip}
        text = counts_text(counts)
        if text:
            parts.append(label.format(text))
    if not parts:
        return ""
    text = " ; ".join(parts)
    return tr("Aussi — {0}.").format(text) if skip else tr("En tout — {0}.").format(text)


def outcome_html(outcome: BundleOutcome, site_names: Mapping[str, str]) -> str:
    """One bundle's part of the detail, as simple rich text."""
    origin = site_label(outcome, site_names)
    head = (
        tr("Paquet de {0}").format(origin)
        if origin
        else tr("Fichier « {0} »").format(file_label(outcome.file))
    )
    parts = [f"<p><b>{html.escape(head)}</b> — {html.escape(outcome.message)}</p>"]
    headings = _headings()
    for rc in outcome.changes:
        title = headings.get((rc.table, rc.change))
        if title:
            parts.append(
                f"<p><b>{html.escape(title.format(QLocale().toString(rc.total)))}</b> : "
                f"{html.escape(list_text(rc))}</p>"
            )
    others = _others(outcome)
    if others:
        parts.append(f"<p>{html.escape(others)}</p>")
    return "".join(parts)


def preview_html(outcomes: Iterable[BundleOutcome], site_names: Mapping[str, str]) -> str:
    """The whole detail: every bundle that would bring something, or was refused."""
    shown = [o for o in outcomes if o.status in ("preview", "applied", "refused", "held")]
    if not shown:
        return ""
    return "".join(outcome_html(o, site_names) for o in shown)
