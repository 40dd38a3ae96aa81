"""How reports word things in French: dates, months, periods, scopes; and the vocabularies'
labels, read from :mod:`ardoiz_desk.services.vocabulary` (their one source).

Reports are worded in French. What Qt prints (the PDF, the Rapports pane) may word them in
English: it passes a :class:`Wording` whose ``t`` translates the report's own words (under the
fixed context :data:`TRANSLATION_CONTEXT`) and whose ``label`` translates the vocabularies'
labels. ``scripts/update_translations.py`` collects every French text passed to ``t(...)`` or
marked ``N_(...)`` in this package, where ``pyside6-lupdate`` cannot see them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

# The vocabularies' labels live in one place (services/vocabulary.py); reports read them here.
from ardoiz_desk.services.vocabulary import (
    AGE_BAND_LABELS,
    DURATION_BAND_LABELS,
    GENRE_LABELS,
    KIND_LABELS,
    KIND_PLURAL_LABELS,
    MATERIEL_LABELS,
    NIVEAU_LABELS,
    NOT_GIVEN,
    STAGE_LABELS,
    STATUT_LABELS,
    TABLET_LABELS,
    THEME_LABELS,
    TYPE_LIEU_LABELS,
    label,
)
from ardoiz_desk.services.vocabulary import AUTONOMY_LEVEL_LABELS as AUTONOMY_LABELS

__all__ = [
    "AGE_BAND_LABELS",
    "ALL_AGENTS",
    "ALL_SITES",
    "ALL_STAGES",
    "AUTONOMY_LABELS",
    "DURATION_BAND_LABELS",
    "FRENCH",
    "GENRE_LABELS",
    "KIND_LABELS",
    "KIND_PLURAL_LABELS",
    "MATERIEL_LABELS",
    "NIVEAU_LABELS",
    "NOT_GIVEN",
    "NO_COMMUNE",
    "NO_SITE",
    "N_",
    "STAGE_LABELS",
    "STATUT_LABELS",
    "TABLET_LABELS",
    "THEME_LABELS",
    "TRANSLATION_CONTEXT",
    "TYPE_LIEU_LABELS",
    "Wording",
    "french_date",
    "label",
    "month_label",
    "period_label",
    "scope_name",
]
#: The Qt translation context of the report's own words (the vocabularies have theirs).
TRANSLATION_CONTEXT = "ReportWording"


def N_(text: str) -> str:
    """Mark a French text for the catalogue (gettext's name); it is translated where it is
    shown."""
    return text


def same(text: str) -> str:
    """No translation: the French text as it is."""
    return text


@dataclass(frozen=True)
class Wording:
    """How a report is worded: ``t`` for its own words, ``label`` for vocabulary labels."""

    t: Callable[[str], str] = same
    label: Callable[[str], str] = same


#: The reports' own language (CSV, XLSX and La Coop files are always written in French).
FRENCH = Wording()

MONTHS = (
    N_("janvier"),
    N_("février"),
    N_("mars"),
    N_("avril"),
    N_("mai"),
    N_("juin"),
    N_("juillet"),
    N_("août"),
    N_("septembre"),
    N_("octobre"),
    N_("novembre"),
    N_("décembre"),
)
ALL_SITES = N_("Tout le territoire")
ALL_AGENTS = N_("Tous les agents")
ALL_STAGES = N_("Toutes les étapes")
NO_SITE = N_("Sans site")
NO_COMMUNE = N_("Non communiquée")
_SCOPE_WORDS = (ALL_SITES, ALL_AGENTS, ALL_STAGES, NO_SITE, NO_COMMUNE)


def french_date(day: dt.date | None) -> str:
    """Return a date as French people write it: 15/06/2026."""
    return day.strftime("%d/%m/%Y") if day else ""


def month_label(month: str, w: Wording = FRENCH) -> str:
    """Return 'juin 2026' for '2026-06'."""
    year, number = month.split("-")
    return f"{w.t(MONTHS[int(number) - 1])} {year}"


def period_label(start: dt.date, end: dt.date, w: Wording = FRENCH) -> str:
    """Return 'du 01/07/2025 au 15/06/2026'."""
    return w.t("du {start} au {end}").format(start=french_date(start), end=french_date(end))


def scope_name(name: str, w: Wording = FRENCH) -> str:
    """A site, agent or commune name as it is, or the report's words for "all" or "none"."""
    return w.t(name) if name in _SCOPE_WORDS else name
