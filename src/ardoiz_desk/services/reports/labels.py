"""How reports word things in French: dates, months, periods, scopes; and the vocabularies'
labels, read from :mod:`ardoiz_desk.services.vocabulary` (their one source)."""

from __future__ import annotations

import datetime as dt

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
    "GENRE_LABELS",
    "KIND_LABELS",
    "KIND_PLURAL_LABELS",
    "MATERIEL_LABELS",
    "NIVEAU_LABELS",
    "NOT_GIVEN",
    "NO_COMMUNE",
    "NO_SITE",
    "STAGE_LABELS",
    "STATUT_LABELS",
    "TABLET_LABELS",
    "THEME_LABELS",
    "TYPE_LIEU_LABELS",
    "french_date",
    "hours_label",
    "label",
    "month_label",
    "period_label",
]
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_SHORT = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
ALL_SITES = "Tout le territoire"
ALL_AGENTS = "Tous les agents"
ALL_STAGES = "Toutes les étapes"
NO_SITE = "Sans site"
NO_COMMUNE = "Non communiquée"


def french_date(day: dt.date | None) -> str:
    """Return a date as French people write it: 15/06/2026."""
    return day.strftime("%d/%m/%Y") if day else ""


def month_label(month: str, short: bool = False) -> str:
    """Return 'juin 2026' (or 'juin 26' when short) for '2026-06'."""
    year, number = month.split("-")
    if short:
        return f"{MONTHS_SHORT[int(number) - 1]} {year[2:]}"
    return f"{MONTHS[int(number) - 1]} {year}"


def hours_label(minutes: int) -> str:
    """Return minutes as French hours: '12,5 h'."""
    return f"{minutes / 60:.1f}".replace(".", ",") + " h"


def period_label(start: dt.date, end: dt.date) -> str:
    """Return 'du 01/07/2025 au 15/06/2026'."""
    return f"du {french_date(start)} au {french_date(end)}"
