"""The language of what Qt prints and shows of a report: its words through the catalogue,
its numbers through ``QLocale`` (« 3 304,5 » in French, "3,304.5" in English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from ardoiz_desk.services import vocabulary
from ardoiz_desk.services.reports.labels import TRANSLATION_CONTEXT, Wording


def _report_words(text: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def _vocabulary(text: str) -> str:
    return QCoreApplication.translate(vocabulary.TRANSLATION_CONTEXT, text)


def wording() -> Wording:
    """The report's words in the window's language (French when no catalogue is installed)."""
    return Wording(t=_report_words, label=_vocabulary)


def report_locale() -> QLocale:
    """The locale of the printed language: the catalogue names it, so the numbers of a French
    report are French whatever the system's locale (the command line installs no catalogue)."""
    return QLocale(QCoreApplication.translate("ReportNumbers", "fr_FR"))


def number(value: object) -> str:
    """A figure as the report's language writes it: whole numbers as such, others to one
    decimal, with thousands separators; anything else as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    locale = report_locale()
    if isinstance(value, int):
        return locale.toString(value)
    return locale.toString(value, "f", 1)
